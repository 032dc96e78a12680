package io.foothold.overview;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.RecoveryArcForms;

/**
 * Moves recovery-arc cases the way a manager does in Tasklist (every form through REST, so form rules and grants
 * apply), and lets time pass by running a case's due timer at once, as the job executor would when it is due.
 */
final class CaseSteps {

  private final TestRestTemplate web;
  private final ManagementService management;

  CaseSteps(TestRestTemplate web, ManagementService management) {
    this.web = web;
    this.management = management;
  }

  /** A new recovery-arc case of this manager for this report, waiting at the calm debrief. */
  String open(EngineRest manager, String employee) {
    return manager.startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
  }

  /** Walks an open case through debrief, supports, small win, plan and paired work, then one check-in per rating. */
  void toCheckInTimer(EngineRest manager, String caseId, List<Integer> ratings) {
    manager.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    manager.completeTask(caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
    manager.completeTask(caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
    manager.completeTask(caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin("yes"));
    manager.completeTask(caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
    manager.completeTask(caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
    for (int rating : ratings) {
      management.executeJob(checkInTimer(caseId).getId());
      manager.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("continue", rating));
    }
  }

  /** The timer the case waits on before its next check-in. */
  Job checkInTimer(String caseId) {
    return management.createJobQuery().processInstanceId(caseId).activityId("Timer_NextCheckIn").singleResult();
  }

  EngineRest as(String user) {
    return EngineRest.as(web, user);
  }
}
