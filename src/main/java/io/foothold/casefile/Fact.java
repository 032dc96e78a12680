package io.foothold.casefile;

import java.util.Arrays;
import java.util.Optional;

import io.foothold.playbook.spi.CaseVariables;

/** The case variables the case file keeps, each in its column; outcome and escalation also change what HR reads. */
enum Fact {

  MANAGER(CaseVariables.MANAGER, "MANAGER_", false),
  EMPLOYEE(CaseVariables.EMPLOYEE, "EMPLOYEE_", false),
  /** Written by the start forms beside the employee's id (not part of the SPI's vocabulary, but every playbook's). */
  EMPLOYEE_NAME("employeeName", "EMPLOYEE_NAME_", false),
  OUTCOME(CaseVariables.OUTCOME, "CASE_OUTCOME_", true),
  ESCALATED(CaseVariables.ESCALATED, "ESCALATED_FACT_", true),
  /** Kept as the JSON array of the ids chosen ({@link Supports}). */
  SUPPORTS(Supports.VARIABLE, "SUPPORTS_", false);

  final String variable;
  final String column;
  final boolean derives;

  Fact(String variable, String column, boolean derives) {
    this.variable = variable;
    this.column = column;
    this.derives = derives;
  }

  static Optional<Fact> of(String variable) {
    return Arrays.stream(values()).filter(fact -> fact.variable.equals(variable)).findFirst();
  }

  static String[] variables() {
    return Arrays.stream(values()).map(fact -> fact.variable).toArray(String[]::new);
  }

  /** What the column holds for the variable's value: escalation only when it is a boolean, supports as ids, the rest as text. */
  Object stored(Object value) {
    if (this == ESCALATED) {
      return value instanceof Boolean flag ? flag : null;
    }
    if (this == SUPPORTS) {
      return Supports.column(Supports.ids(value));
    }
    return value == null ? null : value.toString();
  }
}
