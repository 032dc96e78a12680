package io.foothold.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.MicroConfidenceForms;
import io.foothold.support.MicroFailureForms;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;
import io.foothold.support.WalkedRecoveryCase;

/**
 * The case file says what history says: cases of every playbook walked through the REST API (one left open, one with
 * a concern reviewed by HR, one whose small win ran as a called daily loop, one waiting on its check-in timer after two
 * ratings, one whose serious signal waits for HR) each have one row whose every column matches the case's history
 * (the current step: its newest open task, a called playbook's included; the next date: the nearest due open step,
 * else the nearest timer; the supports chosen), and their open steps (whose, when due, offered to HR), timers and
 * ratings are the engine's; concerns and called playbooks have none, and the same holds after a rebuild from
 * history. An erased case's rows go with it.
 */
@FootholdSpringTest
class CaseFileAgreesWithHistoryTest {

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired CaseFiles caseFiles;
  @Autowired CaseFileRebuild rebuild;
  @Autowired JdbcTemplate jdbc;
  @RegisterExtension final CaseDriver driver = CaseDriver.forEachTest();

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void everyWalkedCaseHasTheRowItsHistoryDescribesBeforeAndAfterARebuild() {
    // given cases of every playbook, walked the way people and time do
    Map<String, String> playbookOf = new LinkedHashMap<>();
    String withConcern = WalkedRecoveryCase.walk(web, management);
    playbookOf.put(withConcern, "recovery-arc");
    String dailyLoopArc = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    driver.walk(dailyLoopArc, user -> EngineRest.as(web, user), RecoveryArcSteps::smallWinAsDailyLoop, 40, "Task_ShipToday");
    String loop = runtime.createProcessInstanceQuery().superProcessInstanceId(dailyLoopArc).singleResult().getId();
    assertThat(caseFiles.of(dailyLoopArc).orElseThrow().currentStep()).as("a called loop's step is its case's")
        .isEqualTo(tasks.createTaskQuery().processInstanceId(loop).singleResult().getName());
    assertThat(caseFiles.of(loop)).as("the called loop is no case").isEmpty();
    driver.walk(dailyLoopArc, user -> EngineRest.as(web, user), RecoveryArcSteps::smallWinAsDailyLoop, 40);
    playbookOf.put(dailyLoopArc, "recovery-arc");
    String microFailure = EngineRest.as(web, "omar").startCase("MicroFailure", MicroFailureForms.intake("jun", List.of()));
    driver.walk(microFailure, user -> EngineRest.as(web, user), MicroFailureForms::answer, 40);
    playbookOf.put(microFailure, "micro-failure");
    String microConfidence = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("sam"));
    driver.walk(microConfidence, user -> EngineRest.as(web, user), MicroConfidenceForms::answer, 40);
    playbookOf.put(microConfidence, "micro-confidence");
    String open = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    EngineRest.as(web, "maya").completeTask(open, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    playbookOf.put(open, "recovery-arc");
    String atTimer = toCheckInTimer(EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea")), List.of(2, 4));
    playbookOf.put(atTimer, "recovery-arc");
    String withHr = withSeriousSignalClaimedByHr(EngineRest.as(web, "omar").startCase("RecoveryArc", RecoveryArcForms.openCase("jun")));
    playbookOf.put(withHr, "recovery-arc");

    // then each has the row its history describes, and the steps, timers and ratings the engine has
    playbookOf.forEach((caseId, playbook) -> assertAgreesWithTheEngine(caseId, playbook));
    CaseFileAgreement.assertWaitsAtItsCheckInTimerAfterRatingsTwoAndFour(caseFiles, atTimer);
    assertThat(caseFiles.steps(withHr)).as("HR's claimed review of the serious signal")
        .anySatisfy(step -> assertThat(step).extracting(CaseStep::hrTask, CaseStep::assignee).containsExactly(true, "hana"));
    assertThat(caseFiles.steps(open)).as("the open case's step is the manager's").singleElement()
        .extracting(CaseStep::hrTask, CaseStep::assignee).containsExactly(false, "maya");
    assertThat(caseFiles.steps(withHr)).as("the debrief, due").anySatisfy(step -> assertThat(step.dueAt()).isNotNull());
    assertThat(caseFiles.of(withConcern).orElseThrow()).extracting(CaseFile::outcome, CaseFile::escalated).containsExactly("recovered", true);
    assertThat(caseFiles.of(open).orElseThrow()).extracting(CaseFile::outcome, CaseFile::closedAt, CaseFile::managerId, CaseFile::employeeId)
        .containsExactly("open", null, "maya", "ravi");
    assertThat(caseFiles.of(open).orElseThrow().currentStep()).as("the open case's step")
        .isEqualTo(tasks.createTaskQuery().processInstanceId(open).singleResult().getName()).isNotBlank();
    assertThat(caseFiles.of(withConcern).orElseThrow().currentStep()).as("an ended case is at no step").isNull();
    // and neither the concern nor the called daily loop is a case of its own
    List<String> notCases = history.createHistoricProcessInstanceQuery().list().stream()
        .filter(instance -> withConcern.equals(concernedCase(instance)) || dailyLoopArc.equals(instance.getSuperProcessInstanceId()))
        .map(HistoricProcessInstance::getId).toList();
    assertThat(notCases).as("the concern and the called loop").hasSize(2);
    notCases.forEach(id -> assertThat(caseFiles.of(id)).as(id).isEmpty());

    // when the case file is written again from history
    List<CaseFile> before = caseFiles.all();
    rebuild.rebuild();

    // then every row is the same as the one written along the way
    assertThat(caseFiles.all()).containsExactlyInAnyOrderElementsOf(before);
    playbookOf.forEach((caseId, playbook) -> assertAgreesWithTheEngine(caseId, playbook));
  }

  private void assertAgreesWithTheEngine(String caseId, String playbook) {
    CaseFileAgreement.assertAgrees(caseFiles, new EngineCaseHistory(history, tasks, management, repository), caseId, playbook);
  }

  private String toCheckInTimer(String caseId, List<Integer> ratings) {
    EngineRest maya = EngineRest.as(web, "maya");
    maya.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    maya.completeTask(caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
    maya.completeTask(caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
    maya.completeTask(caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin("yes"));
    maya.completeTask(caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
    maya.completeTask(caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
    for (int rating : ratings) {
      management.executeJob(management.createJobQuery().processInstanceId(caseId).activityId("Timer_NextCheckIn").singleResult().getId());
      maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("continue", rating));
    }
    return caseId;
  }

  /** A new case of omar's (its debrief due) whose serious signal, raised as a concern, HR's hana has claimed. */
  private String withSeriousSignalClaimedByHr(String caseId) {
    EngineRest omar = EngineRest.as(web, "omar");
    omar.startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of(WalkedRecoveryCase.CONCERN_KIND),
        "seriousSignalNote", "Missed three days without notice."));
    EngineRest hana = EngineRest.as(web, "hana");
    hana.post("/task/" + hana.task(caseId, "Task_ReviewSeriousSignal").get("id") + "/claim", Map.of("userId", "hana"));
    return caseId;
  }

  @Test
  void anErasedCaseLeavesNoRow() {
    // given a closed case
    String caseId = EngineRest.as(web, "omar").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("priya"));
    runtime.deleteProcessInstance(caseId, "withdrawn");
    assertThat(caseFiles.of(caseId)).get().extracting(CaseFile::outcome).isEqualTo("closed");

    // when HR erases it
    var erased = EngineRest.as(web, "hana").exchangeApi("DELETE", "/api/audit/cases/" + caseId,
        Map.of("reason", "Erasure requested by the employee."));
    assertThat(erased.getStatusCode().value()).as(erased.getBody()).isEqualTo(204);

    // then its row is gone, and a rebuild does not bring it back
    assertThat(caseFiles.of(caseId)).isEmpty();
    rebuild.rebuild();
    assertThat(caseFiles.of(caseId)).isEmpty();
  }

  @Test
  void aCaseInHistoryWithoutARowIsWrittenAtStartUp() {
    // given a case whose row is missing (history restored or written around the engine)
    String caseId = EngineRest.as(web, "omar").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("priya"));
    CaseFile row = caseFiles.of(caseId).orElseThrow();
    jdbc.update("DELETE FROM FH_CASE WHERE CASE_ID_ = ?", caseId);
    assertThat(caseFiles.of(caseId)).isEmpty();

    // when the application starts
    rebuild.rebuildAtStartUp();

    // then the case file has the case again, as it was
    assertThat(caseFiles.of(caseId)).contains(row);
  }

  private String concernedCase(HistoricProcessInstance instance) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("caseId").singleResult();
    return variable == null ? null : String.valueOf(variable.getValue());
  }
}
