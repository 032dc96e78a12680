package io.foothold.privacy;

import java.time.Instant;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.JdbcOperations;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Takes private notes out of the engine at the last moment a command can still change what it writes: when its
 * context closes, before the engine flushes anything to the database. Every way a variable can be written (task
 * submit-form or complete, start form, REST or Java API, a call activity copying variables) ends as a variable
 * entity in the command's cache; each one named {@code privateNote…} is moved into Foothold's table and deleted
 * from the cache, so no INSERT ever reaches ACT_RU_VARIABLE (history never receives it: {@link PrivateNoteHistory}).
 * Until then the note is an ordinary variable, so the form's rules (e.g. its length) are checked like any answer.
 */
final class PrivateNoteCapture implements CommandContextListener {

  static final String MANAGER = CaseVariables.MANAGER;

  @Override
  public void onCommandContextClose(CommandContext context) {
    if (!context.getSessions().containsKey(DbEntityManager.class)) {
      return;
    }
    DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
    JdbcOperations table = null;
    for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
      if (!PrivateNotes.isPrivate(variable.getName()) || cache.isDeleted(variable)) {
        // A note deleted in this command went with its scope (e.g. the case ended): nothing to keep.
        continue;
      }
      String text = textOf(variable);
      String author = context.getAuthenticatedUserId();
      ExecutionEntity root = caseOf(variable, context);
      variable.delete();
      if (table == null) {
        table = EngineConnection.of(context);
      }
      Instant now = ClockUtil.getCurrentTime().toInstant();
      if (root.isEnded()) {
        NoteTable.recordWithoutText(table, root.getId(), variable.getName(), author, now);
        continue;
      }
      Object manager = root.getVariable(MANAGER);
      if (author != null && !Objects.equals(author, manager)) {
        throw new AuthorizationException("A private note (" + variable.getName() + ") is the case manager's own: only "
            + manager + " may write it.");
      }
      NoteTable.write(table, root.getId(), variable.getName(), author, now, text);
    }
  }

  @Override
  public void onCommandFailed(CommandContext context, Throwable failure) {
    // Nothing was stored: the note's row would have been written in the same transaction.
  }

  private static String textOf(VariableInstanceEntity variable) {
    TypedValue value = variable.getTypedValue(false);
    if (value == null || value.getValue() == null) {
      return null;
    }
    if (value instanceof StringValue text) {
      return text.getValue();
    }
    throw new BadUserRequestException(variable.getName() + ": a private note must be text (String), not " + value.getType().getName());
  }

  /** The case (root process instance) the note belongs to; a note outside any case has no owner and is refused. */
  private static ExecutionEntity caseOf(VariableInstanceEntity variable, CommandContext context) {
    String instanceId = variable.getProcessInstanceId();
    ExecutionEntity instance = instanceId == null ? null : context.getExecutionManager().findExecutionById(instanceId);
    if (instance == null) {
      throw new BadUserRequestException(variable.getName() + ": a private note belongs to a case and is written through its forms; "
          + "it cannot be set on a standalone task, a batch or outside a running case.");
    }
    String rootId = instance.getRootProcessInstanceId();
    if (rootId == null || rootId.equals(instance.getId())) {
      return instance;
    }
    ExecutionEntity root = context.getExecutionManager().findExecutionById(rootId);
    return root != null ? root : instance;
  }
}
