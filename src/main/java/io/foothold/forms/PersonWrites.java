package io.foothold.forms;

import static io.foothold.forms.CommandFields.names;
import static io.foothold.forms.CommandFields.read;
import static io.foothold.forms.CommandFields.text;
import static io.foothold.forms.CommandFields.variables;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Sorts the engine's commands by what they let a person write. Only the commands listed here may change variables
 * when a person runs them, and only through a form; every other command is {@link PersonWrite.Other} and may change
 * none (an allow-list: a command Camunda adds later is held to that too). Field names are those of Camunda 7.24's
 * commands (engine/src/main/java/org/camunda/bpm/engine/impl/cmd).
 */
final class PersonWrites {

  private PersonWrites() {}

  static PersonWrite of(Command<?> command) {
    // Subclasses before their parents: resolve is a complete, start-at-activities is a modification.
    if (command instanceof ResolveTaskCmd) {
      return new PersonWrite.AdminOnly("resolve a task");
    }
    if (command instanceof CompleteTaskCmd) {
      return new PersonWrite.TaskStep(text(command, "taskId"), variables(command, "variables"), List.of(), true);
    }
    if (command instanceof SubmitTaskFormCmd) {
      return new PersonWrite.TaskStep(text(command, "taskId"), variables(command, "properties"), List.of(), true);
    }
    if (command instanceof SetTaskVariablesCmd) {
      return new PersonWrite.TaskStep(text(command, "entityId"), variables(command, "variables"), List.of(), false);
    }
    if (command instanceof PatchTaskVariablesCmd) {
      return new PersonWrite.TaskStep(text(command, "entityId"), variables(command, "variables"), deletions(command), false);
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return new PersonWrite.TaskStep(text(command, "entityId"), Map.of(), nameList(command, "variableNames"), false);
    }
    if (command instanceof SubmitStartFormCmd) {
      return new PersonWrite.StartStep(text(command, "processDefinitionId"), null, null, variables(command, "variables"));
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
      return new PersonWrite.StartStep(start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
          start.getProcessDefinitionTenantId(), orEmpty(start.getVariables()));
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl message = (MessageCorrelationBuilderImpl) read(command, "builder");
      return new PersonWrite.NoForm("a message", names(keys(message.getPayloadProcessInstanceVariables()),
          keys(message.getPayloadProcessInstanceVariablesLocal()),
          keys(message.getPayloadProcessInstanceVariablesToTriggeredScope())));
    }
    if (command instanceof MessageEventReceivedCmd) {
      return new PersonWrite.NoForm("a message", names(keys(variables(command, "processVariables")),
          keys(variables(command, "processVariablesLocal")), keys(variables(command, "processVariablesToTriggeredScope"))));
    }
    if (command instanceof SignalEventReceivedCmd) {
      SignalEventReceivedBuilderImpl signal = (SignalEventReceivedBuilderImpl) read(command, "builder");
      return new PersonWrite.NoForm("a signal", names(keys(signal.getVariables())));
    }
    if (command instanceof SignalCmd) {
      return new PersonWrite.NoForm("a signal", names(keys(variables(command, "processVariables"))));
    }
    if (command instanceof SetExecutionVariablesCmd) {
      return new PersonWrite.OutsideSteps("setting a case's variables", text(command, "entityId"), names(keys(variables(command, "variables"))));
    }
    if (command instanceof PatchExecutionVariablesCmd) {
      return new PersonWrite.OutsideSteps("changing a case's variables", text(command, "entityId"),
          names(keys(variables(command, "variables")), deletions(command)));
    }
    if (command instanceof RemoveExecutionVariablesCmd) {
      return new PersonWrite.OutsideSteps("removing a case's variables", text(command, "entityId"), names(nameList(command, "variableNames")));
    }
    if (command instanceof SetVariablesToProcessInstancesBatchCmd || command instanceof CorrelateAllMessageBatchCmd) {
      return new PersonWrite.OutsideSteps("setting variables on many cases at once", null, Set.of());
    }
    String adminOnly = adminOnly(command);
    if (adminOnly != null) {
      return new PersonWrite.AdminOnly(adminOnly);
    }
    return new PersonWrite.Other(command.getClass().getSimpleName());
  }

  /** Operations that end, reroute, hand over or fabricate steps of a case: what an administrator repairs. */
  private static String adminOnly(Command<?> command) {
    if (command instanceof HandleTaskBpmnErrorCmd) {
      return "end a task with a BPMN error";
    }
    if (command instanceof HandleTaskEscalationCmd) {
      return "raise an escalation from a task";
    }
    if (command instanceof DelegateTaskCmd) {
      return "delegate a task";
    }
    if (command instanceof CreateTaskCmd || (command instanceof SaveTaskCmd
        && read(command, "task") instanceof TaskEntity task && task.getRevision() == 0)) {
      return "create a task";
    }
    if (command instanceof DeleteTaskCmd) {
      return "delete a task";
    }
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd
        || command instanceof StartProcessInstanceAtActivitiesCmd) {
      return "modify a case (move its steps)";
    }
    if (command instanceof RestartProcessInstancesCmd || command instanceof RestartProcessInstancesBatchCmd) {
      return "restart a case";
    }
    if (command instanceof MigrateProcessInstanceCmd || command instanceof MigrateProcessInstanceBatchCmd
        || command instanceof SetProcessDefinitionVersionCmd) {
      return "migrate a case to another version";
    }
    return null;
  }

  private static Collection<String> deletions(Command<?> command) {
    return nameList(command, "deletions");
  }

  private static Collection<String> nameList(Command<?> command, String field) {
    Object value = read(command, field);
    return value instanceof Collection<?> names ? names(names) : List.of();
  }

  private static Collection<String> keys(Map<String, ?> variables) {
    return variables == null ? List.of() : variables.keySet();
  }

  private static Map<String, ?> orEmpty(Map<String, ?> variables) {
    return variables == null ? Map.of() : variables;
  }
}
