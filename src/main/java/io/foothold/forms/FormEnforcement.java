package io.foothold.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import io.foothold.forms.DeployedFormSchemas.DeployedForm;

/**
 * Listeners that reject a task completion or a process start whose variables break the Camunda
 * Form of that task or start event. Throwing rolls the whole command back: nothing is stored.
 */
final class FormEnforcement {

  private final DeployedFormSchemas schemas;
  private final FormSubmissionValidator validator;

  FormEnforcement(DeployedFormSchemas schemas, FormOptionsSources optionsSources) {
    this.schemas = schemas;
    this.validator = new FormSubmissionValidator(optionsSources);
  }

  TaskListener onTaskComplete() {
    return (DelegateTask task) -> {
      CommandContext context = Context.getCommandContext();
      enforce(schemas.forTask(task.getId(), context), task, context);
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
      enforce(schemas.forStart(execution.getProcessDefinitionId(), context), execution, context);
    };
  }

  private void enforce(DeployedForm form, VariableScope scope, CommandContext context) {
    if (form == null) {
      return;
    }
    List<FormViolation> violations =
        validator.validate(form.schema(), variablesOf(form, scope), context.getAuthenticatedUserId());
    if (!violations.isEmpty()) {
      throw new FormRulesViolatedException(form.schema().id(), violations);
    }
  }

  /**
   * Only the variables the form's validation can read (its fields and what its conditions and rules name):
   * reading all of them, every scope, fetched and deserialized every serialized value at every completion.
   * Everything when the form's names cannot be told.
   */
  static Map<String, Object> variablesOf(DeployedForm form, VariableScope scope) {
    if (form.variableNames() == null) {
      return scope.getVariables();
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : form.variableNames()) {
      if (scope.hasVariable(name)) {
        variables.put(name, scope.getVariable(name));
      }
    }
    return variables;
  }
}
