package io.foothold.audit;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;

import io.foothold.casefile.Outcomes;

/**
 * A case's outcome as HR's pages use it (the list's badge, its Outcome filter, the CSV and the case page): the one
 * definition is {@link Outcomes}, shared with the case file; here are its words and its history query.
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

  /** Narrows a history query to the cases whose {@link #of outcome} is {@code outcome} (one of {@link #VALUES}). */
  static void restrict(HistoricProcessInstanceQuery query, String outcome) {
    if (OPEN.equals(outcome)) {
      query.unfinished();
    } else if (CLOSED.equals(outcome)) {
      // A case that ended without a caseOutcome variable at all is not matched here: the history query cannot ask
      // for a missing variable (every Foothold playbook's end events set one).
      query.finished();
      NAMED.forEach(named -> query.variableValueNotEquals(CaseList.OUTCOME, named));
    } else {
      query.finished().variableValueEquals(CaseList.OUTCOME, outcome);
    }
  }
}
