package io.foothold.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.analytics.RecoveryCases;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;

/**
 * What HR and designers see in Debian's headless Chromium: the case's path drawn on its diagram (bpmn-js from this
 * origin, under the pages' Content-Security-Policy) with a table beside it, the printable record, and the designers'
 * console; axe-core finds no WCAG 2.2 A/AA violation on any of them.
 */
@FootholdSpringTest
class DiagramAndRecordBrowserTest extends HrBrowserTestBase {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void hrSeesThePathOnTheDiagramAndOpensThePrintableRecord() throws Exception {
    // given an open case
    String caseId = new RecoveryCases(web, management, history).openedAt("maya", "ravi", new Date());
    browser.loginToTasklist("hana", "demo");

    // when hana opens the case page
    browser.get("/hr/case.html?id=" + caseId);
    browser.waitFor(By.cssSelector("body[data-path-rendered='true']"));

    // then the diagram is drawn with steps done and the step the case is in now, and the table says the same
    assertThat(browser.all(By.cssSelector("#diagram[data-drawn='true'] svg[role='img']"))).hasSize(1);
    assertThat(browser.all(By.cssSelector("#diagram .djs-element.fh-done"))).isNotEmpty();
    assertThat(browser.all(By.cssSelector("#diagram .djs-element.fh-current"))).hasSize(1);
    assertThat(browser.all(By.cssSelector("#path-table tr[data-current='true']"))).hasSize(1);
    assertThat(axeViolations()).isEmpty();
    browser.screenshot(SCREENSHOTS.resolve("hr-case-path.png"));

    // when she opens the printable record
    browser.get("/hr/record.html?id=" + caseId);
    browser.waitFor(By.cssSelector("body[data-rendered='true']"));

    // then it shows the diagram, the timeline and the read log with this very opening
    assertThat(browser.all(By.cssSelector("#diagram[data-drawn='true'] svg[role='img']"))).hasSize(1);
    assertThat(browser.all(By.cssSelector("#timeline tr"))).isNotEmpty();
    List<String> actions = browser.all(By.cssSelector("#reads tr")).stream().map(row -> row.getAttribute("data-action")).toList();
    assertThat(actions).contains("path").endsWith("record");
    assertThat(axeViolations()).isEmpty();
    browser.screenshot(SCREENSHOTS.resolve("hr-case-record.png"));
  }

  @Test
  void danaSeesThePlaybookConsoleWithTheBrokenPluginFailed() throws Exception {
    browser.loginToTasklist("dana", "demo");

    browser.get("/designers/");
    browser.waitFor(By.cssSelector("body[data-rendered='true']"));

    assertThat(browser.waitFor(By.cssSelector("#summary tr[data-playbook='recovery-arc']")).getAttribute("data-state")).isEqualTo("DEPLOYED");
    assertThat(browser.waitFor(By.cssSelector("#summary tr[data-playbook='broken-form-ref']")).getAttribute("data-state")).isEqualTo("FAILED");
    assertThat(browser.waitFor(By.cssSelector("section[data-playbook='broken-form-ref']")).getText())
        .contains("processes/broken-form-ref/broken-form-ref.bpmn").contains("Task_FollowUp");
    // and each playbook tells its last live reload and its running cases on older versions, without a count for dana
    assertThat(browser.waitFor(By.cssSelector("#last-reload")).getText()).isNotBlank();
    String arc = browser.waitFor(By.cssSelector("section[data-playbook='recovery-arc']")).getText();
    assertThat(arc).contains("Last live reload").contains("Running cases on older versions").doesNotContainPattern("\\d+ running case");
    assertThat(axeViolations()).isEmpty();
    browser.screenshot(SCREENSHOTS.resolve("designer-console.png"));
  }

  private List<String> axeViolations() throws Exception {
    return HeadlessChromium.axeViolations(browser.driver());
  }
}
