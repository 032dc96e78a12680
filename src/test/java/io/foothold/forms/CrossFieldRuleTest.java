package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** properties.rule: a FEEL condition across fields, checked on the server with the field's own message. */
class CrossFieldRuleTest {

  private final FormSchema schema = Fixtures.schema("cross-field.form");
  private final FormSubmissionValidator validator = new FormSubmissionValidator(FormOptionsSources.none());

  @ParameterizedTest(name = "{0} minutes grown to {1}: accepted = {2}")
  @CsvSource({
      "10, 12, true",
      "10, 15, true",
      "10, 11, false",
      "10, 16, false",
      "5, 6, true",
      "5, 8, false"})
  void theGrownValueMustStayWithinTheBound(int now, int grown, boolean accepted) {
    List<FormViolation> violations = validator.validate(schema, values(now, grown), "someone");

    if (accepted) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).singleElement().satisfies(violation -> {
        assertThat(violation.fieldKey()).isEqualTo("grownMinutes");
        assertThat(violation.rule()).isEqualTo("rule");
        assertThat(violation.message()).as("the label the person sees, then the designer's sentence, no key")
            .startsWith("\"Minutes after growing\": ").contains("20–50% more").doesNotContain("grownMinutes");
      });
    }
  }

  @Test
  void aFieldThatFailsItsOwnRulesIsNotAlsoReportedForTheCrossFieldRule() {
    Map<String, Object> values = values(10, 12);
    values.put("grownMinutes", "lots");

    assertThat(validator.validate(schema, values, "someone")).extracting(FormViolation::rule).containsExactly("type");
  }

  @Test
  void dateFieldsAreNamedByTheirDateLabel() {
    Map<String, Object> values = values(10, 12);
    values.remove("startedOn");

    assertThat(validator.validate(schema, values, "someone")).singleElement()
        .extracting(FormViolation::message).asString().contains("\"Started on\"").contains("required");
  }

  private static Map<String, Object> values(int now, int grown) {
    Map<String, Object> values = new HashMap<>();
    values.put("actionMinutes", now);
    values.put("grownMinutes", grown);
    values.put("startedOn", "2026-11-24");
    // "context" is readonly: shown for context, never checked, so its absence is fine.
    return values;
  }
}
