package io.foothold.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.foothold.support.HeadlessChromium;

/**
 * What every browser test of the HR pages stands on: a fresh {@link HrBrowser} for each test, closed after it, by
 * when the pages must have worked under their Content-Security-Policy. Subclasses carry {@code @FootholdSpringTest}.
 */
abstract class HrBrowserTestBase {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;

  HrBrowser browser;
  String testName;

  @BeforeEach
  void openBrowser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    browser = HrBrowser.open("http://127.0.0.1:" + port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (browser != null) {
      try {
        if (checksContentSecurityPolicy()) {
          assertThat(browser.cspViolations()).as("the Tasklist sign-in and the HR pages work under their Content-Security-Policy")
              .isEmpty();
        }
      } finally {
        browser.close();
      }
    }
  }

  /** Whether the test ends by asking what the Content-Security-Policy refused (every test but one that is about something else). */
  boolean checksContentSecurityPolicy() {
    return true;
  }

  /** Runs the steps; on a failure keeps a screenshot and the page source under {@link #SCREENSHOTS}, named after the test. */
  void onFailureKeepEvidence(HeadlessChromium.Steps steps) throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(browser.driver(), SCREENSHOTS, testName, steps);
  }
}
