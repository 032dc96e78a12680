package io.foothold.casefile;

import java.util.List;

/**
 * The one definition of a case's outcome (HR's list, its filter, the CSV, the case page and the case file): open
 * while the case runs; afterwards the word the playbook's end event wrote into {@code caseOutcome} when it is one of
 * the named outcomes, and "closed" (ended any other way) for anything else. Whether HR was brought in along the way
 * is a separate fact ({@link #escalated}), never mixed into the outcome.
 */
public final class Outcomes {

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
  /** Outcomes the playbooks' end events name; anything else that ended counts as {@link #CLOSED}. */
  public static final List<String> NAMED = List.of("recovered", "escalated", "process-review", "completed");

  private Outcomes() {
  }

  /** The outcome of a case that has or has not ended, given its {@code caseOutcome} variable (may be null). */
  public static String of(boolean ended, Object caseOutcome) {
    if (!ended) {
      return OPEN;
    }
    String named = caseOutcome == null ? null : caseOutcome.toString();
    return named != null && NAMED.contains(named) ? named : CLOSED;
  }

  /** HR was brought in: the case ended escalated, or its {@code escalated} variable is true. */
  public static boolean escalated(String outcome, Object escalatedVariable) {
    return "escalated".equals(outcome) || Boolean.TRUE.equals(escalatedVariable);
  }
}
