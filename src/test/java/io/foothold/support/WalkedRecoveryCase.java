package io.foothold.support;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A recovery-arc case of maya's for Ravi, walked through the REST API to its end: a concern raised after the supports
 * were confirmed (prolonged withdrawal), reviewed by hana (employee assistance offered), then recovered at the first
 * check-in. Moves the engine clock a week on for the check-in timer: reset it after the test ({@link CaseDriver#resetClock}).
 */
public final class WalkedRecoveryCase {

  public static final String CONCERN_KIND = "prolonged-withdrawal";
  public static final String REFERRAL_ROUTE = "employee-assistance";

  private WalkedRecoveryCase() {
  }

  public static String walk(TestRestTemplate web, ManagementService management) {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    maya.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    maya.completeTask(caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
    maya.startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of(CONCERN_KIND),
        "seriousSignalNote", "Missed three days without notice."));
    EngineRest hana = EngineRest.as(web, "hana");
    String review = (String) hana.task(caseId, "Task_ReviewSeriousSignal").get("id");
    hana.post("/task/" + review + "/claim", Map.of("userId", "hana"));
    hana.completeTask(caseId, "Task_ReviewSeriousSignal", RecoveryArcForms.arrangeReferral(REFERRAL_ROUTE));
    maya.completeTask(caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
    maya.completeTask(caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin("yes"));
    maya.completeTask(caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
    maya.completeTask(caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 7 * 24L * 3600 * 1000 + 3600_000));
    management.createJobQuery().processInstanceId(caseId).timers().executable().list().forEach(job -> management.executeJob(job.getId()));
    maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
    maya.completeTask(caseId, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());
    return caseId;
  }
}
