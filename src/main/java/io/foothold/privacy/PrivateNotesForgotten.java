package io.foothold.privacy;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * When a case (a root process instance) ends, its private notes are removed explicitly, so the end of
 * the case is the end of the note whatever else runs at that moment. Called playbooks are left alone:
 * their end comes before the parent's output mapping, which may still hand a note up to the case.
 */
class PrivateNotesForgotten implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    if (instance.getSuperExecution() != null) {
      return;
    }
    List<String> notes = instance.getVariableNamesLocal().stream().filter(PrivateNotes::isPrivate).toList();
    if (!notes.isEmpty()) {
      instance.removeVariablesLocal(notes);
    }
  }
}
