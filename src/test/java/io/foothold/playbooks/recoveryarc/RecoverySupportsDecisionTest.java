package io.foothold.playbooks.recoveryarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.foothold.support.ProcessTests;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
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

/** Every rule of RecoverySupports fires for the right inputs, and no support is ever suggested twice. */
@Deployment(resources = "processes/recovery-arc/recovery-supports.dmn")
class RecoverySupportsDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  static final List<String> ALWAYS = List.of(
      "calm-debrief", "small-visible-win", "development-plan", "paired-work", "track-in-one-on-ones");

  static final List<String> ALWAYS_RULES = List.of(
      "Rule_AlwaysCalmDebrief", "Rule_AlwaysSmallVisibleWin", "Rule_AlwaysDevelopmentPlan",
      "Rule_AlwaysPairedWork", "Rule_AlwaysTrackInOneOnOnes");

  @BeforeEach
  void forgetEarlierEvaluations() {
    ProcessTests.forgetDecisionHistory(engine.getProcessEngine());
  }

  @ParameterizedTest(name = "[{index}] {0} / {1} / [{2}] -> +[{3}]")
  @CsvSource(delimiter = ';', value = {
      // driver; visibility; pressure points; supports beyond the always-five; rules beyond the always-five
      // one row per driver rule
      "cognitive;     private; ;                 behaviour-not-person|micro-experiments; Rule_CognitiveBehaviourNotPerson|Rule_CognitiveOrCulturalMicroExperiments",
      "social;        private; ;                 private-correction|recognise-progress;  Rule_SocialPrivateCorrection|Rule_SocialRecogniseProgress",
      "environmental; private; ;                 share-own-slips;                        Rule_EnvironmentalOrCulturalShareOwnSlips",
      "process;       private; ;                 specific-feedback;                      Rule_ProcessOrSkillGapSpecificFeedback",
      "workload;      private; ;                 recalibrate-goals;                      Rule_WorkloadOrSkillGapRecalibrateGoals",
      "cultural;      private; ;                 share-own-slips|micro-experiments;      Rule_EnvironmentalOrCulturalShareOwnSlips|Rule_CognitiveOrCulturalMicroExperiments",
      "skill-gap;     private; ;                 specific-feedback|recalibrate-goals;    Rule_ProcessOrSkillGapSpecificFeedback|Rule_WorkloadOrSkillGapRecalibrateGoals",
      // one row per context rule
      "process;       team;    ;                 specific-feedback|private-correction;   Rule_ProcessOrSkillGapSpecificFeedback|Rule_VisibleFailurePrivateCorrection",
      "process;       senior;  ;                 specific-feedback|private-correction;   Rule_ProcessOrSkillGapSpecificFeedback|Rule_VisibleFailurePrivateCorrection",
      "process;       private; public-mistake;   specific-feedback|private-correction;   Rule_ProcessOrSkillGapSpecificFeedback|Rule_PublicCriticismPrivateCorrection",
      "process;       private; public-reprimand; specific-feedback|private-correction;   Rule_ProcessOrSkillGapSpecificFeedback|Rule_PublicCriticismPrivateCorrection",
      "environmental; private; tight-timelines;  share-own-slips|recalibrate-goals;      Rule_EnvironmentalOrCulturalShareOwnSlips|Rule_TightTimelinesRecalibrateGoals",
      // combinations where two reasons point at the same support: still suggested once
      "social;        senior;  public-mistake|public-reprimand|tight-timelines; private-correction|recognise-progress|recalibrate-goals; Rule_SocialPrivateCorrection|Rule_SocialRecogniseProgress|Rule_TightTimelinesRecalibrateGoals",
      "workload;      team;    tight-timelines|public-mistake; recalibrate-goals|private-correction; Rule_WorkloadOrSkillGapRecalibrateGoals|Rule_VisibleFailurePrivateCorrection",
      "skill-gap;     private; tight-timelines;  specific-feedback|recalibrate-goals;    Rule_ProcessOrSkillGapSpecificFeedback|Rule_WorkloadOrSkillGapRecalibrateGoals",
      "cognitive;     team;    public-mistake|tight-timelines; behaviour-not-person|micro-experiments|private-correction|recalibrate-goals; Rule_CognitiveBehaviourNotPerson|Rule_CognitiveOrCulturalMicroExperiments|Rule_VisibleFailurePrivateCorrection|Rule_TightTimelinesRecalibrateGoals",
      "cognitive;     private; peer-comparison|role-change; behaviour-not-person|micro-experiments; Rule_CognitiveBehaviourNotPerson|Rule_CognitiveOrCulturalMicroExperiments",
  })
  void suggestsEachSupportExactlyOnce(String driver, String visibility, String pressurePoints,
                                      String extraSupports, String extraRules) {
    // given
    VariableMap variables = Variables.createVariables()
        .putValue("dominantDriver", driver)
        .putValue("visibility", visibility)
        .putValue("pressurePoints", split(pressurePoints));

    // when
    List<String> supports = evaluate(variables);

    // then
    assertThat(supports).doesNotHaveDuplicates();
    assertThat(supports).containsExactlyInAnyOrderElementsOf(concat(ALWAYS, split(extraSupports)));
    assertThat(firedRules()).isEqualTo(new TreeSet<>(concat(ALWAYS_RULES, split(extraRules))));
  }

  @Test
  void readsPressurePointsSubmittedByTasklistAsJson() {
    // given: Tasklist submits a checklist as a Json variable
    VariableMap variables = Variables.createVariables()
        .putValue("dominantDriver", "process")
        .putValue("visibility", "private")
        .putValueTyped("pressurePoints", SpinValues.jsonValue("[\"tight-timelines\",\"public-reprimand\"]").create());

    // when
    List<String> supports = evaluate(variables);

    // then
    assertThat(supports).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(concat(ALWAYS, List.of("specific-feedback", "private-correction", "recalibrate-goals")));
  }

  @Test
  void toleratesMissingPressurePoints() {
    // given: nothing ticked and the variable left empty
    VariableMap variables = Variables.createVariables()
        .putValue("dominantDriver", "workload")
        .putValue("visibility", "private")
        .putValue("pressurePoints", null);

    // when
    List<String> supports = evaluate(variables);

    // then
    assertThat(supports).containsExactlyInAnyOrderElementsOf(concat(ALWAYS, List.of("recalibrate-goals")));
  }

  private List<String> evaluate(VariableMap variables) {
    DmnDecisionResult result = engine.getDecisionService()
        .evaluateDecisionByKey("RecoverySupports")
        .variables(variables)
        .evaluate();
    return result.collectEntries("support");
  }

  private Set<String> firedRules() {
    List<HistoricDecisionInstance> instances = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("RecoverySupports").includeOutputs().list();
    assertThat(instances).hasSize(1);
    return instances.get(0).getOutputs().stream()
        .map(HistoricDecisionOutputInstance::getRuleId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static List<String> split(String pipeSeparated) {
    if (pipeSeparated == null || pipeSeparated.isBlank()) {
      return new ArrayList<>();
    }
    return Arrays.stream(pipeSeparated.split("\\|")).map(String::trim).collect(Collectors.toList());
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
