package io.foothold.forms;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import io.foothold.forms.DeployedFormSchemas.DeployedForm;

/**
 * People write only what the form of their step declares. Sees every command inside its command context; acts on
 * the outermost one ({@link OuterCommand}) when a signed-in person who is no administrator runs an engine command:
 * task and start submissions may carry only their form's fields ({@link DeclaredFields}); messages and signals carry
 * no variables; variables outside a step, and operations that end, move or fabricate steps, are refused; any other
 * command may change no variable at all ({@link VariableChangeTripwire}). What delegates, listeners, decisions, the
 * job executor and Foothold's own code write inside the engine is not a person's request and is not checked here.
 * Administrators are the engine's own admin groups and users (Camunda's {@code camunda-admin}).
 */
final class PersonWriteGuard extends CommandInterceptor {

  private static final String ENGINE_PACKAGE = "org.camunda.";
  private static final String JSON = "application/json";

  private final DeployedFormSchemas schemas;

  PersonWriteGuard(DeployedFormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (OuterCommand.isOuter(command) && command.getClass().getName().startsWith(ENGINE_PACKAGE)) {
      CommandContext context = Context.getCommandContext();
      Authentication person = context.getAuthentication();
      if (person != null && person.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(person)) {
        guard(PersonWrites.of(command), context);
      }
    }
    return next.execute(command);
  }

  private void guard(PersonWrite write, CommandContext context) {
    if (write instanceof PersonWrite.AdminOnly admin) {
      throw new AuthorizationException(
          "Only an administrator may " + admin.operation() + ": a case moves on through the forms of its steps");
    } else if (write instanceof PersonWrite.TaskStep task) {
      checkTask(task, context);
    } else if (write instanceof PersonWrite.StartStep start) {
      checkStart(start, context);
    } else if (write instanceof PersonWrite.NoForm noForm) {
      if (!noForm.names().isEmpty()) {
        throw refused(new FormViolation(String.join(", ", noForm.names()), null, "declared",
            "No form belongs to " + noForm.operation() + ", so it may carry no variables " + noForm.names()
                + ": a case's variables come from the forms of its steps"));
      }
    } else if (write instanceof PersonWrite.OutsideSteps outside) {
      if (outside.executionId() != null && context.getExecutionManager().findExecutionById(outside.executionId()) == null) {
        return; // the command itself answers that the case does not exist
      }
      throw new AuthorizationException("People change a case's variables only through the form of their step; "
          + outside.operation() + (outside.names().isEmpty() ? "" : " " + outside.names()) + " is not open to them");
    } else if (write instanceof PersonWrite.Other other) {
      context.registerCommandContextListener(new VariableChangeTripwire(other.operation()));
    }
  }

  private void checkTask(PersonWrite.TaskStep step, CommandContext context) {
    TaskEntity task = step.taskId() == null ? null : context.getTaskManager().findTaskById(step.taskId());
    if (task == null) {
      return; // the command itself answers that the task does not exist
    }
    // A person who may not do this to the task learns nothing about its form: the command's own check answers first.
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      if (step.completes()) {
        checker.checkTaskWork(task);
      } else {
        checker.checkUpdateTaskVariable(task);
      }
    }
    DeployedForm form = schemas.forTask(task.getId(), context);
    check(form, step.variables(), step.deletions(), name -> comparable(task, name), context);
  }

  /**
   * A variable's value as stored, to compare with what comes back: JSON stays text, but a value the engine stored in
   * Java serialization (a Java list written by a listener or mapping) is read as the object it is.
   */
  private static Object comparable(TaskEntity task, String name) {
    TypedValue stored = task.getVariableTyped(name, false);
    if (stored instanceof SerializableValue serialized && !serialized.isDeserialized()
        && !JSON.equals(serialized.getSerializationDataFormat())) {
      return task.getVariableTyped(name, true);
    }
    return stored;
  }

  private void checkStart(PersonWrite.StartStep step, CommandContext context) {
    ProcessDefinitionEntity definition = definition(step, context);
    if (definition == null) {
      return; // the command itself answers that there is no such process
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    check(schemas.forStart(definition.getId(), context), step.variables(), List.of(), name -> null, context);
  }

  private static void check(DeployedForm form, Map<String, ?> written, Collection<String> removed,
      Function<String, Object> current, CommandContext context) {
    if (written.isEmpty() && removed.isEmpty()) {
      return;
    }
    if (form == null) {
      throw refused(new FormViolation(String.join(", ", written.keySet()), null, "declared",
          "This step has no form, so it takes no variables " + written.keySet()));
    }
    List<FormViolation> violations = context.runWithoutAuthorization(
        () -> new DeclaredFields(form.schema()).check(written, removed, current));
    if (!violations.isEmpty()) {
      throw FormRulesViolatedException.ofWrite(violations);
    }
  }

  private static ProcessDefinitionEntity definition(PersonWrite.StartStep step, CommandContext context) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      if (step.processDefinitionId() != null) {
        return cache.findDeployedProcessDefinitionById(step.processDefinitionId());
      }
      if (step.processDefinitionKey() == null) {
        return null;
      }
      return step.tenantId() == null ? cache.findDeployedLatestProcessDefinitionByKey(step.processDefinitionKey())
          : cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(step.processDefinitionKey(), step.tenantId());
    } catch (ProcessEngineException notFound) {
      return null;
    }
  }

  private static FormRulesViolatedException refused(FormViolation violation) {
    return FormRulesViolatedException.ofWrite(List.of(violation));
  }
}
