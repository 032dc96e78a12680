package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FormVariableNamesTest {

  @Test
  void aConditionNamesTheVariablesItReads() {
    assertThat(FormVariableNames.referencedBy("=not(seriousSignal)")).contains(Set.of("seriousSignal"));
    assertThat(FormVariableNames.referencedBy("=referralRoute = \"no-referral-needed\" and days > limit"))
        .contains(Set.of("referralRoute", "days", "limit"));
  }

  @Test
  void textInsideStringsIsNoReference() {
    assertThat(FormVariableNames.referencedBy("=route = \"other variable\"")).contains(Set.of("route"));
  }

  @Test
  void pathsFiltersAndFunctionCallsYieldTheirRootVariables() {
    assertThat(FormVariableNames.referencedBy("=count(plan.steps[done = false]) > 0 and string length(note) < max"))
        .hasValueSatisfying(names -> assertThat(names).contains("plan", "note", "max")
            .doesNotContain("count", "string length"));
    assertThat(FormVariableNames.referencedBy("=some x in items satisfies x > threshold"))
        .hasValueSatisfying(names -> assertThat(names).contains("items", "threshold"));
  }

  @Test
  void backtickNamesAreReadWhole() {
    assertThat(FormVariableNames.referencedBy("=`my flag` = true"))
        .hasValueSatisfying(names -> assertThat(names).contains("my flag"));
  }

  @Test
  void anExpressionThatDoesNotParseReadsNothing() {
    // It never evaluates (the field stays visible), so no variable can change its outcome.
    assertThat(FormVariableNames.referencedBy("=this is ) not FEEL")).contains(Set.of());
  }

  @Test
  void aFormReadsItsFieldsAndWhatItsConditionsName() {
    assertThat(FormVariableNames.of(Fixtures.schema("conditional.form"))).hasValueSatisfying(names ->
        assertThat(names).containsExactlyInAnyOrder("seriousSignal", "seriousSignalKinds", "seriousSignalNote",
            "broken", "referralOfferedOn", "referralRoute"));
    assertThat(FormVariableNames.of(Fixtures.schema("outside-condition.form")))
        .hasValueSatisfying(names -> assertThat(names).containsExactlyInAnyOrder("reason", "skipReason"));
  }

  @Test
  void aFormWithCrossFieldRulesReadsWhatTheRulesName() {
    FormSchema schema = Fixtures.schema("cross-field.form");
    assertThat(FormVariableNames.of(schema)).hasValueSatisfying(names -> {
      for (FormField field : schema.fields()) {
        if (field.rule() != null) {
          assertThat(names).containsAll(FormVariableNames.referencedBy(field.rule()).orElseThrow());
        }
      }
    });
  }
}
