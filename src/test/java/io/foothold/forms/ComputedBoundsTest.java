package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules that live in the form: a range computed from another answer ("min": "=actionMinutes * 1.2") is what form-js
 * checks in Tasklist, and the server checks the same bound; a rule on an optional field holds when the field is empty.
 */
class ComputedBoundsTest {

  private final FormSchema schema = Fixtures.schema("computed-bounds.form");
  private final FormSubmissionValidator validator = new FormSubmissionValidator(FormOptionsSources.none());

  @ParameterizedTest(name = "{0} minutes grown to {1}: {2}")
  @CsvSource({
      "10, 12, ok",
      "10, 15, ok",
      "10, 11, must be at least 12",
      "10, 16, must be at most 15",
      "5, 6, ok",
      "5, 8, must be at most 7.5"})
  void theBoundIsComputedFromTheOtherAnswer(int now, int grown, String expected) {
    var violations = validator.validate(schema, values(now, grown), "someone");

    if (expected.equals("ok")) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).singleElement().satisfies(violation -> {
        assertThat(violation.fieldKey()).isEqualTo("grownMinutes");
        assertThat(violation.message()).startsWith("\"Minutes after growing\"").contains(expected);
      });
    }
  }

  @Test
  void aBoundThatCannotBeComputedIsNotInventedByTheServer() {
    Map<String, Object> values = values(10, 99);
    values.remove("actionMinutes");

    assertThat(validator.validate(schema, values, "someone")).isEmpty();
  }

  @Test
  void aRuleOnAnEmptyOptionalFieldIsStillChecked() {
    Map<String, Object> values = values(10, 12);
    values.put("secondGoal", "Answer one question in the team channel");

    assertThat(validator.validate(schema, values, "someone")).singleElement().satisfies(violation -> {
      assertThat(violation.fieldKey()).isEqualTo("secondGoalMeasure");
      assertThat(violation.rule()).isEqualTo("rule");
      assertThat(violation.message()).contains("or leave it empty");
    });

    values.put("secondGoalMeasure", "A reply in the channel");
    assertThat(validator.validate(schema, values, "someone")).isEmpty();
    values.remove("secondGoal");
    values.remove("secondGoalMeasure");
    assertThat(validator.validate(schema, values, "someone")).isEmpty();
  }

  private static Map<String, Object> values(int now, int grown) {
    Map<String, Object> values = new HashMap<>();
    values.put("actionMinutes", now);
    values.put("grownMinutes", grown);
    return values;
  }
}
