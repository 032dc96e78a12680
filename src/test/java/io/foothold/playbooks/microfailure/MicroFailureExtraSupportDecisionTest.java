package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;


import io.foothold.support.ProcessTests;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate after each weekly progress check: escalate, close or continue; the first matching rule wins. */
@Deployment(resources = "processes/micro-failure/micro-failure-extra-support.dmn")
class MicroFailureExtraSupportDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  @BeforeEach
  void forgetEarlierEvaluations() {
    ProcessTests.forgetDecisionHistory(engine.getProcessEngine());
  }

  @ParameterizedTest(name = "[{index}] impaired={0} withdrawal={1} confidence={2} outcome={3} week {4}/{5} -> {6} by {9}")
  @CsvSource({
      // impaired, withdrawal, confidence, outcome, trackedWeeks, trackingWeeks, decision, restored, criterion, rule
      // one row per rule
      "true,  false, 4, continue, 1, 4, escalate, false, functioning-impaired, Rule_FunctioningImpairedEscalate",
      "false, true,  3, continue, 2, 4, escalate, false, prolonged-withdrawal, Rule_ProlongedWithdrawalEscalate",
      "false, false, 2, stalled,  1, 4, escalate, false, functioning-impaired, Rule_StalledWithLowConfidenceEscalate",
      "false, false, 4, steady,   1, 4, close,    true,  ,                     Rule_SteadyClose",
      "false, false, 3, continue, 4, 4, close,    false, ,                     Rule_WeeksUsedUpClose",
      "false, false, 3, continue, 1, 4, continue, false, ,                     Rule_OtherwiseContinue",
      // order matters (FIRST)
      "true,  true,  5, steady,   4, 4, escalate, false, functioning-impaired, Rule_FunctioningImpairedEscalate",
      "false, true,  2, stalled,  3, 4, escalate, false, prolonged-withdrawal, Rule_ProlongedWithdrawalEscalate",
      "false, false, 1, stalled,  4, 4, escalate, false, functioning-impaired, Rule_StalledWithLowConfidenceEscalate",
      "false, true,  4, steady,   2, 4, escalate, false, prolonged-withdrawal, Rule_ProlongedWithdrawalEscalate",
      "false, false, 4, steady,   4, 4, close,    true,  ,                     Rule_SteadyClose",
      "false, false, 3, stalled,  4, 4, close,    false, ,                     Rule_WeeksUsedUpClose",
      // near misses keep going
      "false, true,  3, continue, 1, 4, continue, false, ,                     Rule_OtherwiseContinue",
      "false, false, 3, stalled,  2, 4, continue, false, ,                     Rule_OtherwiseContinue",
      "false, false, 2, continue, 3, 4, continue, false, ,                     Rule_OtherwiseContinue",
  })
  void decidesTheNextStep(boolean impaired, boolean withdrawal, int confidence, String outcome, long trackedWeeks,
                          int trackingWeeks, String expectedDecision, boolean expectedRestored, String expectedCriterion,
                          String expectedRule) {
    // given: values as the progress form and the process listeners provide them (the week count is a Long from JUEL)
    // when
    DmnDecisionResult result = engine.getDecisionService()
        .evaluateDecisionByKey("MicroFailureExtraSupport")
        .variables(Variables.createVariables()
            .putValue("functioningImpaired", impaired)
            .putValue("withdrawalPersists", withdrawal)
            .putValue("confidenceRating", confidence)
            .putValue("progressOutcome", outcome)
            .putValue("trackedWeeks", trackedWeeks)
            .putValue("trackingWeeks", trackingWeeks))
        .evaluate();

    // then
    assertThat(result).hasSize(1);
    DmnDecisionResultEntries gate = result.getSingleResult();
    assertThat((String) gate.getEntry("gateDecision")).isEqualTo(expectedDecision);
    assertThat((Boolean) gate.getEntry("confidenceRestored")).isEqualTo(expectedRestored);
    assertThat((String) gate.getEntry("gateCriterion")).isEqualTo(expectedCriterion);
    assertThat((String) gate.getEntry("gateReason")).isNotBlank();
    assertThat(firedRule()).isEqualTo(expectedRule);
  }

  private String firedRule() {
    return ProcessTests.firedRule(engine.getProcessEngine(), "MicroFailureExtraSupport");
  }
}
