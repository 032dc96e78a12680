package io.foothold.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.PagesBrowserTestBase;

/**
 * The case overview as maya sees it in Debian's headless Chromium, reached from Tasklist's header: a case waiting on
 * its check-in timer is listed with the timer's date and the confidence trend, a case at her step links to the task
 * in Tasklist, axe-core finds no WCAG 2.2 AA violation, and omar and hana see none of maya's cases. The screenshot
 * goes to target/screenshots (docs/images holds the committed copy).
 */
@FootholdSpringTest
class CaseOverviewBrowserTest extends PagesBrowserTestBase {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;


  @Test
  void mayaSeesHerCasesWhereTheyStandAndOpensHerStepInTasklist() throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(driver, SCREENSHOTS, testName, () -> {
      // given a case of maya's waiting on its check-in timer after two check-ins (2, then 4), and one at her debrief
      CaseSteps steps = new CaseSteps(web, management);
      EngineRest maya = steps.as("maya");
      String waiting = steps.open(maya, "sam");
      steps.toCheckInTimer(maya, waiting, List.of(2, 4));
      var timer = steps.checkInTimer(waiting);
      String atDebrief = steps.open(maya, "lea");
      String debriefTask = (String) maya.task(atDebrief, "Task_CalmDebrief").get("id");

      // when maya signs in to Tasklist and follows the header link to her overview
      login("maya");
      WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.foothold-overview-link")));
      assertThat(link.getText()).isEqualTo("My cases overview");
      HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("tasklist-overview-link.png"));
      link.click();
      wait.until(ExpectedConditions.urlContains("/overview/"));
      rendered();

      // then the case waiting on the timer is there, with the timer's date and the trend of its two ratings
      WebElement row = driver.findElement(By.cssSelector("tr[data-case-id='" + waiting + "']"));
      String day = DateTimeFormatter.ofPattern("d MMM", Locale.UK).format(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()));
      assertThat(row.getAttribute("data-kind")).isEqualTo("timer");
      assertThat(row.getText()).contains("Sam Okafor", "Recovery after a visible failure", "Next check-in due", day);
      WebElement sparkline = row.findElement(By.cssSelector("svg.sparkline[role='img']"));
      assertThat(sparkline.getAttribute("aria-label")).isEqualTo("Confidence at 2 check-ins, oldest first: 2, 4 (out of 5)");
      assertThat(row.findElements(By.cssSelector("svg.sparkline polyline"))).as("a line through both ratings").hasSize(1);
      assertThat(row.getText()).contains("2 → 4");

      // and axe-core finds no WCAG 2.2 A/AA violation on the page
      assertThat(axeViolations()).isEmpty();
      driver.manage().window().setSize(new Dimension(1280, 720));
      HeadlessChromium.screenshot(driver, SCREENSHOTS.resolve("manager-overview.png"));

      // and the debrief case's link opens that task in Tasklist
      WebElement open = driver.findElement(By.cssSelector("tr[data-case-id='" + atDebrief + "'] a.open-task"));
      assertThat(open.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + debriefTask);
      open.click();
      wait.until(ExpectedConditions.urlContains("task=" + debriefTask));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Hold a calm, fact-focused debrief"));

      // and omar, signed in on the same browser, sees none of maya's cases
      signOut();
      login("omar");
      driver.get(base() + "/overview/");
      rendered();
      assertThat(driver.findElements(By.cssSelector("tr[data-case-id='" + waiting + "'], tr[data-case-id='" + atDebrief + "']"))).isEmpty();

      // and hana (HR) is told where her work is instead of getting an error page
      signOut();
      login("hana");
      driver.get(base() + "/overview/");
      wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
      WebElement notice = driver.findElement(By.id("notice"));
      assertThat(notice.getText()).contains("HR pages");
      assertThat(notice.findElement(By.tagName("a")).getAttribute("href")).endsWith("/hr/");
      assertThat(axeViolations()).as("the notice page is accessible too").isEmpty();
    });
  }

  private void signOut() {
    driver.manage().deleteAllCookies();
  }

  private void rendered() {
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rendered", "true"));
  }

  private void documentComplete() {
    wait.until((ExpectedCondition<Boolean>) d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
