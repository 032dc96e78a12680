package io.foothold.hr;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.ScriptInjection;

/**
 * Script text that reached a case (a comment on a step, a variable a manager set through the REST API) is shown as
 * text on HR's case list and timeline, and never runs.
 */
@FootholdSpringTest
class HrPagesScriptInjectionBrowserTest extends HrBrowserTestBase {

  @Autowired TestRestTemplate web;
  @Autowired TaskService tasks;

  /** This test asks what the pages show of script text and whether it runs; it never asked about the policy's refusals. */
  @Override
  boolean checksContentSecurityPolicy() {
    return false;
  }

  @Test
  void scriptTextOnACaseIsShownAsTextAndNeverRuns() throws Throwable {
    onFailureKeepEvidence(() -> {
      EngineRest maya = EngineRest.as(web, "maya");
      String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
      String debrief = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CalmDebrief").singleResult().getId();
      tasks.createComment(debrief, caseId, ScriptInjection.BOTH);
      // Audited variables show their values on the timeline; the case list shows employeeName.
      // (Managers may not write them beside a form, so the test sets them as the engine would.)
      for (String variable : new String[] {"checkInOutcome", "employeeName"}) {
        tasks.setVariable(debrief, variable, ScriptInjection.BOTH);
      }

      browser.loginToTasklist("hana", "demo");

      browser.get("/hr/index.html?manager=maya&state=open");
      WebElement row = browser.waitFor(By.cssSelector("#cases tr[data-case-id='" + caseId + "']"));
      assertThat(row.getText()).as("the case list shows the name as text").contains(ScriptInjection.BOTH);
      assertNoScriptRan();

      browser.get("/hr/case.html?id=" + caseId);
      browser.waitFor(By.cssSelector("#timeline li[data-kind='comment']"));
      String timeline = browser.waitFor(By.id("timeline")).getText();
      assertThat(timeline).as("the comment as text").contains(ScriptInjection.BOTH);
      assertThat(browser.all(By.cssSelector("#timeline li[data-kind='variable-changed']")).stream().map(WebElement::getText))
          .as("the changed answer as text").anyMatch(text -> text.contains(ScriptInjection.BOTH));
      assertNoScriptRan();
    });
  }

  private void assertNoScriptRan() {
    assertThat(((Number) browser.script(ScriptInjection.INJECTED_ELEMENTS)).intValue()).as("no element was injected").isZero();
    assertThat(browser.script(ScriptInjection.PROBE)).as("window.__xss").isEqualTo("undefined");
  }
}
