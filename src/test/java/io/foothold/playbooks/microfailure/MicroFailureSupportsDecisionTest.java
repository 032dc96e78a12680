package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.foothold.support.ProcessTests;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** Suggested supports: always the core five, plus what the main driver and the worsening factors call for, each once. */
@Deployment(resources = "processes/micro-failure/micro-failure-supports.dmn")
class MicroFailureSupportsDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  static final List<String> ALWAYS = List.of("private-check-in", "quick-visible-win", "peer-pairing", "micro-goals", "track-weekly");

  @BeforeEach
  void forgetEarlierEvaluations() {
    ProcessTests.forgetDecisionHistory(engine.getProcessEngine());
  }

  @ParameterizedTest(name = "[{index}] driver={0} worse={1} -> +{2} (rule {3})")
  @CsvSource({
      // mainDriver, worseningFactors (';'), supports on top of ALWAYS (';'), a rule that must fire
      // one row per rule
      "feedback-timing,         '',                               strengths-first-feedback;timely-specific-feedback, Rule_AlwaysPrivateCheckIn",
      "feedback-timing,         '',                               strengths-first-feedback;timely-specific-feedback, Rule_AlwaysQuickVisibleWin",
      "feedback-timing,         '',                               strengths-first-feedback;timely-specific-feedback, Rule_AlwaysPeerPairing",
      "feedback-timing,         '',                               strengths-first-feedback;timely-specific-feedback, Rule_AlwaysMicroGoals",
      "feedback-timing,         '',                               strengths-first-feedback;timely-specific-feedback, Rule_AlwaysTrackWeekly",
      "identity-threat,         '',                               strengths-first-feedback;model-recovery,           Rule_StrengthsFirstFeedback",
      "attention-bias,          '',                               strengths-first-feedback;reframe-publicly,         Rule_ReframePublicly",
      "perfection-expectations, '',                               reframe-publicly;model-recovery,                   Rule_ModelRecovery",
      "feedback-timing,         peer-comparison,                  strengths-first-feedback;timely-specific-feedback, Rule_TimelySpecificFeedback",
      "high-stakes-framing,     '',                               clarify-decision-boundaries;model-recovery,        Rule_DriverClarifyBoundaries",
      "workload-fatigue,        '',                               workload-audit,                                    Rule_DriverWorkloadAudit",
      "social-comparison,       '',                               strengths-first-feedback;consent-before-group,     Rule_DriverConsentBeforeGroup",
      "unclear-role,            public-correction,                clarify-decision-boundaries;consent-before-group,  Rule_PublicSlipConsentBeforeGroup",
      "attention-bias,          scope-creep,                      strengths-first-feedback;reframe-publicly;workload-audit, Rule_ExtraLoadWorkloadAudit",
      "workload-fatigue,        new-responsibilities,             workload-audit;clarify-decision-boundaries,        Rule_UnclearExpectationsClarifyBoundaries",
      // a driver and a circumstance pointing at the same support still suggest it once
      "social-comparison,       visible-mistake;public-correction, strengths-first-feedback;consent-before-group,    Rule_DriverConsentBeforeGroup",
      "workload-fatigue,        scope-creep,                      workload-audit,                                    Rule_DriverWorkloadAudit",
      "unclear-role,            unclear-metrics;new-responsibilities, clarify-decision-boundaries,                  Rule_DriverClarifyBoundaries",
      "high-stakes-framing,     unclear-metrics,                  clarify-decision-boundaries;model-recovery,        Rule_DriverClarifyBoundaries",
      // everything at once
      "identity-threat,         visible-mistake;scope-creep;unclear-metrics;tight-deadlines, strengths-first-feedback;model-recovery;consent-before-group;workload-audit;clarify-decision-boundaries, Rule_UnclearExpectationsClarifyBoundaries",
  })
  void suggestsEachSupportOnce(String driver, String worsening, String extra, String expectedRule) {
    // given / when
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("MicroFailureSupports")
        .variables(Variables.createVariables()
            .putValue("mainDriver", driver)
            .putValue("worseningFactors", MicroFailureTriageDecisionTest.ids(worsening)))
        .evaluate();

    // then
    List<String> supports = result.collectEntries("support");
    List<String> expected = new ArrayList<>(ALWAYS);
    expected.addAll(MicroFailureTriageDecisionTest.ids(extra));
    assertThat(supports).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(firedRules()).contains(expectedRule);
  }

  @Test
  void missingWorseningFactorsStillGiveTheDriverSupports() {
    // when
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("MicroFailureSupports")
        .variables(Variables.createVariables().putValue("mainDriver", "workload-fatigue").putValue("worseningFactors", null))
        .evaluate();

    // then
    List<String> expected = new ArrayList<>(ALWAYS);
    expected.add("workload-audit");
    assertThat(result.<String>collectEntries("support")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySuggestedSupportExistsInTheCatalog() throws Exception {
    // given
    Map<String, Object> catalog = new Yaml().load(Files.readString(Path.of("seeds/micro-failure/catalog.yaml")));
    Set<String> catalogSupports = ((List<Map<String, Object>>) catalog.get("supports")).stream()
        .map(e -> (String) e.get("id")).collect(Collectors.toSet());
    String dmn = Files.readString(Path.of("processes/micro-failure/micro-failure-supports.dmn"));

    // when: every quoted value in an output entry
    Set<String> emitted = Pattern.compile("_Out1\">\\s*<text>&quot;([a-z-]+)&quot;</text>")
        .matcher(dmn).results().map(m -> m.group(1)).collect(Collectors.toSet());

    // then
    assertThat(emitted).hasSize(12).isSubsetOf(catalogSupports);
  }

  private List<String> firedRules() {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("MicroFailureSupports").includeOutputs().singleResult()
        .getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).toList();
  }
}
