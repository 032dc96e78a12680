package io.foothold.playbooks.recoveryarc;

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

/** The gate after each check-in: the first matching rule decides between escalate, close and continue. */
@Deployment(resources = "processes/recovery-arc/recovery-escalation-gate.dmn")
class RecoveryEscalationGateDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  @BeforeEach
  void forgetEarlierEvaluations() {
    ProcessTests.forgetDecisionHistory(engine.getProcessEngine());
  }

  @ParameterizedTest(name = "[{index}] safety={0} withdrawal={1} confidence={2} outcome={3} count={4}/{5} -> {6} by {8}")
  @CsvSource({
      // safety, withdrawal, confidence, outcome, checkInCount, maxCheckIns, decision, recovered, rule
      // one row per rule
      "true,  false, 4, continue,  1, 6, escalate, false, Rule_SafetyOrTeamImpactEscalate",
      "false, true,  3, continue,  6, 6, escalate, false, Rule_WithdrawalAfterAllCheckInsEscalate",
      "false, false, 2, continue,  6, 6, escalate, false, Rule_LowConfidenceAfterAllCheckInsEscalate",
      "false, false, 4, recovered, 2, 6, close,    true,  Rule_RecoveredClose",
      "false, false, 3, continue,  6, 6, close,    false, Rule_CheckInsUsedUpClose",
      "false, true,  2, stalled,   2, 6, escalate, false, Rule_StalledWithLowConfidenceEscalate",
      "false, false, 3, continue,  1, 6, continue, false, Rule_OtherwiseContinue",
      // order matters (FIRST)
      "true,  false, 5, recovered, 1, 6, escalate, false, Rule_SafetyOrTeamImpactEscalate",
      "false, false, 5, recovered, 6, 6, close,    true,  Rule_RecoveredClose",
      "false, true,  2, recovered, 6, 6, escalate, false, Rule_WithdrawalAfterAllCheckInsEscalate",
      "false, true,  2, stalled,   7, 6, escalate, false, Rule_WithdrawalAfterAllCheckInsEscalate",
      "false, false, 1, stalled,   6, 6, escalate, false, Rule_LowConfidenceAfterAllCheckInsEscalate",
      "false, false, 3, stalled,   6, 6, close,    false, Rule_CheckInsUsedUpClose",
      // near misses of the stalled rule keep going
      "false, true,  3, stalled,   2, 6, continue, false, Rule_OtherwiseContinue",
      "false, false, 1, stalled,   2, 6, continue, false, Rule_OtherwiseContinue",
      "false, true,  2, continue,  2, 6, continue, false, Rule_OtherwiseContinue",
      "false, false, 1, stalled,   5, 6, continue, false, Rule_OtherwiseContinue",
  })
  void decidesTheNextStep(boolean safety, boolean withdrawal, int confidence, String outcome, long checkInCount,
                          int maxCheckIns, String expectedDecision, boolean expectedRecovered, String expectedRule) {
    // given: values as the check-in form and the process listeners provide them (count is a Long from JUEL)
    // when
    DmnDecisionResult result = engine.getDecisionService()
        .evaluateDecisionByKey("RecoveryEscalationGate")
        .variables(Variables.createVariables()
            .putValue("functioningAffectsSafetyOrTeam", safety)
            .putValue("withdrawalPersists", withdrawal)
            .putValue("confidenceRating", confidence)
            .putValue("checkInOutcome", outcome)
            .putValue("checkInCount", checkInCount)
            .putValue("maxCheckIns", maxCheckIns))
        .evaluate();

    // then
    assertThat(result).hasSize(1);
    DmnDecisionResultEntries gate = result.getSingleResult();
    assertThat((String) gate.getEntry("gateDecision")).isEqualTo(expectedDecision);
    assertThat((Boolean) gate.getEntry("recovered")).isEqualTo(expectedRecovered);
    assertThat((String) gate.getEntry("gateReason")).isNotBlank();
    assertThat(firedRule()).isEqualTo(expectedRule);
  }

  private String firedRule() {
    return ProcessTests.firedRule(engine.getProcessEngine(), "RecoveryEscalationGate");
  }
}
