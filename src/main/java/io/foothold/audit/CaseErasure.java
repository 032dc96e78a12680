package io.foothold.audit;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.engine.events.CaseErased;

/**
 * Erases a closed case's history and that of every playbook it called: decisions, then the instances (which
 * takes their activities, tasks, identity links, variables, details and comments with them), and the user
 * operation log entries that name the instances; then {@link CaseErased}, in the same transaction, so what other
 * modules keep about the case outside the engine (the record of its private notes) goes with it. The read log keeps
 * only an anonymous id and a tombstone.
 */
@Component
class CaseErasure {

  static final int MIN_REASON = 10;
  static final int MAX_REASON = 500;

  private final SystemAccess system;
  private final ReadLog readLog;
  private final ApplicationEventPublisher events;

  CaseErasure(SystemAccess system, ReadLog readLog, ApplicationEventPublisher events) {
    this.system = system;
    this.readLog = readLog;
    this.events = events;
  }

  void erase(String caseId, String reason, String who) {
    String why = reason == null ? "" : reason.trim();
    if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
      throw AuditProblem.badField("reason", "reason is required: " + MIN_REASON + " to " + MAX_REASON + " characters saying why the case is erased");
    }
    system.run(() -> {
      HistoryService history = system.engine().getHistoryService();
      HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
      if (root == null || root.getSuperProcessInstanceId() != null) {
        throw AuditProblem.unknownCase(caseId);
      }
      List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(caseId).list();
      if (instances.stream().anyMatch(instance -> instance.getEndTime() == null)) {
        throw new AuditProblem(HttpStatus.CONFLICT, null, "The case is still running: it can be erased once it has ended.");
      }
      List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
      for (String id : ids) {
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery().processInstanceId(id).list()) {
          history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
        }
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(id).list()) {
          history.deleteUserOperationLogEntry(entry.getId());
        }
      }
      history.deleteHistoricProcessInstances(ids);
      events.publishEvent(new CaseErased(caseId));
    });
    readLog.erased(who, caseId, why);
  }
}
