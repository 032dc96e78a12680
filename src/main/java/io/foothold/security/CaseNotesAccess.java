package io.foothold.security;

import java.lang.reflect.Field;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments belong to the case of their task. Camunda 7.24 checks no authorization when one is read
 * by id, listed, added, or when an attachment is deleted or changed (its REST layer only looks the task up first, and
 * HR's history rights are enough for that lookup), so anyone who learned an id could read or remove another
 * manager's notes, and HR could write into a case it only audits. Here, for every signed-in person but an
 * administrator, whichever way the command is sent:
 * <ul>
 * <li>reading needs the task (or case) visible to them, running or in its history;</li>
 * <li>adding a comment needs the task (or case) visible to them <em>running</em>: they take part in it;</li>
 * <li>deleting or changing an attachment, and reading one without its task, is for administrators (as adding one
 * is, {@link AttachmentRules}).</li>
 * </ul>
 * The engine's own work (no signed-in user) is not affected. Commands keep their ids in protected fields without
 * getters; they are read by reflection and a missing field (an engine upgrade) refuses the command.
 */
@Component
class CaseNotesAccess extends PersonCommandGuard {

  private static final Set<Class<?>> READS = Set.of(GetTaskCommentCmd.class, GetTaskCommentsCmd.class, GetProcessInstanceCommentsCmd.class,
      GetTaskAttachmentCmd.class, GetTaskAttachmentContentCmd.class, GetTaskAttachmentsCmd.class, GetProcessInstanceAttachmentsCmd.class);
  private static final Set<Class<?>> ADMIN_ONLY = Set.of(DeleteAttachmentCmd.class, SaveAttachmentCmd.class, GetAttachmentCmd.class,
      GetAttachmentContentCmd.class);

  @Override
  protected void check(Command<?> command) {
    Class<?> kind = command.getClass();
    boolean guarded = READS.contains(kind) || ADMIN_ONLY.contains(kind) || kind == AddCommentCmd.class;
    Authentication signedIn = guarded ? personToCheck() : null;
    if (signedIn == null) {
      return;
    }
    if (ADMIN_ONLY.contains(kind)) {
      throw new AuthorizationException("Attachments are kept and changed by administrators only; '" + signedIn.getUserId()
          + "' is not one.");
    }
    String taskId = field(command, "taskId");
    String caseId = taskId == null && hasField(command, "processInstanceId") ? field(command, "processInstanceId") : null;
    boolean writing = kind == AddCommentCmd.class;
    if (taskId == null && caseId == null) {
      throw new AuthorizationException("A comment or attachment is reached through its task or case.");
    }
    boolean allowed = taskId != null ? mayUseTask(taskId, writing) : mayUseCase(caseId, writing);
    if (!allowed) {
      throw new AuthorizationException("'" + signedIn.getUserId() + "' may not " + (writing ? "comment on" : "read the notes of")
          + " this " + (taskId != null ? "task" : "case") + ": " + (writing ? "comments are written by the people working on it."
              : "they belong to its case."));
    }
  }

  /** Visible as the signed-in person: the queries apply the engine's authorization checks. */
  private boolean mayUseTask(String taskId, boolean writing) {
    if (configuration().getTaskService().createTaskQuery().taskId(taskId).count() > 0) {
      return true;
    }
    return !writing && configuration().getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
  }

  private boolean mayUseCase(String caseId, boolean writing) {
    if (configuration().getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId).count() > 0) {
      return true;
    }
    return !writing && configuration().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseId).count() > 0;
  }

  private static boolean hasField(Object command, String name) {
    try {
      command.getClass().getDeclaredField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static String field(Object command, String name) {
    try {
      Field field = command.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return (String) field.get(command);
    } catch (NoSuchFieldException e) {
      return null;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new AuthorizationException("The engine changed " + command.getClass().getSimpleName() + " (" + name + "): refused until checked.");
    }
  }
}
