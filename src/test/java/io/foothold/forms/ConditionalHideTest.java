package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

class ConditionalHideTest {

  private final FormSchema schema = Fixtures.schema("conditional.form");
  private final FormSubmissionValidator validator =
      new FormSubmissionValidator(FormOptionsSources.none());

  private static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> values = new HashMap<>();
    values.put("broken", "always visible");
    values.put("referralRoute", "no-referral-needed");
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return values;
  }

  private List<String> violatedKeys(Map<String, Object> values) {
    return validator.validate(schema, values, "u").stream().map(FormViolation::fieldKey).toList();
  }

  @Test
  void hiddenRequiredFieldsAreSkipped() {
    assertThat(violatedKeys(values("seriousSignal", false))).isEmpty();
  }

  @Test
  void fieldsHiddenByAnUnsentCheckboxAreSkippedLikeInTasklist() {
    // form-js starts a checkbox at false, so "not(seriousSignal)" hides the block
    assertThat(violatedKeys(values())).isEmpty();
  }

  @Test
  void visibleRequiredFieldsAreEnforced() {
    assertThat(violatedKeys(values("seriousSignal", true)))
        .containsExactly("seriousSignalKinds", "seriousSignalNote");
  }

  @Test
  void visibleFieldsPassWhenFilled() {
    assertThat(violatedKeys(values("seriousSignal", true,
        "seriousSignalKinds", Spin.JSON("[\"severe-distress\"]"),
        "seriousSignalNote", "Did not join the last three stand-ups"))).isEmpty();
  }

  @Test
  void hiddenFieldsAreSkippedEvenWhenTheirValuesBreakRules() {
    assertThat(violatedKeys(values("seriousSignal", false,
        "seriousSignalKinds", List.of("not-an-option")))).isEmpty();
  }

  @Test
  void aGroupConditionHidesTheFieldsInside() {
    assertThat(violatedKeys(values("referralRoute", "no-referral-needed"))).isEmpty();
    assertThat(violatedKeys(values("referralRoute", "occupational-health")))
        .containsExactly("referralOfferedOn");
  }

  @Test
  void aConditionThatCannotBeEvaluatedLeavesTheFieldVisible() {
    Map<String, Object> values = values();
    values.remove("broken");
    assertThat(violatedKeys(values)).containsExactly("broken");
  }
}
