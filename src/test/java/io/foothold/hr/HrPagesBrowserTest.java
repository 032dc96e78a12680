package io.foothold.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.analytics.RecoveryCases;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.FootholdSpringTest;

/**
 * HR's own pages in Debian's headless Chromium, signed in through Tasklist as hana: the analytics charts really
 * draw, the case list shows cases, a case's timeline shows its events. A manager signed in the same way is told
 * the pages are for HR. Screenshots go to target/screenshots (docs/images holds the committed copies).
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class HrPagesBrowserTest extends HrBrowserTestBase {

  static final long MAX_SCREENSHOT_BYTES = 300 * 1024;

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void hrSeesChartsTheCaseListAndATimeline() throws Throwable {
    onFailureKeepEvidence(() -> {
      List<String> cases = new RecoveryCases(web, management, history).fiveRecoveries();
      browser.loginToTasklist("hana", "demo");

      // ---- analytics: every chart is drawn from non-suppressed data
      browser.resize(1280, 1400);
      browser.get("/hr/analytics.html");
      browser.waitFor(By.cssSelector("body[data-rendered='true']"));
      for (String chart : List.of("chart-months", "chart-phases", "chart-confidence")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.script(
            "var canvas = document.getElementById(arguments[0]);"
                + "var chart = window.Chart && Chart.getChart(canvas);"
                + "var blank = document.createElement('canvas'); blank.width = canvas.width; blank.height = canvas.height;"
                + "var points = chart ? chart.data.datasets.reduce(function (n, d) {"
                + "  return n + d.data.filter(function (v) { return typeof v === 'number'; }).length; }, 0) : 0;"
                + "return { points: points, painted: canvas.width > 0 && canvas.toDataURL() !== blank.toDataURL() };", chart);
        assertThat(((Number) drawn.get("points")).intValue()).as("%s has data points", chart).isPositive();
        assertThat(drawn.get("painted")).as("%s painted something on its canvas", chart).isEqualTo(true);
      }
      assertThat(browser.waitFor(By.cssSelector("#recovery .figure")).getText()).as("time to recovery is shown").matches("[0-9.]+ days \\(median\\)");
      assertThat(browser.all(By.cssSelector("#supports tr")).stream().map(WebElement::getText))
          .as("RecoveryArcForms.chooseSupports() chose calm-debrief for all five").anyMatch(row -> row.matches("calm-debrief \\d+ \\d+"));
      saveScreenshot("hr-analytics.png");

      // ---- the case list and a case's timeline come from the audit API (io.foothold.audit)
      browser.resize(1280, 1000);
      String caseId = cases.get(0);
      if (!auditApiPresent()) {
        // The audit API (GET /api/audit/cases, /api/audit/cases/{id}) is built in parallel and not merged into
        // this branch yet: the pages can only show that the service did not answer. Once it is merged, the
        // branch below runs instead and checks the list and the timeline for real.
        browser.get("/hr/index.html");
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Not found");
        browser.get("/hr/case.html?id=" + caseId);
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Not found");
        assertThat(browser.waitFor(By.id("export")).getAttribute("href")).endsWith("/api/audit/cases/" + caseId + ".csv");
        return;
      }

      browser.get("/hr/index.html?state=closed&outcome=recovered");
      browser.waitFor(By.cssSelector("#cases tr[data-case-id]"));
      assertThat(browser.all(By.cssSelector("#cases tr[data-case-id]")).stream().map(row -> row.getAttribute("data-case-id")))
          .as("the newest recoveries are listed").containsAnyElementsOf(cases);
      assertThat(browser.waitFor(By.id("export")).getAttribute("href")).contains("/api/audit/cases.csv?").contains("state=closed");

      browser.get("/hr/case.html?id=" + caseId);
      browser.waitFor(By.cssSelector("#timeline li[data-kind]"));
      List<String> kinds = browser.all(By.cssSelector("#timeline li[data-kind]")).stream().map(li -> li.getAttribute("data-kind")).toList();
      assertThat(kinds).as("oldest first").startsWith("case-opened").contains("task-completed", "decision").endsWith("case-closed");
      assertThat(browser.waitFor(By.id("title")).getText()).isEqualTo("Case: Sam Okafor");
      assertThat(browser.waitFor(By.id("export")).getAttribute("href")).endsWith("/api/audit/cases/" + caseId + ".csv");
      saveScreenshot("hr-timeline.png");
    });
  }

  @Test
  void aManagerSignedInToTasklistIsToldThePagesAreForHr() throws Throwable {
    onFailureKeepEvidence(() -> {
      browser.loginToTasklist("maya", "demo");
      browser.get("/hr/analytics.html");
      browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "for HR"));
      assertThat(browser.all(By.cssSelector("#recovery .figure"))).as("no figures for a manager").isEmpty();
    });
  }

  private boolean auditApiPresent() {
    return web.withBasicAuth("hana", "demo").getForEntity("/api/audit/cases?size=1", String.class).getStatusCode() == HttpStatus.OK;
  }

  private void saveScreenshot(String name) throws Exception {
    Path shot = SCREENSHOTS.resolve(name);
    browser.screenshot(shot);
    assertThat(Files.size(shot)).as("%s stays small enough for the README", name).isLessThanOrEqualTo(MAX_SCREENSHOT_BYTES);
  }

  /** On a failure, keep a screenshot and the page source next to the other screenshots. */}
