package io.foothold.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.PagesBrowserTestBase;
import io.foothold.support.RecoveryArcForms;

/**
 * The demo's mail page in Debian's headless Chromium: maya signs in to Tasklist, opens /demo-mail/ and reads the mail
 * about her new step, with its Tasklist link, and nothing of anyone else's; axe-core finds no WCAG 2.2 AA violation.
 * On her case overview she changes her choice of reminder mails (a change with the browser session and its CSRF
 * token). Screenshots go to target/screenshots.
 */
@FootholdSpringTest
class DemoMailBrowserTest extends PagesBrowserTestBase {

  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;
  @Autowired NudgesEnginePlugin plugin;
  @Autowired DemoMailCatcher catcher;

  @AfterEach
  void mayaGetsAMailAtEveryStepAgain() {
    EngineRest.as(web, "maya").exchangeApi("PUT", "/api/my/nudges", Map.of("choice", "EVERY_STEP"));
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
}
