package io.foothold.cases;

import static org.camunda.bpm.engine.authorization.Resources.TASK;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

import io.foothold.playbook.spi.CaseVariables;

/**
 * Camunda's automatic task grants (the assignee, owner, candidate user or group gets READ and TASK_WORK on the task,
 * and READ on its history), the same rights, with less work per task:
 * <ul>
 * <li>On a task created in the current command no authorization can name its id yet (ids are fresh UUIDs), so the
 * look-up Camunda makes before each grant, to add to an existing one, is skipped.</li>
 * <li>The case's manager gets no grant on the task's history: she already reads the whole history of her case (the
 * HISTORIC_PROCESS_INSTANCE grant written when it opened, {@link CaseOpened}), and Camunda accepts that grant
 * wherever it accepts a historic task grant (every historic query that checks HISTORIC_TASK also checks the task's
 * process instance). Anyone else assigned a step of her case, e.g. the employee, still gets it.</li>
 * </ul>
 */
class TaskGrantProvider extends DefaultAuthorizationProvider {

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
    if (userId != null && isHistoricInstancePermissionsEnabled() && userId.equals(caseManager(task))) {
      AuthorizationEntity runtime = createOrUpdateAuthorization(task, userId, null, TASK,
          false, getRuntimePermissions(isEnforceSpecificVariablePermission()));
      return new AuthorizationEntity[] {runtime};
    }
    return super.createOrUpdateAuthorizations(task, groupId, userId);
  }

  @Override
  protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId, Resource resource,
      boolean isHistoric, Permission... permissions) {
    if (!createdInThisCommand(task)) {
      return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, permissions);
    }
    AuthorizationEntity authorization = createAuthorization(userId, groupId, resource, task.getId(), permissions);
    if (isHistoric) {
      provideRemovalTime(authorization, task);
    }
    return authorization;
  }

  private static boolean createdInThisCommand(Task task) {
    CommandContext context = Context.getCommandContext();
    return task instanceof TaskEntity entity && context != null
        && context.getDbEntityManager().getDbEntityCache().isTransient(entity);
  }

  /** The manager the case's instance was opened for (the variable CaseOpened grants on), or null. */
  private static String caseManager(Task task) {
    if (!(task instanceof DelegateTask delegate) || !(delegate.getExecution() instanceof ExecutionEntity execution)) {
      return null;
    }
    Object manager = execution.getProcessInstance().getVariableLocal(CaseVariables.MANAGER);
    return manager instanceof String id ? id : null;
  }
}
