package io.foothold.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import io.foothold.security.Roles;

/**
 * Keeps FH_CASE in step with the engine by hearing Camunda's history stream, which the Spring Boot starter publishes
 * inside the engine's command (camunda.bpm.eventing.history): every start, end, change of a case's facts, task
 * opened, changed or closed, HR's group offered a task, timer scheduled or gone and rating recorded passes there
 * however it came about (Tasklist, REST, a timer, a deletion with listeners skipped), and the row is written
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
  private static final String VARIABLE_CREATE = HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName();
  private static final String VARIABLE_UPDATE = HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName();
  private static final String VARIABLE_DELETE = HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName();
  private static final String LINK_ADD = HistoryEventTypes.IDENTITY_LINK_ADD.getEventName();
  private static final String LINK_DELETE = HistoryEventTypes.IDENTITY_LINK_DELETE.getEventName();
  /** Job handler types of timers (intermediate, boundary, event sub-process start, task listener timeout) all start so. */
  private static final String TIMER = "timer-";
  private static final Set<String> WHOLE_NUMBERS = Set.of("integer", "long", "short");

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
    if (CaseRating.VARIABLE.equals(variable.getVariableName())) {
      rated(variable);
      return;
    }
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
      CaseStepTables.stepOpened(jdbc, new CaseStep(caseId, task.getTaskId(), task.getName(), task.getAssignee(), instant(task.getStartTime()),
          instant(task.getDueDate()), false));
    } else if (TASK_COMPLETE.equals(type) || TASK_DELETE.equals(type)) {
      CaseStepTables.stepClosed(jdbc, task.getTaskId());
    } else if (TASK_UPDATE.equals(type)) {
      CaseStepTables.stepChanged(jdbc, task.getTaskId(), task.getName(), task.getAssignee(), instant(task.getDueDate()));
    } else {
      return;
    }
    CaseFileTable.refresh(jdbc, caseId);
  }

  /**
   * HR's group was offered a case's task (a candidate group, whether the task is claimed or not) or no longer is.
   * The engine announces a new task's candidate groups before the task itself.
   */
  @EventListener
  void on(HistoricIdentityLinkLogEventEntity link) {
    CommandContext command = Context.getCommandContext();
    String caseId = link.getRootProcessInstanceId();
    boolean added = LINK_ADD.equals(link.getEventType());
    if (command == null || caseId == null || link.getTaskId() == null || !Roles.HR.equals(link.getGroupId())
        || !"candidate".equals(link.getType()) || !(added || LINK_DELETE.equals(link.getEventType()))) {
      return;
    }
    JdbcOperations jdbc = CommandConnection.of(command);
    if (CaseFileTable.exists(jdbc, caseId)) {
      CaseStepTables.offeredToHr(jdbc, caseId, link.getTaskId(), added);
    }
  }

  /** A timer of the case or of a playbook it called was scheduled, failed (and waits for its next try), fired or went. */
  @EventListener
  void on(HistoricJobLogEvent job) {
    CommandContext command = Context.getCommandContext();
    String caseId = job.getRootProcessInstanceId();
    if (command == null || caseId == null || job.getJobDefinitionType() == null || !job.getJobDefinitionType().startsWith(TIMER)) {
      return;
    }
    JdbcOperations jdbc = CommandConnection.of(command);
    if (!CaseFileTable.exists(jdbc, caseId)) {
      return;
    }
    if (job.isCreationLog() || job.isFailureLog()) {
      CaseStepTables.timerPending(jdbc, new CaseTimer(caseId, job.getJobId(),
          definitions.elementName(job.getProcessDefinitionId(), job.getActivityId()), instant(job.getJobDueDate())));
    } else if (job.isSuccessLog() || job.isDeletionLog()) {
      CaseStepTables.timerGone(jdbc, job.getJobId());
    } else {
      return;
    }
    CaseFileTable.refresh(jdbc, caseId);
  }

  /** A confidence rating recorded anywhere in the case (a check-in of the case or of a playbook it called). */
  private void rated(HistoricVariableUpdateEventEntity variable) {
    CommandContext command = Context.getCommandContext();
    String caseId = variable.getRootProcessInstanceId();
    Double value = number(variable);
    if (command == null || caseId == null || value == null || variable.getTimestamp() == null
        || !(VARIABLE_CREATE.equals(variable.getEventType()) || VARIABLE_UPDATE.equals(variable.getEventType()))) {
      return;
    }
    JdbcOperations jdbc = CommandConnection.of(command);
    if (CaseFileTable.exists(jdbc, caseId)) {
      CaseStepTables.rated(jdbc, new CaseRating(caseId, variable.getTimestamp().toInstant(), value), variable.getSequenceCounter());
    }
  }

  /** A number as the engine stored it (whole numbers as long, decimals as double), or null for any other value. */
  private static Double number(HistoricVariableUpdateEventEntity variable) {
    if ("double".equals(variable.getSerializerName())) {
      return variable.getDoubleValue();
    }
    return WHOLE_NUMBERS.contains(variable.getSerializerName()) && variable.getLongValue() != null
        ? variable.getLongValue().doubleValue() : null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
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
    CaseFileTable.ensure(jdbc, instanceId, definition.playbook(), definition.key(), definition.name());
    return Optional.of(jdbc);
  }

  /**
   * The value as the engine stored it: booleans as 1/0, text as text, JSON (a Json variable, or a list stored as
   * JSON) as its text; other types do not carry case facts.
   */
  private static Object value(HistoricVariableUpdateEventEntity variable) {
    String serializer = variable.getSerializerName();
    if ("boolean".equals(serializer)) {
      return variable.getLongValue() == null ? null : variable.getLongValue() == 1L;
    }
    if (serializer != null && serializer.contains("json")) {
      return variable.getByteValue() == null ? null : new String(variable.getByteValue(), StandardCharsets.UTF_8);
    }
    return variable.getTextValue();
  }
}
