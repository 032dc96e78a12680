package io.foothold.engine.events;

/**
 * HR erased a closed case's history (and that of every playbook it called). Heard inside the erasing transaction:
 * whatever a module keeps about the case outside the engine's history goes with it, or nothing is erased.
 *
 * @param caseId the root process instance's id
 */
public record CaseErased(String caseId) {
}
