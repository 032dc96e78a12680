package io.foothold.casefile;

import java.time.Instant;

/**
 * One case as the case file keeps it: the root process instance's id, the playbook and process key it was started
 * from, who opened it and whom it is about, when it opened and closed, its {@link Outcomes outcome} and whether HR
 * was brought in, and the step it is at: the name of its newest open task, its called playbooks' included (null
 * when no task is open: the case waits on a timer, or has ended).
 */
public record CaseFile(String caseId, String playbook, String processKey, String managerId, String employeeId,
    String employeeName, Instant openedAt, Instant closedAt, String outcome, boolean escalated, String currentStep) {
}
