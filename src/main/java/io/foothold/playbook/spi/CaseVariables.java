package io.foothold.playbook.spi;

/**
 * The case's facts every playbook keeps under the same names, so Foothold's modules (audit, analytics, the
 * manager's overview, nudges, privacy, escalation) and a playbook's models and Java read them alike. A playbook's
 * models write them (the start event's {@code camunda:initiator}, its start form, its end events); people never do
 * (forms.PersonWriteGuard refuses them outside a form that declares them).
 */
public final class CaseVariables {

  /** The user id of the manager who opened the case (the start event's initiator). */
  public static final String MANAGER = "managerId";
  /** The user id of the person the case is about. */
  public static final String EMPLOYEE = "employeeId";
  /** The word the playbook's end wrote: recovered, escalated, process-review, completed. */
  public static final String OUTCOME = "caseOutcome";
  /** True once a referral to HR or a professional was arranged. */
  public static final String ESCALATED = "escalated";
  /** True while a serious signal waits for HR's review (a conditional start event in the playbook listens to it). */
  public static final String SERIOUS_SIGNAL = "seriousSignal";
  /** The kinds of serious signal (catalog ids) that came with the flag; set before it. */
  public static final String SERIOUS_SIGNAL_KINDS = "seriousSignalKinds";
  /** What the person who raised the signal wrote; set before the flag. */
  public static final String SERIOUS_SIGNAL_NOTE = "seriousSignalNote";
  /** Where the signal came from, e.g. "concern" for one forwarded from a concern process. */
  public static final String SERIOUS_SIGNAL_SOURCE = "seriousSignalSource";
  /** In a concern process (not a case): the id of the case the concern is about. */
  public static final String CONCERNED_CASE = "caseId";

  private CaseVariables() {
  }
}
