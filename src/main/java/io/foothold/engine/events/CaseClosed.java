package io.foothold.engine.events;

/**
 * A case ended: its root process instance completed, was cancelled or was deleted (with the model's listeners
 * skipped or not). Heard inside the engine command that ended it, so a listener's work commits or rolls back with
 * the case's end.
 *
 * @param caseId the root process instance's id
 */
public record CaseClosed(String caseId) {
}
