package io.foothold.playbook.spi;

import java.util.Set;

/**
 * The beans of Foothold itself that every playbook's models may call in expressions, by these names. Besides them a
 * model reaches only its own playbook's beans ({@link PlaybookBean}, {@link PlaybookPlugin} contributions) and its
 * variables. Name the ones a playbook uses under {@code delegates:} in its descriptor, beside its own.
 */
public final class ExpressionBeans {

  /**
   * Due dates in working days (Monday to Friday, on the engine's clock): {@code ${workingDays.after(2)}} for a
   * {@code camunda:dueDate} or timer, {@code ${workingDays.afterCadence('P7D')}} for a cadence the manager chose
   * (whole weeks count five working days).
   */
  public static final String WORKING_DAYS = "workingDays";

  /**
   * The directory: {@code ${people.employeeOrManager(employeeId, managerId)}} is who does an employee's own steps
   * (the employee when they can sign in, otherwise their manager on their behalf).
   */
  public static final String PEOPLE = "people";

  /**
   * A concern about another case: {@code camunda:delegateExpression="${forwardConcernToCase}"} copies the serious
   * signal of a concern process ({@link CaseVariables#SERIOUS_SIGNAL_KINDS}, {@link CaseVariables#SERIOUS_SIGNAL_NOTE},
   * the case chosen in {@link CaseVariables#CONCERNED_CASE}) onto one of the manager's open cases, of any playbook
   * that listens for {@link CaseVariables#SERIOUS_SIGNAL}. A process with such a task is a concern, not a case of its
   * own: audit and analytics recognise it by this expression.
   */
  public static final String FORWARD_CONCERN_TO_CASE = "forwardConcernToCase";

  private ExpressionBeans() {
  }

  /** Every name above. */
  public static Set<String> all() {
    return Set.of(WORKING_DAYS, PEOPLE, FORWARD_CONCERN_TO_CASE);
  }
}
