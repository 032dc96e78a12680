package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.CaseDriver;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.MicroConfidenceForms;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.ScriptInjection;

/**
 * Script text in a free-text answer is accepted and stored as text (a person may write "<script>" about a web
 * page) and Tasklist shows it as literal text: in the next step that quotes it (the micro-confidence "Ship" step
 * shows the agreed action) and in a textarea holding it. The script never runs and no element is injected. (A form's
 * markdown text must not quote free text with {{…}}: form-js renders it as HTML, keeping e.g. an img tag.)
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class TasklistScriptInjectionBrowserTest extends TasklistBrowserTestBase {

  @Autowired TestRestTemplate web;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  /** This test asks what Tasklist shows of script text and whether it runs; it never asked about the policy's refusals. */
  @Override
  boolean checksContentSecurityPolicy() {
    return false;
  }

  @Test
  void scriptTextInAnswersIsShownAsTextAndNeverRuns() throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(tasklist.driver(), SCREENSHOTS, testName, () -> {
      EngineRest omar = EngineRest.as(web, "omar");
      // Priya has no Tasklist account, so omar logs her daily steps himself.
      String loop = omar.startCase("MicroConfidenceLoop", Map.of("employeeId", "priya", "confidenceArea", ScriptInjection.IMG,
          "loopWeeks", 1, "seriousSignal", false));
      // Define the action with script text, then let days pass until the first "Ship" step is open.
      new CaseDriver(management, history).walk(loop, user -> EngineRest.as(web, user), task -> {
        Map<String, Object> answers = MicroConfidenceForms.answer(task);
        answers.put("microAction", ScriptInjection.BOTH);
        return answers;
      }, 3, "Task_ShipToday");
      CaseDriver.resetClock();
      String shipTask = tasks.createTaskQuery().processInstanceId(loop).taskDefinitionKey("Task_ShipToday").singleResult().getId();
      assertThat(tasks.getVariable(shipTask, "microAction")).as("stored verbatim").isEqualTo(ScriptInjection.BOTH);

      String arc = omar.startCase("RecoveryArc", RecoveryArcForms.openCase("jun"));
      String debriefTask = tasks.createTaskQuery().processInstanceId(arc).taskDefinitionKey("Task_CalmDebrief").singleResult().getId();
      // Managers may not write case variables beside a form; the text arrives as an earlier answer would.
      tasks.setVariable(debriefTask, "debriefWhatHappened", ScriptInjection.BOTH);

      tasklist.login("omar", "demo");

      tasklist.openTaskById(shipTask);
      assertThat(tasklist.field("microAction").getAttribute("value")).as("the Ship step shows the agreed action as it is")
          .isEqualTo(ScriptInjection.BOTH);
      assertNoScriptRan();

      tasklist.openTaskById(debriefTask);
      assertThat(tasklist.field("debriefWhatHappened").getAttribute("value")).as("the textarea holds the text as it is")
          .isEqualTo(ScriptInjection.BOTH);
      assertNoScriptRan();
    });
  }

  private void assertNoScriptRan() {
    JavascriptExecutor page = (JavascriptExecutor) tasklist.driver();
    assertThat(((Number) page.executeScript(ScriptInjection.INJECTED_ELEMENTS)).intValue()).as("no element was injected").isZero();
    assertThat(page.executeScript(ScriptInjection.PROBE)).as("window.__xss").isEqualTo("undefined");
  }
}
