package io.foothold.forms;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What an engine command asks to write, as far as a person's rights go; see {@link PersonWrites#of}. */
sealed interface PersonWrite {

  /** Takes a case out of its flow or rewrites its history: for administrators only. */
  record AdminOnly(String operation) implements PersonWrite {}

  /**
   * Writes variables on a task: only what the task's form declares.
   *
   * @param completes the task is completed (needs the right to work on it), else only its variables are written
   *     (needs the right to update them)
   */
  record TaskStep(String taskId, Map<String, ?> variables, Collection<String> deletions, boolean completes)
      implements PersonWrite {}

  /** Starts a process: only what its start event's form declares. */
  record StartStep(String processDefinitionId, String processDefinitionKey, String tenantId, Map<String, ?> variables)
      implements PersonWrite {}

  /** Moves a case on where no form applies (a message, a signal): it may carry no variables. */
  record NoForm(String operation, Set<String> names) implements PersonWrite {}

  /** Writes variables outside any step (instance or execution variables): never open to people. */
  record OutsideSteps(String operation, String executionId, Set<String> names) implements PersonWrite {}

  /** Any other command: a person may run it (the authorization checks decide) if it changes no variable. */
  record Other(String operation) implements PersonWrite {}
}
