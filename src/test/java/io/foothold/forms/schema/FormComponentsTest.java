package io.foothold.forms.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one walker every reader of Camunda Forms goes through: what nesting means is decided here. */
class FormComponentsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A group (hidden when nothing was agreed) holding a dynamic list of steps (each hideable), plus layout. */
  private static final String FORM = """
      {"id": "plan", "type": "default", "components": [
        {"type": "text", "id": "Text_intro", "text": "# The plan"},
        {"type": "textfield", "id": "Field_goal", "key": "goal", "label": "Goal"},
        {"type": "group", "id": "Group_agreed", "label": "Agreed",
         "conditional": {"hide": "= not(agreed)"},
         "components": [
           {"type": "datetime", "id": "Field_agreedOn", "key": "agreedOn", "dateLabel": "Agreed on"},
           {"type": "dynamiclist", "id": "List_steps", "path": "steps", "components": [
             {"type": "textfield", "id": "Field_step", "key": "step", "label": "Step"},
             {"type": "number", "id": "Field_minutes", "key": "minutes", "label": "Minutes",
              "conditional": {"hide": "=step = null"}},
             {"type": "separator", "id": "Separator_step"}
           ]}
         ]},
        {"type": "button", "id": "Button_submit", "key": "submit"},
        {"type": "checkbox", "id": "Field_agreed", "key": "agreed", "label": "Agreed"}
      ]}""";

  private static List<FormComponent> walk(String form) throws Exception {
    return FormComponents.of(JSON.readTree(form));
  }

  private static FormComponent byId(List<FormComponent> components, String id) {
    return components.stream().filter(c -> id.equals(c.id())).findFirst().orElseThrow();
  }

  @Test
  void walksNestedGroupsAndDynamicListsDepthFirstInTheOrderTheFormListsThem() throws Exception {
    List<FormComponent> components = walk(FORM);

    assertThat(components).extracting(FormComponent::id).containsExactly("Text_intro", "Field_goal", "Group_agreed",
        "Field_agreedOn", "List_steps", "Field_step", "Field_minutes", "Separator_step", "Button_submit", "Field_agreed");
    assertThat(components).filteredOn(FormComponent::isTopLevel).extracting(FormComponent::id)
        .containsExactly("Text_intro", "Field_goal", "Group_agreed", "Button_submit", "Field_agreed");
  }

  @Test
  void onlyInputsWithAKeyCarryAValue() throws Exception {
    List<FormComponent> components = walk(FORM);

    assertThat(components).filteredOn(FormComponent::carriesValue).extracting(FormComponent::key)
        .containsExactly("goal", "agreedOn", "step", "minutes", "agreed");
    assertThat(byId(components, "Button_submit").key()).as("a button's key is no answer").isEqualTo("submit");
    assertThat(byId(components, "Button_submit").carriesValue()).isFalse();
    assertThat(byId(components, "Text_intro").key()).isNull();
    assertThat(byId(components, "List_steps").boundName()).as("a list is bound by its path").isEqualTo("steps");
    assertThat(byId(components, "Field_step").boundName()).isEqualTo("step");
  }

  @Test
  void fieldsInADynamicListRepeatInEveryItemOfItsPath() throws Exception {
    List<FormComponent> components = walk(FORM);

    assertThat(byId(components, "Field_step").repeatedIn()).isEqualTo("steps");
    assertThat(byId(components, "Separator_step").repeatedIn()).isEqualTo("steps");
    assertThat(byId(components, "Field_agreedOn").repeatedIn()).as("in the group, outside the list").isNull();
    assertThat(byId(components, "List_steps").repeatedIn()).as("the list itself is one value").isNull();
  }

  @Test
  void aHiddenContainerHidesEverythingInsideItOutermostConditionFirst() throws Exception {
    List<FormComponent> components = walk(FORM);

    assertThat(byId(components, "Field_goal").hideConditions()).isEmpty();
    assertThat(byId(components, "Group_agreed").hideConditions()).containsExactly("not(agreed)");
    assertThat(byId(components, "Field_agreedOn").hideConditions()).containsExactly("not(agreed)");
    assertThat(byId(components, "Field_minutes").hideConditions()).containsExactly("not(agreed)", "step = null");
  }

  @Test
  void readsAttributesAndFootholdPropertiesAsTextOrNull() throws Exception {
    FormComponent select = walk("""
        {"components": [{"type": "select", "key": "who", "label": null,
          "properties": {"optionsSource": "my-reports", "catalog": null}}]}""").get(0);

    assertThat(select.property("optionsSource")).isEqualTo("my-reports");
    assertThat(select.property("catalog")).isNull();
    assertThat(select.property("rule")).isNull();
    assertThat(select.text("label")).isNull();
    assertThat(select.type()).isEqualTo("select");
  }

  /**
   * Where the old walkers disagreed: the deployment's catalog filling, Tasklist's option filling and the linter walked
   * the {@code components} of any component, the enforcement parser only those of groups and dynamic lists. Kept:
   * any component, because form-js's importer imports the {@code components} of every field; a field the linter
   * checks and the catalog fills is then also one the server enforces.
   */
  @Test
  void childrenOfAnyComponentAreWalkedAsFormJsImportsThem() throws Exception {
    List<FormComponent> components = walk("""
        {"components": [{"type": "html", "id": "Html_wrapper", "conditional": {"hide": "=true"}, "components": [
          {"type": "textfield", "id": "Field_inner", "key": "inner"}]}]}""");

    assertThat(components).extracting(FormComponent::id).containsExactly("Html_wrapper", "Field_inner");
    assertThat(byId(components, "Field_inner").hideConditions()).containsExactly("true");
  }

  @Test
  void malformedEntriesAreStillListedSoTheLinterCanNameThem() throws Exception {
    List<FormComponent> components = walk("""
        {"components": ["not a component", {"type": "textfield"}]}""");

    assertThat(components).hasSize(2);
    assertThat(components.get(0).type()).isNull();
    assertThat(components.get(1).carriesValue()).as("no key, no value").isFalse();
  }

  @Test
  void aFormWithoutComponentsHasNone() throws Exception {
    JsonNode empty = JSON.readTree("{\"id\": \"empty\"}");

    assertThat(FormComponents.of(empty)).isEmpty();
  }

  @Test
  void theFormJsEqualsSignIsRemovedFromExpressions() {
    assertThat(FormComponents.withoutEqualsSign(" = a > 1 ")).isEqualTo("a > 1");
    assertThat(FormComponents.withoutEqualsSign("a > 1")).isEqualTo("a > 1");
  }
}
