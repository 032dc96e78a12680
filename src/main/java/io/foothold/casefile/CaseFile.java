package io.foothold.casefile;

import java.time.Instant;

/**
 * One case as the case file keeps it: the root process instance's id, the playbook and process key it was started
 * from, who opened it and whom it is about, when it opened and closed, its {@link Outcomes outcome} and whether HR
 * was brought in.
 */
public record CaseFile(String caseId, String playbook, String processKey, String managerId, String employeeId,
    String employeeName, Instant openedAt, Instant closedAt, String outcome, boolean escalated) {
}
