package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormSubmissionValidatorTest {

  private static final FormOptionsSource MY_REPORTS = new FormOptionsSource() {
    @Override
    public String name() {
      return "my-reports";
    }

    @Override
    public List<FormOption> optionsFor(String userId) {
      return "manager-1".equals(userId)
          ? List.of(new FormOption("emp-1", "Ada"), new FormOption("emp-2", "Bo"))
          : List.of(new FormOption("emp-9", "Cy"));
    }
  };

  private final FormSchema schema = Fixtures.schema("rules.form");
  private final FormSubmissionValidator validator =
      new FormSubmissionValidator(FormOptionsSources.of(MY_REPORTS));

  /** A submission that satisfies every rule of rules.form. */
  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    values.put("incidentSummary", "The release broke login for 20 min");
    values.put("smallWinDays", 3);
    values.put("ticket", "AB-123");
    values.put("email", "ada@example.org");
    values.put("agreed", true);
    values.put("visibility", "team");
    values.put("signals", List.of("quieter-in-meetings"));
    values.put("employeeId", "emp-1");
    return values;
  }

  private List<FormViolation> validateWith(String key, Object value) {
    Map<String, Object> values = valid();
    values.put(key, value);
    return validator.validate(schema, values, "manager-1");
  }

  @Test
  void aFullyValidSubmissionHasNoViolations() {
    assertThat(validator.validate(schema, valid(), "manager-1")).isEmpty();
  }

  static Stream<Arguments> breakingValues() {
    return Stream.of(
        Arguments.of("incidentSummary", null, "required"),
        Arguments.of("incidentSummary", "   ", "required"),
        Arguments.of("incidentSummary", "too short", "minLength"),
        Arguments.of("incidentSummary", "x".repeat(41), "maxLength"),
        Arguments.of("smallWinDays", 0, "min"),
        Arguments.of("smallWinDays", 6L, "max"),
        Arguments.of("smallWinDays", 5.5d, "max"),
        Arguments.of("smallWinDays", new BigDecimal("0.9"), "min"),
        Arguments.of("smallWinDays", "7", "max"),
        Arguments.of("smallWinDays", "three", "type"),
        Arguments.of("smallWinDays", true, "type"),
        Arguments.of("ticket", "xAB-123", "pattern"),
        Arguments.of("ticket", "AB-123x", "pattern"),
        Arguments.of("email", "not-an-address", "email"),
        Arguments.of("agreed", false, "required"),
        Arguments.of("agreed", null, "required"),
        Arguments.of("agreed", "yes", "type"),
        Arguments.of("visibility", "public", "options"),
        Arguments.of("visibility", List.of("team"), "type"),
        Arguments.of("signals", "quieter-in-meetings", "type"),
        Arguments.of("signals", List.of("quieter-in-meetings", "made-up"), "options"),
        Arguments.of("signals", Spin.JSON("[\"made-up\"]"), "options"),
        Arguments.of("signals", "[\"made-up\"]", "options"),
        Arguments.of("employeeId", "emp-9", "options"));
  }

  @ParameterizedTest(name = "{0} = {1} breaks {2}")
  @MethodSource("breakingValues")
  void aValueThatBreaksARuleIsReportedForThatRuleOnly(String key, Object value, String rule) {
    assertThat(validateWith(key, value))
        .singleElement()
        .satisfies(v -> {
          assertThat(v.fieldKey()).isEqualTo(key);
          assertThat(v.rule()).isEqualTo(rule);
          assertThat(v.message()).as("names the field by its label, never by its key").startsWith("\"").doesNotContain("'" + key + "'");
        });
  }

  static Stream<Arguments> acceptedValues() {
    return Stream.of(
        Arguments.of("incidentSummary", "x".repeat(20)),
        Arguments.of("incidentSummary", "x".repeat(40)),
        Arguments.of("smallWinDays", 1),
        Arguments.of("smallWinDays", 5L),
        Arguments.of("smallWinDays", 2.5d),
        Arguments.of("smallWinDays", new BigDecimal("5.0")),
        Arguments.of("smallWinDays", "4"),
        Arguments.of("smallWinDays", null),
        Arguments.of("ticket", "ZZ-1"),
        Arguments.of("ticket", ""),
        Arguments.of("email", "bo@example.com"),
        Arguments.of("agreed", "true"),
        Arguments.of("visibility", "senior"),
        Arguments.of("visibility", null),
        Arguments.of("signals", List.of()),
        Arguments.of("signals", List.of("quieter-in-meetings", "repeated-rework")),
        Arguments.of("signals", Spin.JSON("[\"repeated-rework\"]")),
        Arguments.of("signals", "[\"repeated-rework\"]"),
        Arguments.of("employeeId", "emp-2"),
        Arguments.of("unrelatedVariable", new Date()));
  }

  @ParameterizedTest(name = "{0} = {1} is accepted")
  @MethodSource("acceptedValues")
  void aValueWithinTheRulesIsAccepted(String key, Object value) {
    assertThat(validateWith(key, value)).isEmpty();
  }

  @Test
  void messagesNameTheLabelAndWhatToChangeAndNoInternalIds() {
    assertThat(validateWith("incidentSummary", null)).extracting(FormViolation::message)
        .containsExactly("\"What happened\" is required.");
    assertThat(validateWith("smallWinDays", 9)).extracting(FormViolation::message)
        .containsExactly("\"Days\" must be at most 5.");
    // the stored option values (private, team, senior) are internal: the person knows the options by their labels
    assertThat(validateWith("visibility", "public")).extracting(FormViolation::message)
        .containsExactly("\"How visible\" must be one of the options the form offers.");
    assertThat(validateWith("incidentSummary", null)).singleElement()
        .satisfies(v -> {
          assertThat(v.fieldLabel()).isEqualTo("What happened");
          assertThat(v.fieldKey()).as("API callers still get the key").isEqualTo("incidentSummary");
        });
  }

  @Test
  void everyViolationIsReportedNotOnlyTheFirst() {
    Map<String, Object> values = valid();
    values.put("incidentSummary", "");
    values.put("smallWinDays", 0);
    values.put("agreed", false);
    assertThat(validator.validate(schema, values, "manager-1"))
        .extracting(FormViolation::fieldKey)
        .containsExactly("incidentSummary", "smallWinDays", "agreed");
  }

  @Test
  void dynamicOptionsDependOnTheUser() {
    Map<String, Object> values = valid();
    assertThat(validator.validate(schema, values, "manager-1")).isEmpty();
    assertThat(validator.validate(schema, values, "manager-2"))
        .singleElement().extracting(FormViolation::rule).isEqualTo("options");
  }

  @Test
  void withoutAUserOrAKnownSourceNoDynamicOptionIsAllowed() {
    assertThat(validator.validate(schema, valid(), null))
        .singleElement().satisfies(v -> {
          assertThat(v.fieldKey()).isEqualTo("employeeId");
          assertThat(v.message()).contains("no options to choose from");
        });
    FormSubmissionValidator noSources = new FormSubmissionValidator(FormOptionsSources.none());
    assertThat(noSources.validate(schema, valid(), "manager-1"))
        .singleElement().extracting(FormViolation::fieldKey).isEqualTo("employeeId");
  }

  @Test
  void spinJsonAndJsonTextListsAreReadAsLists() {
    assertThat(FormValues.normalise(Spin.JSON("[\"a\", \"b\"]"))).isEqualTo(List.of("a", "b"));
    assertThat(FormValues.asListIfJsonArray("[\"a\"]")).isEqualTo(List.of("a"));
    assertThat(FormValues.asListIfJsonArray("[not json")).isEqualTo("[not json");
  }

  @Test
  void requiredChecklistNeedsAtLeastOneEntry() {
    FormSchema schema = new FormSchemaParser().parse("""
        {"id": "c", "components": [{"type": "checklist", "key": "kinds", "label": "Kinds",
          "validate": {"required": true}, "values": [{"label": "A", "value": "a"}]}]}""");
    assertThat(validator.validate(schema, Map.of("kinds", Spin.JSON("[]")), "u"))
        .singleElement().extracting(FormViolation::rule).isEqualTo("required");
    assertThat(validator.validate(schema, Map.of("kinds", Spin.JSON("[\"a\"]")), "u")).isEmpty();
  }

  @Test
  void dynamicListFieldsAreCheckedInEveryItem() {
    FormSchema schema = new FormSchemaParser().parse("""
        {"id": "dl", "components": [
          {"type": "dynamiclist", "path": "tasks", "components": [
            {"type": "textfield", "key": "title", "label": "Title", "validate": {"required": true}}
          ]}
        ]}""");
    Map<String, Object> values = Map.of("tasks", List.of(Map.of("title", "ok"), Map.of()));
    assertThat(validator.validate(schema, values, "u"))
        .singleElement().extracting(FormViolation::rule).isEqualTo("required");
  }
}
