package io.foothold.casefile;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps FH_CASE in step with the engine by hearing Camunda's history stream, which the Spring Boot starter publishes
 * inside the engine's command (camunda.bpm.eventing.history): every start, end, change of a case's facts and task
 * opened or closed passes
 * there however it came about (Tasklist, REST, a timer, a deletion with listeners skipped), and the row is written
 * on the command's own connection, so it commits or rolls back with the engine's rows. Only root instances are
 * cases; a called playbook's variables are its own, and a concern's instance is no case at all.
 */
@Component
class CaseFileWriter {

  private static final String START = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName();
  private static final String END = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName();
  private static final String TASK_CREATE = HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName();
  private static final String TASK_UPDATE = HistoryEventTypes.TASK_INSTANCE_UPDATE.getEventName();
  private static final String TASK_COMPLETE = HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName();
  private static final String TASK_DELETE = HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName();
  private static final String VARIABLE_DELETE = HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName();

  private final CaseDefinitions definitions;

  CaseFileWriter(CaseDefinitions definitions) {
    this.definitions = definitions;
  }

  @EventListener
  void on(HistoricProcessInstanceEventEntity instance) {
    Optional<JdbcOperations> jdbc = caseRow(instance);
    if (jdbc.isEmpty()) {
      return;
    }
    String caseId = instance.getProcessInstanceId();
    if (START.equals(instance.getEventType()) && instance.getStartTime() != null) {
      CaseFileTable.opened(jdbc.get(), caseId, instance.getStartTime().toInstant());
    } else if (END.equals(instance.getEventType()) && instance.getEndTime() != null) {
      CaseFileTable.closed(jdbc.get(), caseId, instance.getEndTime().toInstant());
    }
  }

  /**
   * A case fact written on the case itself (not a local variable of one of its steps or tasks). A removal is not followed:
   * playbooks never remove a case fact, and the row keeps the last value whatever the engine tidies as a case ends.
   */
  @EventListener
  void on(HistoricVariableUpdateEventEntity variable) {
    Optional<Fact> fact = Fact.of(variable.getVariableName());
    if (fact.isEmpty() || VARIABLE_DELETE.equals(variable.getEventType())
        || !variable.getProcessInstanceId().equals(variable.getExecutionId()) || variable.getTaskId() != null) {
      return;
    }
    caseRow(variable).ifPresent(jdbc -> CaseFileTable.fact(jdbc, variable.getProcessInstanceId(), fact.get(), value(variable)));
  }

  /**
   * A task of the case or of a playbook it called opened, was renamed or closed: the case's current step follows.
   * A concern's tasks (its instance has no row) and tasks outside any process are not a case's.
   */
  @EventListener
  void on(HistoricTaskInstanceEventEntity task) {
    CommandContext command = Context.getCommandContext();
    String caseId = task.getRootProcessInstanceId();
    if (command == null || caseId == null || task.getTaskId() == null) {
      return;
    }
    JdbcOperations jdbc = CommandConnection.of(command);
    if (!CaseFileTable.exists(jdbc, caseId)) {
      return;
    }
    String type = task.getEventType();
    if (TASK_CREATE.equals(type) && task.getStartTime() != null) {
      CaseFileTable.stepOpened(jdbc, caseId, task.getTaskId(), task.getName(), task.getStartTime().toInstant());
    } else if (TASK_COMPLETE.equals(type) || TASK_DELETE.equals(type)) {
      CaseFileTable.stepClosed(jdbc, task.getTaskId());
    } else if (TASK_UPDATE.equals(type)) {
      CaseFileTable.stepRenamed(jdbc, task.getTaskId(), task.getName());
    } else {
      return;
    }
    CaseFileTable.currentStep(jdbc, caseId);
  }

  /**
   * The command's connection with the case's row in place, or nothing when the event is not about a case of its
   * own: a called playbook, a concern, or an event heard outside an engine command.
   */
  private Optional<JdbcOperations> caseRow(HistoryEvent event) {
    CommandContext command = Context.getCommandContext();
    String instanceId = event.getProcessInstanceId();
    if (command == null || instanceId == null || !instanceId.equals(event.getRootProcessInstanceId())
        || event.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    CaseDefinitions.Definition definition = definitions.of(event.getProcessDefinitionId());
    if (definition.concern()) {
      return Optional.empty();
    }
    JdbcOperations jdbc = CommandConnection.of(command);
    CaseFileTable.ensure(jdbc, instanceId, definition.playbook(), definition.key());
    return Optional.of(jdbc);
  }

  /** The value as the engine stored it: booleans as 1/0, text as text; other types do not carry case facts. */
  private static Object value(HistoricVariableUpdateEventEntity variable) {
    if ("boolean".equals(variable.getSerializerName())) {
      return variable.getLongValue() == null ? null : variable.getLongValue() == 1L;
    }
    return variable.getTextValue();
  }
}
