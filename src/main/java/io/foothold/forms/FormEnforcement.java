package io.foothold.forms;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Listeners that reject a task completion or a process start whose variables break the Camunda
 * Form of that task or start event. Throwing rolls the whole command back: nothing is stored.
 */
final class FormEnforcement {

  private final DeployedFormSchemas schemas = new DeployedFormSchemas();
  private final FormSubmissionValidator validator;

  FormEnforcement(FormOptionsSources optionsSources) {
    this.validator = new FormSubmissionValidator(optionsSources);
  }

  TaskListener onTaskComplete() {
    return (DelegateTask task) -> {
      CommandContext context = Context.getCommandContext();
      enforce(schemas.forTask(task.getId(), context), task.getVariables(), context);
    };
  }

  /**
   * A start form is what a person fills to start a process; a playbook called by another (call activity)
   * receives its variables from the caller instead, so its start form does not apply.
   */
  ExecutionListener onProcessStart() {
    return (DelegateExecution execution) -> {
      if (execution.getProcessInstance().getSuperExecution() != null) {
        return;
      }
      CommandContext context = Context.getCommandContext();
      enforce(schemas.forStart(execution.getProcessDefinitionId(), context),
          execution.getVariables(), context);
    };
  }

  private void enforce(FormSchema schema, Map<String, Object> variables, CommandContext context) {
    if (schema == null) {
      return;
    }
    List<FormViolation> violations =
        validator.validate(schema, variables, context.getAuthenticatedUserId());
    if (!violations.isEmpty()) {
      throw new FormRulesViolatedException(schema.id(), violations);
    }
  }
}
