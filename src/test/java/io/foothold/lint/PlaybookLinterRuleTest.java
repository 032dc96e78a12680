package io.foothold.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule against its fixtures in src/test/resources/lint-fixtures/&lt;rule&gt;/: the bad fixture yields exactly
 * the expected findings, all of that rule (severity, file, element), and the good fixture yields no finding at all.
 */
class PlaybookLinterRuleTest {

  private static final Path FIXTURES = Path.of("src/test/resources/lint-fixtures");
  private static final String BPMN = "processes/fixture/fixture.bpmn";
  private static final String DMN = "processes/fixture/decision.dmn";
  private static final String FORM = "forms/fixture/start.form";

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("form-exists", List.of("ERROR " + BPMN + " [StartEvent_Opened]")),
        Arguments.of("variable-provided", List.of("WARNING " + BPMN + " [Flow_ToA]")),
        Arguments.of("called-element-exists", List.of("ERROR " + BPMN + " [Task_CallHelper]", "ERROR " + BPMN + " [Task_Decide]")),
        Arguments.of("diagram-interchange", List.of("WARNING " + DMN + " [FixtureDecision]",
            "ERROR " + BPMN + " [EndEvent_B]", "ERROR " + BPMN + " [Flow_ToB]")),
        Arguments.of("readable-ids", List.of("ERROR " + FORM + " [Field_1x2y3z4]", "ERROR " + BPMN + " [Event_0abc123]")),
        Arguments.of("history-time-to-live", List.of("ERROR " + DMN + " [FixtureDecision]", "ERROR " + BPMN + " [Fixture]")),
        Arguments.of("dmn-gaps", List.of("WARNING " + DMN + " [Input_Choice]", "WARNING " + DMN + " [Input_Colour]")),
        Arguments.of("dmn-overlap", List.of("ERROR " + DMN + " [Rule_AHigh]", "WARNING " + DMN + " [Rule_BHigh]")),
        Arguments.of("form-component-supported", List.of("ERROR " + FORM + " [Field_attachment]", "WARNING " + FORM + " [Button_Submit]")),
        Arguments.of("form-parse", List.of("ERROR forms/fixture/broken.form [-]", "ERROR forms/fixture/no-id.form [-]")),
        Arguments.of("model-parse", List.of("ERROR processes/fixture/broken.bpmn [-]")),
        Arguments.of("labelling-words", List.of("ERROR " + FORM + " [Text_Intro]", "ERROR " + FORM + " [Field_note]", "ERROR " + BPMN + " [EndEvent_B]")),
        Arguments.of("expressions-call-contributed-beans", List.of("ERROR " + BPMN + " [EndEvent_A]", "ERROR " + BPMN + " [EndEvent_B]")),
        Arguments.of("file-outside-playbook", List.of("WARNING processes/stray.bpmn [-]", "WARNING forms/stray.form [-]")),
        Arguments.of("no-scripts", List.of("ERROR " + BPMN + " [EndEvent_A]", "ERROR " + BPMN + " [EndEvent_B]")));
  }

  @ParameterizedTest(name = "{0}: the bad fixture yields exactly its findings")
  @MethodSource("rules")
  void badFixtureYieldsExactlyThatRulesFindings(String rule, List<String> expected) {
    List<Finding> findings = lint(rule, "bad");

    assertThat(findings).extracting(Finding::rule).containsOnly(rule);
    assertThat(findings).extracting(PlaybookLinterRuleTest::where).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).isNotBlank());
  }

  @ParameterizedTest(name = "{0}: the good fixture yields no finding")
  @MethodSource("rules")
  void goodFixtureYieldsNoFinding(String rule, List<String> ignored) {
    assertThat(lint(rule, "good")).extracting(Finding::toString).isEmpty();
  }

  @Test
  void everyRuleHasFixtures() {
    assertThat(rules().map(a -> (String) a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(PlaybookLinter.RULES.stream().map(LintRule::id).toList());
  }

  @Test
  void findingsPointAtTheLineOfTheElementOrOfTheParseError() {
    Finding missingForm = lint("form-exists", "bad").get(0);
    assertThat(missingForm.line()).isEqualTo(4);
    assertThat(missingForm.toString()).startsWith(BPMN + ":4 [StartEvent_Opened] form-exists: ");

    Finding brokenBpmn = lint("model-parse", "bad").get(0);
    assertThat(brokenBpmn.line()).as("SAX line of the mismatched end tag").isEqualTo(25);
    assertThat(brokenBpmn.toString()).startsWith("processes/fixture/broken.bpmn:" + brokenBpmn.line() + " model-parse: ");

    Finding brokenForm = lint("form-parse", "bad").stream().filter(f -> f.file().endsWith("broken.form")).findFirst().orElseThrow();
    assertThat(brokenForm.line()).isEqualTo(4);
  }

  @Test
  void knownElsewhereSatisfiesReferences() {
    LintInput input = LintInput.fromDirectory(FIXTURES.resolve("called-element-exists/bad"))
        .withKnown(Set.of("NoSuchProcess"), Set.of("NoSuchDecision"), Set.of());
    assertThat(PlaybookLinter.lint(input)).isEmpty();
  }

  private static List<Finding> lint(String rule, String kind) {
    LintInput input = LintInput.fromDirectory(FIXTURES.resolve(rule).resolve(kind));
    assertThat(input.files()).as(rule + "/" + kind + " fixture files").isNotEmpty();
    return PlaybookLinter.lint(input);
  }

  private static String where(Finding f) {
    return f.severity() + " " + f.file() + " [" + (f.elementId() == null ? "-" : f.elementId()) + "]";
  }
}
