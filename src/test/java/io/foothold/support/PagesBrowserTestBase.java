package io.foothold.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser test of Foothold's own pages (the case overview, the demo mail page) stands on: a fresh headless
 * Chromium for each test ({@link #driver}, {@link #wait}), signed in through Tasklist's login as a person would,
 * closed after the test, by when the pages must have worked under their Content-Security-Policy. Subclasses carry
 * {@code @FootholdSpringTest}.
 */
public abstract class PagesBrowserTestBase {

  protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort protected int port;

  protected WebDriver driver;
  protected WebDriverWait wait;
  protected String testName;
  private HeadlessChromium.Session session;

  @BeforeEach
  void openBrowser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    session = HeadlessChromium.start(1280, 900);
    driver = session.driver();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    try {
      assertThat(HeadlessChromium.cspViolations(driver)).as("the pages work under their Content-Security-Policy").isEmpty();
    } finally {
      session.close();
    }
  }

  /** Signs in on Tasklist's login page: the session is what Foothold's pages and their API calls use. */
  protected void login(String user) {
    HeadlessChromium.signInToWebapps(driver, base() + "/camunda/app/tasklist/default/", user, "demo");
  }

  protected List<String> axeViolations() throws Exception {
    return HeadlessChromium.axeViolations(driver);
  }

  protected String base() {
    return "http://127.0.0.1:" + port;
  }
}
