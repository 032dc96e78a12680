package io.foothold.overview;

import java.time.Instant;
import java.util.List;

/** What GET /api/my/cases answers: the signed-in manager's open cases (most urgent first) and latest closed ones. */
record MyCases(String manager, List<OpenCase> open, List<ClosedCase> closed, long closedTotal) {

  /** One open case and where it stands. */
  record OpenCase(String caseId, String employee, String playbook, Instant opened, NextStep next, boolean hrReviewOpen,
      List<Rating> confidence) {
  }

  /**
   * What the case waits for. {@code kind}: "yours" (a step of the manager, with its Tasklist link), "theirs" (the
   * employee's or someone else's step), "hr" (with HR), "timer" (nothing to do until {@code date}), "running".
   * {@code date} is the step's due date, or when the timer fires.
   */
  record NextStep(String kind, String text, String who, Instant date, boolean overdue, String taskId, String taskUrl) {
  }

  /** A confidence rating as it was recorded at a check-in. */
  record Rating(Instant at, int value) {
  }

  /** A closed case; {@code outcome} is the case's own word: recovered, escalated, process-review, closed. */
  record ClosedCase(String caseId, String employee, String playbook, Instant opened, Instant closed, String outcome) {
  }
}
