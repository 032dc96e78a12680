package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one definition of a case's outcome, for every kind of value its variable can hold. */
class CaseOutcomeTest {

  @ParameterizedTest(name = "ended {0}, caseOutcome {1} -> {2}")
  @CsvSource(nullValues = "null", value = {
      "false, null, open",
      "false, recovered, open",
      "true, recovered, recovered",
      "true, escalated, escalated",
      "true, process-review, process-review",
      "true, completed, completed",
      "true, something-else, closed",
      "true, null, closed"})
  void aCaseHasExactlyOneOutcome(boolean ended, String caseOutcome, String expected) {
    assertThat(CaseOutcome.of(ended, caseOutcome)).isEqualTo(expected);
    assertThat(CaseOutcome.VALUES).contains(expected);
  }
}
