package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.foothold.support.FootholdSpringTest;

/**
 * A manager's first steps of the recovery arc, in the real Camunda Tasklist with the real Camunda
 * Forms: the start form (with the reports the server injects), the debrief task, and what a person
 * sees when a required field is left empty. Needs /usr/bin/chromium and /usr/bin/chromedriver; it
 * fails, never skips, when they are missing.
 */
@FootholdSpringTest
class TasklistBrowserTest extends TasklistBrowserTestBase {

  static final String PROCESS_NAME = "Recovery after a visible failure";
  static final String DEBRIEF = "Hold a calm, fact-focused debrief";
  static final String CHOOSE_SUPPORTS = "Confirm the supports";
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  @Test
  void managerOpensCaseAndHoldsDebriefInTasklist() throws Throwable {
    onFailureKeepEvidence(() -> {
      List<String> casesBefore = samCases();
      tasklist.login("maya", "demo");
      tasklist.startProcess(PROCESS_NAME);

      // The server injects the signed-in manager's own reports, nobody else's.
      List<String> employees = tasklist.selectOption("employeeId", "Sam Okafor");
      assertThat(employees).contains("Sam Okafor", "Lea Brandt", "Ravi Menon").doesNotContain("Jun Tanaka", "Priya Shah");

      LocalDate incidentDay = LocalDate.now().minusDays(3);
      tasklist.fillText("incidentSummary", "The release demo to the client failed in front of the whole team on Monday.");
      tasklist.fillDate("incidentDate", incidentDay);
      tasklist.chooseRadio("visibility", "Senior leaders or clients");
      tasklist.chooseRadio("failureKind", "In how the task was done (individual)");
      tasklist.tickChecklistOption("signalsObserved", "Says less in meetings, shares fewer ideas");
      tasklist.tickChecklistOption("signalsObserved", "Picks low-risk, low-visibility tasks");
      tasklist.selectOption("dominantDriver", "Worried how peers and leaders now see them");
      tasklist.tickChecklistOption("pressurePoints", "Sharp criticism with colleagues watching");
      tasklist.scrollFormToTop();
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-open-case-form.png"));
      tasklist.submitStartForm();

      List<String> newCases = samCases().stream().filter(id -> !casesBefore.contains(id)).toList();
      assertThat(newCases).as("one new RecoveryArc case for sam").hasSize(1);
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(newCases.get(0)).singleResult();
      Map<String, Object> variables = runtime.getVariables(instance.getId());
      assertThat(variables).containsEntry("employeeId", "sam").containsEntry("managerId", "maya")
          .containsEntry("failureKind", "individual").containsEntry("visibility", "senior")
          .containsEntry("dominantDriver", "social").containsEntry("employeeName", "Sam Okafor")
          .containsEntry("incidentDate", incidentDay.toString());
      assertThat(String.valueOf(variables.get("signalsObserved")))
          .contains("quieter-in-meetings", "low-risk-task-choice");

      Task debrief = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(debrief.getTaskDefinitionKey()).isEqualTo("Task_CalmDebrief");
      assertThat(debrief.getAssignee()).isEqualTo("maya");
      assertThat(debrief.getDueDate()).as("due in two working days").isAfter(new Date());

      // Other Spring tests share this database and give maya many open steps, so the list may page:
      // the filter is shown as a person sees it, and the task is opened by its Tasklist link.
      tasklist.selectFilter("My cases");
      tasklist.openTaskById(debrief.getId());
      tasklist.fillText("debriefWhatHappened", "The demo build pointed at the test database, so the client saw empty dashboards.");
      tasklist.fillText("debriefKnown", "The config switch was missed; nobody else reviewed the deploy.");
      tasklist.fillText("debriefUnknown", "Whether the checklist was up to date; Sam will check with ops.");
      tasklist.fillText("technicalFix", "Add a pre-demo config check to the pipeline");
      tasklist.fillText("communicationChange", "Announce demo builds in the team channel a day ahead");
      tasklist.fillText("behaviourFeedback", "The quick rollback was right; next time ask for a second pair of eyes before a live demo.");
      tasklist.dismissNotifications();
      tasklist.scrollFormToTop();
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-debrief-form.png"));
      tasklist.completeTask();

      Task next = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(next).as("the case moved on to the next step").isNotNull();
      tasklist.openTaskById(next.getId());
      assertThat(tasklist.pageText()).as("the next step opens in Tasklist with its form").contains(CHOOSE_SUPPORTS);

      assertThat(history.createHistoricTaskInstanceQuery().taskId(debrief.getId()).finished().count()).isEqualTo(1);
      assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_ChooseSupports");
      assertThat(next.getAssignee()).isEqualTo("maya");
      assertThat(runtime.getVariable(instance.getId(), "technicalFix")).isEqualTo("Add a pre-demo config check to the pipeline");
      assertThat(runtime.getVariable(instance.getId(), "seriousSignal")).isEqualTo(false);
    });
  }

  @Test
  void requiredFieldLeftEmptyStopsCompletion() throws Throwable {
    onFailureKeepEvidence(() -> {
      ProcessInstance instance = openCaseAs("maya", "lea");
      Task debrief = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(debrief.getTaskDefinitionKey()).isEqualTo("Task_CalmDebrief");

      tasklist.login("maya", "demo");
      tasklist.openTaskById(debrief.getId());
      tasklist.fillText("debriefWhatHappened", "The quarterly report went out with last year's numbers to the board.");
      tasklist.fillText("debriefKnown", "The export used a cached query.");
      // technicalFix (required) stays empty
      tasklist.fillText("communicationChange", "Share the draft with a peer before it leaves the team");
      tasklist.fillText("behaviourFeedback", "Catching it yourself the same day was right; add a peer check next time.");

      if (tasklist.completeButtonEnabled()) {
        tasklist.pressComplete();
        assertThat(tasklist.fieldError("technicalFix")).as("form-js marks the empty required field").isEqualTo("Field is required.");
      }
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-debrief-required-missing.png"));

      assertThat(tasks.createTaskQuery().taskId(debrief.getId()).count()).as("the debrief task is still open").isEqualTo(1);
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count()).isZero();
      assertThat(runtime.getVariable(instance.getId(), "communicationChange")).as("nothing was submitted").isNull();
    });
  }

  private List<String> samCases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("RecoveryArc")
        .variableValueEquals("employeeId", "sam").list().stream().map(ProcessInstance::getId).toList();
  }

  static {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
