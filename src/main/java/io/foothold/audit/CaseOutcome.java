package io.foothold.audit;

import java.util.List;
import java.util.Map;

import io.foothold.casefile.Outcomes;

/**
 * A case's outcome as HR's pages use it (the list's badge, its Outcome filter, the CSV and the case page): the one
 * definition is {@link Outcomes}, shared with the case file; here are its words.
 */
final class CaseOutcome {

  static final String OPEN = Outcomes.OPEN;
  static final String CLOSED = Outcomes.CLOSED;
  /** Outcomes the playbooks' end events name; anything else that ended counts as {@link #CLOSED}. */
  static final List<String> NAMED = Outcomes.NAMED;
  /** Every value the outcome can take, in the order HR's filter offers them. */
  static final List<String> VALUES = List.of(OPEN, "recovered", "escalated", "process-review", "completed", CLOSED);

  /** How HR's pages say each outcome (the same words as the list's badge, hr.js). */
  private static final Map<String, String> WORDS = Map.of(OPEN, "open", "recovered", "recovered",
      "escalated", "escalated (referral arranged)", "process-review", "process gap handled", "completed", "completed",
      CLOSED, "closed otherwise");

  private CaseOutcome() {
  }

  /** The outcome in people's words; a value no playbook names reads as it is. */
  static String words(String outcome) {
    return WORDS.getOrDefault(outcome, outcome);
  }

  /** The outcome of a case that has or has not ended, given its {@code caseOutcome} variable (may be null). */
  static String of(boolean ended, Object caseOutcome) {
    return Outcomes.of(ended, caseOutcome);
  }
}
