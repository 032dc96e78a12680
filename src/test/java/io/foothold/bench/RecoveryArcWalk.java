package io.foothold.bench;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import io.foothold.support.RecoveryArcForms;

/**
 * One full recovery-arc case through the Java API, the same calls on any engine: the manager opens the case
 * and fills every form with valid answers (both decisions evaluate), one check-in keeps going and the next
 * reports recovery, and each check-in timer is run as the job executor would run it (no user, no waiting).
 */
final class RecoveryArcWalk {

  private final ProcessEngine engine;
  private final String manager;
  private final List<String> managerGroups;
  private final String employee;

  RecoveryArcWalk(ProcessEngine engine, String manager, String employee) {
    this.engine = engine;
    this.manager = manager;
    this.employee = employee;
    this.managerGroups = engine.getIdentityService().createGroupQuery().groupMember(manager).list().stream()
        .map(group -> group.getId()).toList();
  }

  /** Walks one case to its end and fails loudly if it did not end as recovered. */
  String walkOneCase() {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(manager, managerGroups);
    String caseId;
    try {
      caseId = engine.getRuntimeService().startProcessInstanceByKey("RecoveryArc", RecoveryArcForms.openCase(employee)).getId();
      complete(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
      complete(caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
      complete(caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
      complete(caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin("yes"));
      complete(caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
      complete(caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
      runCheckInTimer(caseId);
      complete(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("continue", 3));
      runCheckInTimer(caseId);
      complete(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
      complete(caseId, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());
    } finally {
      identity.clearAuthentication();
    }
    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    if (ended == null || ended.getEndTime() == null || !"EndEvent_CaseClosed".equals(ended.getEndActivityId())) {
      throw new IllegalStateException("Case " + caseId + " did not close as recovered: " + (ended == null ? "no history" : ended.getEndActivityId()));
    }
    return caseId;
  }

  private void complete(String caseId, String taskKey, Map<String, Object> answers) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(caseId).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Case " + caseId + " has no open " + taskKey);
    }
    engine.getTaskService().complete(task.getId(), answers);
  }

  /** The job executor runs timers without a signed-in user; so does this, then the manager carries on. */
  private void runCheckInTimer(String caseId) {
    IdentityService identity = engine.getIdentityService();
    identity.clearAuthentication();
    try {
      Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseId).timers().activityId("Timer_NextCheckIn").singleResult();
      if (timer == null) {
        throw new IllegalStateException("Case " + caseId + " is not waiting for a check-in");
      }
      engine.getManagementService().executeJob(timer.getId());
    } finally {
      identity.setAuthentication(manager, managerGroups);
    }
  }
}
