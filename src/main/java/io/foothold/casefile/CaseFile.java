package io.foothold.casefile;

import java.time.Instant;
import java.util.List;

/**
 * One case as the case file keeps it: the root process instance's id, the playbook and process key it was started
 * from, who opened it and whom it is about, when it opened and closed, its {@link Outcomes outcome} and whether HR
 * was brought in, and the step it is at: the name of its newest open task, its called playbooks' included (null
 * when no task is open: the case waits on a timer, or has ended). Then the name of the process it runs, its next
 * date (the nearest due date of its open steps; when none has one, its nearest pending timer) and the supports
 * chosen ({@link Supports}, empty before the choice).
 */
public record CaseFile(String caseId, String playbook, String processKey, String managerId, String employeeId,
    String employeeName, Instant openedAt, Instant closedAt, String outcome, boolean escalated, String currentStep,
    String processName, Instant nextDate, List<String> supports) {

  public CaseFile {
    supports = supports == null ? List.of() : List.copyOf(supports);
  }
}
