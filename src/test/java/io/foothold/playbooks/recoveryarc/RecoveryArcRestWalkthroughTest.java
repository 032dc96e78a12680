package io.foothold.playbooks.recoveryarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.CaseDriver;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.NoJavaSerializedVariables;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/**
 * The recovery arc walked to its end the way people do it: by filling forms through Tasklist's REST
 * API, as the manager (and HR where a referral is needed), with the engine clock moved to let timers fall due.
 */
@FootholdSpringTest
@ExtendWith(NoJavaSerializedVariables.class)
@ExtendWith(ResetEngineClock.class)
class RecoveryArcRestWalkthroughTest {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void aManagerWalksTheArcToRecoveryByFillingForms() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = open(maya, "ravi");

    RecoveryArcSteps.toCheckInTimer(maya, caseId);

    assertThat(maya.getList("/task?processInstanceId=" + caseId)).as("waiting for the first check-in").isEmpty();
    letDueTimersFire(caseId, 7);
    maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("continue", 3));
    letDueTimersFire(caseId, 14);
    maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
    maya.completeTask(caseId, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());

    var finished = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    assertThat(finished.getEndActivityId()).isEqualTo("EndEvent_CaseClosed");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("caseOutcome").singleResult().getValue())
        .isEqualTo("recovered");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(caseId).taskDefinitionKey("Task_CheckIn").count()).isEqualTo(2);
  }

  @Test
  void aSeriousSignalAtACheckInReachesHrAtOnceAndTheGateEscalatesWhenTheStallPersists() {
    EngineRest maya = EngineRest.as(web, "maya");
    EngineRest hana = EngineRest.as(web, "hana");
    String caseId = walkToFirstCheckIn(maya, "sam");

    Map<String, Object> checkIn = RecoveryArcForms.checkIn("stalled", 3);
    checkIn.put("seriousSignal", true);
    checkIn.put("seriousSignalKinds", List.of("severe-distress"));
    checkIn.put("seriousSignalNote", "Said they have not slept properly for weeks and feel swamped.");
    maya.completeTask(caseId, "Task_CheckIn", checkIn);

    assertThat(hana.getList("/task?processInstanceId=" + caseId + "&taskDefinitionKey=Task_ReviewSeriousSignal"))
        .as("HR hears of the serious signal without waiting for the gate").hasSize(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndTime())
        .as("the arc goes on while HR arranges help").isNull();
    hana.completeTask(caseId, "Task_ReviewSeriousSignal", RecoveryArcForms.arrangeReferral("employee-assistance"));

    letDueTimersFire(caseId, 14);
    Map<String, Object> secondCheckIn = RecoveryArcForms.checkIn("stalled", 2);
    secondCheckIn.put("withdrawalPersists", true);
    maya.completeTask(caseId, "Task_CheckIn", secondCheckIn);

    hana.completeTask(caseId, "Task_ArrangeReferral", RecoveryArcForms.arrangeReferral("occupational-health"));

    var finished = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("caseOutcome").singleResult().getValue())
        .isEqualTo("escalated");
  }

  @Test
  void aManagerRaisesAConcernAboutAnOpenCaseFromTasklist() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = open(maya, "lea");

    String startForm = maya.get("/process-definition/key/RaiseConcern/deployed-start-form").getBody();
    assertThat(startForm).as("the concern form offers the manager's open cases").contains(caseId).contains("Lea Brandt");
    var raised = maya.submitStartForm("RaiseConcern", Map.of(
        "caseId", caseId,
        "seriousSignalKinds", List.of("prolonged-withdrawal"),
        "seriousSignalNote", "Has stopped joining stand-ups for two weeks despite the plan."));

    assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.as(web, "hana").getList("/task?processInstanceId=" + caseId + "&taskDefinitionKey=Task_ReviewSeriousSignal")).hasSize(1);
    assertThat(maya.task(caseId, "Task_CalmDebrief")).as("the arc itself goes on").isNotNull();
  }

  @Test
  void aManagerCannotRaiseAConcernAboutSomeoneElsesCase() {
    String mayasCase = open(EngineRest.as(web, "maya"), "sam");

    var raised = EngineRest.as(web, "omar").submitStartForm("RaiseConcern", Map.of(
        "caseId", mayasCase,
        "seriousSignalKinds", List.of("prolonged-withdrawal"),
        "seriousSignalNote", "Trying to reach a case that is not mine."));

    assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(raised.getBody()).contains("caseId");
    assertThat(EngineRest.as(web, "hana").getList("/task?processInstanceId=" + mayasCase + "&taskDefinitionKey=Task_ReviewSeriousSignal")).isEmpty();
  }

  @Test
  void theSmallWinCanBeBuiltAsADailyMicroLoopThatTheEmployeeShips() {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = open(maya, "sam");
    CaseDriver driver = new CaseDriver(management, history);

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), RecoveryArcSteps::smallWinAsDailyLoop, 40);

    assertThat(steps).extracting(CaseDriver.Step::taskDefinitionKey).containsSubsequence(
        "Task_PlanSmallWin", "Task_DefineAction", "Task_ShipToday", "Task_Expand", "Task_LoopSummary", "Task_DevelopmentPlan");
    assertThat(steps).filteredOn(step -> step.taskDefinitionKey().equals("Task_ShipToday")).extracting(CaseDriver.Step::assignee)
        .containsOnly("sam");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("smallWinLoopDaysShipped").singleResult().getValue())
        .isEqualTo(5);
  }

  private String walkToFirstCheckIn(EngineRest manager, String employee) {
    String caseId = open(manager, employee);
    RecoveryArcSteps.toCheckInTimer(manager, caseId, "partly");
    letDueTimersFire(caseId, 7);
    return caseId;
  }

  private String open(EngineRest manager, String employee) {
    return manager.startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
  }

  /** Moves the engine clock forward and runs the jobs of this case that are then due (the job executor is off in tests). */
  private void letDueTimersFire(String caseId, int daysFromNow) {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + daysFromNow * 24L * 3600 * 1000 + 3600_000));
    List<Job> due = management.createJobQuery().processInstanceId(caseId).timers().executable().list();
    assertThat(due).as("a timer of the case is due after %s days", daysFromNow).isNotEmpty();
    due.forEach(job -> management.executeJob(job.getId()));
  }
}
