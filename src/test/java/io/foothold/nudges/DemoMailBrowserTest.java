package io.foothold.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.RecoveryArcForms;

/**
 * The demo's mail page in Debian's headless Chromium: maya signs in to Tasklist, opens /demo-mail/ and reads the mail
 * about her new step, with its Tasklist link, and nothing of anyone else's; axe-core finds no WCAG 2.2 AA violation.
 * On her case overview she changes her choice of reminder mails (a change with the browser session and its CSRF
 * token). Screenshots go to target/screenshots.
 */
@FootholdSpringTest
class DemoMailBrowserTest {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;
  @Autowired NudgesEnginePlugin plugin;
  @Autowired DemoMailCatcher catcher;

  WebDriver driver;
  WebDriverWait wait;
  Path profile;
  String testName;

  @BeforeEach
  void openBrowser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    HeadlessChromium.Session session = HeadlessChromium.start(1280, 900);
    driver = session.driver();
    profile = session.profile();
    wait = new WebDriverWait(driver, WAIT);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    try {
      assertThat(HeadlessChromium.cspViolations(driver)).as("the pages work under their Content-Security-Policy").isEmpty();
    } finally {
      driver.quit();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      EngineRest.as(web, "maya").exchangeApi("PUT", "/api/my/nudges", Map.of("choice", "EVERY_STEP"));
    }
  }

  @Test
  void mayaReadsHerCaughtMailsAndChangesHerChoice() throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(driver, SCREENSHOTS, testName, () -> {
      // given maya opened a case for sam, and the mail about her new step was sent
      EngineRest maya = EngineRest.as(web, "maya");
      String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
      String taskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");
      new NudgeDriver(engine, plugin, catcher).sendDueMails();

      // when she signs in and opens the demo mail page
      login("maya");
      driver.get(base() + "/demo-mail/");
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));

      // then her mail is listed with the step's name and a link to it in Tasklist, and only mails to her
      List<WebElement> mails = driver.findElements(By.cssSelector("#mails > li"));
      assertThat(mails).isNotEmpty();
      assertThat(mails).allSatisfy(mail -> assertThat(mail.findElement(By.cssSelector(".meta")).getText()).startsWith("To maya@foothold.test"));
      WebElement link = driver.findElement(By.cssSelector("#mails a[href$='task=" + taskId + "']"));
      assertThat(link.getAttribute("href")).isEqualTo(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
      assertThat(driver.findElement(By.id("mails")).getText()).contains("A new step for you: Hold a calm, fact-focused debrief");
      assertThat(axeViolations()).isEmpty();
      HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("demo-mail.png"));

      // when she chooses the weekly digest only on her case overview
      driver.get(base() + "/overview/");
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-nudges", "true"));
      assertThat(driver.findElement(By.id("nudge-every")).isSelected()).isTrue();
      // the link appears once its own request has answered, which may come after the choice's
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-mail-link")));
      driver.findElement(By.cssSelector("label[for='nudge-digest']")).click();
      driver.findElement(By.cssSelector("#nudges-form button[type='submit']")).click();
      wait.until(ExpectedConditions.textToBe(By.id("nudges-status"), "Saved."));

      // then it is stored, and the page is still accessible
      assertThat(maya.getApi("/api/my/nudges").getBody()).contains("\"choice\":\"DIGEST_ONLY\"");
      assertThat(axeViolations()).isEmpty();
    });
  }

  private void login(String user) {
    HeadlessChromium.signInToWebapps(driver, base() + "/camunda/app/tasklist/default/", user, "demo");
  }

  private List<String> axeViolations() throws Exception {
    return HeadlessChromium.axeViolations(driver);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
