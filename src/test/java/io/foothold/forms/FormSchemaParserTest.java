package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormSchemaParserTest {

  private final FormSchema schema = Fixtures.schema("rules.form");

  private FormField field(String key) {
    return schema.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void readsTheFormIdAndOnlyInputFieldsIncludingThoseInsideGroups() {
    assertThat(schema.id()).isEqualTo("fixture-rules");
    assertThat(schema.fields()).extracting(FormField::key).containsExactly(
        "incidentSummary", "smallWinDays", "ticket", "email", "agreed", "visibility", "signals",
        "employeeId");
  }

  @Test
  void readsValidationRules() {
    assertThat(field("incidentSummary").rules())
        .isEqualTo(new FieldRules(true, 20, 40, null, null, null, null));
    assertThat(field("smallWinDays").rules().min()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(field("smallWinDays").rules().max()).isEqualByComparingTo("5");
    assertThat(field("ticket").rules().pattern()).isEqualTo("[A-Z]{2}-[0-9]+");
    assertThat(field("email").rules().validationType()).isEqualTo("email");
    assertThat(field("visibility").rules()).isEqualTo(FieldRules.NONE);
  }

  @Test
  void readsLabelsTypesOptionsAndOptionSources() {
    assertThat(field("visibility").label()).isEqualTo("How visible");
    assertThat(field("visibility").type()).isEqualTo("radio");
    assertThat(field("visibility").optionValues()).containsExactly("private", "team", "senior");
    assertThat(field("signals").optionValues())
        .containsExactly("quieter-in-meetings", "repeated-rework");
    assertThat(field("employeeId").optionsSource()).isEqualTo("my-reports");
    assertThat(field("incidentSummary").optionValues()).isNull();
  }

  @Test
  void readsHideConditionsWithoutTheLeadingEqualsAndInheritsThemFromGroups() {
    FormSchema conditional = Fixtures.schema("conditional.form");
    FormField kinds = conditional.fields().stream()
        .filter(f -> f.key().equals("seriousSignalKinds")).findFirst().orElseThrow();
    FormField offeredOn = conditional.fields().stream()
        .filter(f -> f.key().equals("referralOfferedOn")).findFirst().orElseThrow();
    assertThat(kinds.hideConditions()).containsExactly("not(seriousSignal)");
    assertThat(offeredOn.hideConditions()).containsExactly("referralRoute = \"no-referral-needed\"");
  }

  @Test
  void flattensDynamicListChildrenAndRemembersTheirList() {
    FormSchema schema = new FormSchemaParser().parse("""
        {"id": "dl", "components": [
          {"type": "dynamiclist", "path": "tasks", "components": [
            {"type": "textfield", "key": "title", "label": "Title", "validate": {"required": true}}
          ]}
        ]}""");
    assertThat(schema.fields()).singleElement().satisfies(f -> {
      assertThat(f.key()).isEqualTo("title");
      assertThat(f.repeatedIn()).isEqualTo("tasks");
    });
  }

  /**
   * Before the one walker, this parser looked inside groups and dynamic lists only, while the linter and the option
   * fillers looked inside any component. Now every reader looks where form-js's importer does (any component's
   * {@code components}), so a field the linter checks and the deployment fills is also enforced here.
   */
  @Test
  void fieldsNestedInAnyComponentAreEnforcedWithTheirContainersConditions() {
    FormSchema schema = new FormSchemaParser().parse("""
        {"id": "n", "components": [
          {"type": "html", "conditional": {"hide": "=quiet"}, "components": [
            {"type": "textfield", "key": "inner", "label": "Inner", "validate": {"required": true}}
          ]}
        ]}""");
    assertThat(schema.fields()).singleElement().satisfies(f -> {
      assertThat(f.key()).isEqualTo("inner");
      assertThat(f.hideConditions()).containsExactly("quiet");
    });
  }

  @Test
  void theTitleIsTheFirstHeadingOfTheFirstTopLevelText() {
    FormSchema schema = new FormSchemaParser().parse("""
        {"id": "t", "components": [
          {"type": "group", "components": [{"type": "text", "text": "# Nested heading"}]},
          {"type": "text", "text": "Intro\\n## Calm debrief"},
          {"type": "text", "text": "# Later heading"}
        ]}""");
    assertThat(schema.title()).isEqualTo("Calm debrief");
  }
}
