package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.foothold.support.ProcessTests;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Triage at intake: the nearby patterns the manager flagged pick one route; the first matching rule wins. */
@Deployment(resources = "processes/micro-failure/micro-failure-triage.dmn")
class MicroFailureTriageDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  @BeforeEach
  void forgetEarlierEvaluations() {
    ProcessTests.forgetDecisionHistory(engine.getProcessEngine());
  }

  @ParameterizedTest(name = "[{index}] flags={0} -> {1} by {2}")
  @CsvSource({
      // nearbyPatternFlags (';'-separated, '' = none ticked), route, rule
      // one row per rule
      "systemic-failure,                      systemic-review,  Rule_SystemicFailureReview",
      "burnout-risk,                          refer-to-hr,      Rule_BurnoutRiskReferToHr",
      "learned-helplessness,                  refer-to-hr,      Rule_LearnedHelplessnessReferToHr",
      "impostor-feelings,                     impostor-support, Rule_ImpostorFeelingsBelongingTalk",
      "'',                                    coach,            Rule_OtherwiseCoach",
      // order matters (FIRST)
      "impostor-feelings;systemic-failure,    systemic-review,  Rule_SystemicFailureReview",
      "burnout-risk;systemic-failure,         systemic-review,  Rule_SystemicFailureReview",
      "impostor-feelings;burnout-risk,        refer-to-hr,      Rule_BurnoutRiskReferToHr",
      "impostor-feelings;learned-helplessness,refer-to-hr,      Rule_LearnedHelplessnessReferToHr",
      // flags that do not change the route
      "feedback-culture;role-clarity;growth-mindset, coach,     Rule_OtherwiseCoach",
      "psychological-safety;impostor-feelings, impostor-support, Rule_ImpostorFeelingsBelongingTalk",
  })
  void picksTheRoute(String flags, String expectedRoute, String expectedRule) {
    // given / when
    DmnDecisionResult result = evaluate(Variables.createVariables().putValue("nearbyPatternFlags", ids(flags)));

    // then
    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getEntry("route")).isEqualTo(expectedRoute);
    assertThat((String) result.getSingleResult().getEntry("routeReason")).isNotBlank();
    assertThat(firedRule()).isEqualTo(expectedRule);
  }

  @Test
  void flagsSubmittedAsJsonByTasklistAreRead() {
    // given: Tasklist sends checklists as Json
    VariableMap vars = Variables.createVariables()
        .putValueTyped("nearbyPatternFlags", SpinValues.jsonValue("[\"role-clarity\",\"burnout-risk\"]").create());

    // when
    DmnDecisionResult result = evaluate(vars);

    // then
    assertThat((String) result.getSingleResult().getEntry("route")).isEqualTo("refer-to-hr");
  }

  @Test
  void missingFlagsMeanCoach() {
    // given: a start submitted without the optional checklist
    // when
    DmnDecisionResult result = evaluate(Variables.createVariables().putValue("nearbyPatternFlags", null));

    // then
    assertThat((String) result.getSingleResult().getEntry("route")).isEqualTo("coach");
    assertThat(firedRule()).isEqualTo("Rule_OtherwiseCoach");
  }

  private DmnDecisionResult evaluate(VariableMap vars) {
    return engine.getDecisionService().evaluateDecisionByKey("MicroFailureTriage").variables(vars).evaluate();
  }

  static List<String> ids(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(";")).map(String::trim).toList();
  }

  private String firedRule() {
    return ProcessTests.firedRule(engine.getProcessEngine(), "MicroFailureTriage");
  }
}
