package io.foothold.cases;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.people.Teams;
import io.foothold.security.Grants;
import io.foothold.playbook.spi.CaseVariables;

/**
 * When a case opens, the manager who opened it (or, for a called playbook, the manager of the parent
 * case) gets read/update access to this one instance and to its history: managers have no broader
 * grant, so they see their own cases and nobody else's. The employee's display name is stored
 * beside the id so Tasklist and HR can show it.
 */
@Component
class CaseOpened implements ExecutionListener {

  static final String MANAGER = CaseVariables.MANAGER;
  static final String EMPLOYEE = CaseVariables.EMPLOYEE;
  static final String EMPLOYEE_NAME = "employeeName";

  private final SystemAccess system;
  private final Teams teams;

  CaseOpened(@Lazy SystemAccess system, @Lazy Teams teams) {
    this.system = system;
    this.teams = teams;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String manager = managerOf(execution);
    String instanceId = execution.getProcessInstanceId();
    Object employee = execution.getVariable(EMPLOYEE);
    system.run(() -> {
      if (manager != null) {
        Grants grants = new Grants(system.engine().getAuthorizationService());
        // This listener runs as the instance starts (once per instance, new id): nothing can be granted on it yet.
        grants.toUserOnNewResource(manager, PROCESS_INSTANCE, instanceId, READ);
        grants.toUserOnNewResource(manager, HISTORIC_PROCESS_INSTANCE, instanceId, HistoricProcessInstancePermissions.READ);
      }
      if (employee instanceof String employeeId && !execution.hasVariable(EMPLOYEE_NAME)) {
        teams.displayName(employeeId).ifPresent(name -> execution.setVariable(EMPLOYEE_NAME, name));
      }
    });
  }

  /**
   * The signed-in user who opens a root case is its manager, whatever the submitted variables say
   * (a start form must not be able to hand a case to someone else). A called playbook inherits the
   * parent's manager through its variables.
   */
  private static String managerOf(DelegateExecution execution) {
    String signedIn = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    boolean rootCase = execution.getProcessInstance().getSuperExecution() == null;
    if (rootCase && signedIn != null) {
      execution.setVariable(MANAGER, signedIn);
      return signedIn;
    }
    Object fromVariables = execution.getVariable(MANAGER);
    return fromVariables instanceof String id ? id : signedIn;
  }
}
