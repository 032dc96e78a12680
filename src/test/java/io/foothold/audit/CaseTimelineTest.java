package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.CaseDriver;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/** HR reads what happened in a case: every step, who did it and when, every decision with what went in and came out. */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class CaseTimelineTest {

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void theTimelineOfARecoveredCaseListsEveryCompletedStepAndEveryDecision() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    RecoveryArcSteps.toCheckInTimer(maya, caseId);
    letDueTimersFire(caseId, 7);
    maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
    maya.completeTask(caseId, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());

    JsonNode audit = AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId);

    JsonNode theCase = audit.path("case");
    assertThat(theCase.path("caseId").asText()).isEqualTo(caseId);
    assertThat(theCase.path("playbook").asText()).isEqualTo("recovery-arc");
    assertThat(theCase.path("processKey").asText()).isEqualTo("RecoveryArc");
    assertThat(theCase.path("employeeId").asText()).isEqualTo("ravi");
    assertThat(theCase.path("employeeName").asText()).isEqualTo("Ravi Menon");
    assertThat(theCase.path("managerId").asText()).isEqualTo("maya");
    assertThat(theCase.path("state").asText()).isEqualTo("closed");
    assertThat(theCase.path("outcome").asText()).isEqualTo("recovered");
    assertThat(theCase.path("escalated").asBoolean()).isFalse();
    assertThat(theCase.path("closedAt").isNull()).isFalse();
    assertThat(theCase.path("currentSteps")).isEmpty();

    List<JsonNode> timeline = list(audit.path("timeline"));
    assertThat(timeline).extracting(event -> Instant.parse(event.path("at").asText())).isSorted();
    assertThat(timeline.get(0).path("kind").asText()).isEqualTo("case-opened");
    assertThat(timeline.get(0).path("who").asText()).isEqualTo("maya");
    assertThat(timeline.get(0).path("whoName").asText()).isEqualTo("Maya Lindqvist");
    assertThat(timeline.get(timeline.size() - 1).path("kind").asText()).isEqualTo("case-closed");

    List<HistoricTaskInstance> completed = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).finished().list();
    assertThat(completed).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactlyInAnyOrder("Task_CalmDebrief",
        "Task_ChooseSupports", "Task_PlanSmallWin", "Task_ConfirmSmallWin", "Task_DevelopmentPlan", "Task_ArrangePairedWork", "Task_CheckIn",
        "Task_RecoverySummary");
    for (HistoricTaskInstance task : completed) {
      JsonNode event = only(timeline, "task-completed", task.getId());
      assertThat(event.path("who").asText()).as(task.getTaskDefinitionKey()).isEqualTo("maya");
      assertThat(Instant.parse(event.path("at").asText())).isEqualTo(task.getEndTime().toInstant());
      assertThat(event.path("activityId").asText()).isEqualTo(task.getTaskDefinitionKey());
      assertThat(event.path("what").asText()).isEqualTo(task.getName());
    }
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("task-assigned"))
        .extracting(e -> e.path("details").path("assignee").asText()).contains("maya");
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("timer-fired"))
        .extracting(e -> e.path("activityId").asText()).contains("Timer_NextCheckIn");

    List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery().processInstanceId(caseId)
        .includeInputs().includeOutputs().list();
    assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey).isNotEmpty();
    List<JsonNode> decisionEvents = timeline.stream().filter(e -> e.path("kind").asText().equals("decision")).toList();
    assertThat(decisionEvents).hasSameSizeAs(decisions);
    for (HistoricDecisionInstance decision : decisions) {
      JsonNode event = decisionEvents.stream()
          .filter(e -> Instant.parse(e.path("at").asText()).equals(decision.getEvaluationTime().toInstant())
              && e.path("details").path("decisionKey").asText().equals(decision.getDecisionDefinitionKey()))
          .findFirst().orElseThrow();
      JsonNode inputs = event.path("details").path("inputs");
      assertThat(inputs.size()).as(decision.getDecisionDefinitionKey() + " inputs").isEqualTo(decision.getInputs().size()).isPositive();
      decision.getInputs().forEach(input -> assertThat(inputs.has(input.getClauseName() != null ? input.getClauseName() : input.getClauseId())).isTrue());
      JsonNode outputs = event.path("details").path("outputs");
      assertThat(outputs.isArray()).isTrue();
      assertThat(outputs.size()).as(decision.getDecisionDefinitionKey() + " matched rules").isPositive();
      decision.getOutputs().forEach(output -> assertThat(list(outputs)).anySatisfy(rule ->
          assertThat(rule.path(output.getVariableName()).asText()).isEqualTo(String.valueOf(output.getValue()))));
    }
    assertThat(decisionEvents).extracting(e -> e.path("details").path("decisionKey").asText()).contains("RecoveryEscalationGate");
    assertThat(decisionEvents).extracting(e -> e.path("what").asText())
        .anySatisfy(what -> assertThat(what).startsWith("Chosen by the decision table Recommend recovery supports from: Dominant driver = "));

    // no-op changes are folded away: every form submits "serious signal: no", which is what the case already had
    List<HistoricVariableUpdateLike> seriousSignalUpdates = seriousSignalUpdates(caseId);
    assertThat(seriousSignalUpdates).as("the engine records the repeated false values").hasSizeGreaterThan(1);
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("variable-changed"))
        .noneSatisfy(e -> assertThat(e.path("details").path("name").asText()).isEqualTo("seriousSignal"));
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("variable-changed"))
        .extracting(e -> e.path("details").path("name").asText() + "=" + e.path("details").path("value"))
        .doesNotHaveDuplicates();
  }

  @Test
  void theStepsOfADailyMicroLoopAppearInsideTheParentCasesTimeline() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
    new CaseDriver(management, history).walk(caseId, user -> EngineRest.as(web, user), RecoveryArcSteps::smallWinAsDailyLoop, 40);
    String loopId = history.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId).singleResult().getId();

    List<JsonNode> timeline = list(AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId).path("timeline"));

    List<JsonNode> loop = timeline.stream().filter(e -> loopId.equals(e.path("details").path("calledInstanceId").asText(null))).toList();
    assertThat(loop).extracting(e -> e.path("kind").asText()).contains("called-playbook-started", "task-completed", "called-playbook-ended");
    assertThat(loop).filteredOn(e -> e.path("kind").asText().equals("called-playbook-started"))
        .extracting(e -> e.path("activityId").asText()).containsExactly("CallActivity_SmallWinLoop");
    List<JsonNode> shipped = loop.stream().filter(e -> e.path("kind").asText().equals("task-completed")
        && e.path("activityId").asText().equals("Task_ShipToday")).toList();
    assertThat(shipped).hasSize(history.createHistoricTaskInstanceQuery().processInstanceId(loopId).taskDefinitionKey("Task_ShipToday").finished().list().size())
        .isNotEmpty();
    assertThat(shipped).extracting(e -> e.path("who").asText()).containsOnly("sam");
    // Assignments inside the called playbook belong to the case too (read by the case's root instance).
    for (JsonNode ship : shipped) {
      assertThat(loop).as("assignment of " + ship.path("taskId").asText())
          .anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("task-assigned");
            assertThat(e.path("taskId").asText()).isEqualTo(ship.path("taskId").asText());
            assertThat(e.path("details").path("assignee").asText()).isEqualTo("sam");
          });
    }
    assertThat(timeline).as(timeline.stream().map(e -> e.path("at").asText() + " " + e.path("kind").asText() + " " + e.path("activityId").asText()
        + " " + e.path("details").path("calledInstanceId").asText("")).toList().toString())
        .extracting(e -> e.path("activityId").asText() + "/" + e.path("kind").asText()).containsSubsequence(
        "Task_PlanSmallWin/task-completed", "CallActivity_SmallWinLoop/called-playbook-started", "Task_DefineAction/task-completed",
        "Task_ShipToday/task-completed", "Task_LoopSummary/task-completed", "CallActivity_SmallWinLoop/called-playbook-ended",
        "EndEvent_CaseClosed/case-closed");
  }

  @Test
  void anOpenCaseShowsItsCurrentStepAndPrivateNotesOnlyAsRecorded() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    runtime.setVariable(caseId, "privateNoteDebrief", "Mentioned a family illness in confidence.");

    AuditApi hana = AuditApi.as(web, "hana");
    String body = hana.get("/api/audit/cases/" + caseId).getBody();
    assertThat(body).doesNotContain("family illness");
    JsonNode audit = AuditApi.parse(body);
    assertThat(audit.path("case").path("state").asText()).isEqualTo("open");
    assertThat(audit.path("case").path("outcome").asText()).isEqualTo("open");
    assertThat(list(audit.path("case").path("currentSteps"))).singleElement().satisfies(step -> {
      assertThat(step.path("activityId").asText()).isEqualTo("Task_CalmDebrief");
      assertThat(step.path("assignee").asText()).isEqualTo("maya");
    });
    assertThat(list(audit.path("timeline"))).filteredOn(e -> e.path("details").path("name").asText().startsWith("privateNote"))
        .singleElement().satisfies(note -> {
          assertThat(note.path("kind").asText()).isEqualTo("variable-changed");
          assertThat(note.path("what").asText()).isEqualTo("private note recorded");
          assertThat(note.path("details").path("private").asBoolean()).isTrue();
          assertThat(note.path("details").has("value")).isFalse();
        });
    assertThat(hana.get("/api/audit/cases/" + caseId + ".csv").getBody()).doesNotContain("family illness").contains("private note recorded");
  }

  @Test
  void anUnknownCaseOrACalledInstanceIsNotFound() {
    assertThat(AuditApi.as(web, "hana").get("/api/audit/cases/no-such-case").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(AuditApi.as(web, "hana").get("/api/audit/cases/no-such-case.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static JsonNode only(List<JsonNode> timeline, String kind, String taskId) {
    List<JsonNode> found = timeline.stream().filter(e -> e.path("kind").asText().equals(kind) && taskId.equals(e.path("taskId").asText())).toList();
    assertThat(found).as(kind + " of task " + taskId).hasSize(1);
    return found.get(0);
  }

  static List<JsonNode> list(JsonNode array) {
    return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
  }

  private record HistoricVariableUpdateLike(Object value) {
  }

  private List<HistoricVariableUpdateLike> seriousSignalUpdates(String caseId) {
    return history.createHistoricDetailQuery().processInstanceId(caseId).variableUpdates().list().stream()
        .filter(d -> d instanceof HistoricVariableUpdate u && "seriousSignal".equals(u.getVariableName()))
        .map(d -> new HistoricVariableUpdateLike(((HistoricVariableUpdate) d).getValue())).toList();
  }

  private void letDueTimersFire(String caseId, int daysFromNow) {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + daysFromNow * 24L * 3600 * 1000 + 3600_000));
    List<Job> due = management.createJobQuery().processInstanceId(caseId).timers().executable().list();
    assertThat(due).isNotEmpty();
    due.forEach(job -> management.executeJob(job.getId()));
  }
}
