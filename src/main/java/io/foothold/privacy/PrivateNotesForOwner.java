package io.foothold.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The one way a note is read back: the form variables of a task (what Tasklist loads to fill a form, or
 * FormService#getTaskFormVariables) get the case's notes added, as text, when the signed-in user is the case's
 * manager. So a later form can show an earlier note, and the check-in form opens with the last check-in's note.
 * Anyone else, an administrator included, gets the form variables as the engine has them: without notes.
 */
final class PrivateNotesForOwner {

  private PrivateNotesForOwner() {
  }

  static void addTo(VariableMap formVariables, String taskId, Collection<String> requestedNames, CommandContext context) {
    String user = context.getAuthenticatedUserId();
    TaskEntity task = user == null || taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      return;
    }
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
    ExecutionEntity root = instance == null ? null : context.getExecutionManager().findExecutionById(instance.getRootProcessInstanceId());
    if (root == null || !Objects.equals(user, root.getVariable(PrivateNoteCapture.MANAGER))) {
      return;
    }
    for (Map.Entry<String, String> note : NoteTable.currentNotes(EngineConnection.of(context), root.getId()).entrySet()) {
      if (requestedNames == null || requestedNames.contains(note.getKey())) {
        formVariables.putValueTyped(note.getKey(), Variables.stringValue(note.getValue()));
      }
    }
  }
}
