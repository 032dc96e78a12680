package io.foothold.audit;

import java.time.Instant;

/**
 * One case as HR's list shows it; {@code outcome} is {@link CaseOutcome}'s (open while the case runs). The manager's
 * display name comes last, so the CSV's earlier columns keep their places.
 */
record CaseSummary(String caseId, String playbook, String processKey, String employeeId, String employeeName,
    String managerId, Instant openedAt, Instant closedAt, String state, String outcome, boolean escalated, String managerName) {
}
