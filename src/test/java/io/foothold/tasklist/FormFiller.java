package io.foothold.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Fills a Camunda Form in Tasklist from its schema (the deployed form JSON, catalog options included), as a
 * careful person would: every editable field that is shown gets a value that keeps its rules — required,
 * min/max, lengths, pattern, options — and the form's cross-field rules ({@code properties.rule}, FEEL). Fields
 * that conditions hide are left alone, read-only ones too. A value can be chosen for a field through
 * {@code choices} (option values, or the label for options the server fills per person); anything else is
 * derived from the schema:
 * <ul>
 *   <li>text: a calm sentence cut to the allowed length;</li>
 *   <li>number: the default, or the middle of min..max;</li>
 *   <li>date: today;</li>
 *   <li>select and radio: the default, else the first option;</li>
 *   <li>checklist: what is already ticked (a carried-forward value or a recommendation), else the first option;</li>
 *   <li>checkbox: left as it is.</li>
 * </ul>
 * A field with a rule gets the first candidate (its options, or min..max) that satisfies the rule with the
 * case's variables and the values chosen so far.
 */
final class FormFiller {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final String SENTENCE = "Noted during the walk through Tasklist: the step went as agreed and we will look at it again"
      + " together at the next one-to-one. ";

  private final TasklistPage tasklist;

  FormFiller(TasklistPage tasklist) {
    this.tasklist = tasklist;
  }

  /** What the form showed before it was filled, for checks on carried-forward values. */
  record Shown(Map<String, List<String>> tickedBefore, Map<String, Object> filled) {
  }

  static JsonNode schema(InputStream deployedForm) throws IOException {
    try (deployedForm) {
      return JSON.readTree(deployedForm);
    }
  }

  /**
   * Fills every shown, editable field of the rendered form. {@code variables} are the case's variables the
   * form sees (for cross-field rules on read-only fields); {@code choices} pins values for some keys.
   */
  Shown fill(JsonNode schema, Map<String, Object> variables, Map<String, Object> choices) {
    Map<String, Object> chosen = new LinkedHashMap<>();
    Map<String, List<String>> tickedBefore = new LinkedHashMap<>();
    for (JsonNode component : fields(schema)) {
      String key = component.path("key").asText(null);
      if (key == null || readOnly(component) || !tasklist.isShown(key)) {
        continue;
      }
      String type = component.path("type").asText();
      if ("checklist".equals(type)) {
        tickedBefore.put(key, valuesOf(component, tasklist.tickedChecklistLabels(key)));
      }
      Object value = fillField(type, key, component, variables, chosen, choices);
      chosen.put(key, value);
    }
    keepTyped(schema, chosen);
    return new Shown(tickedBefore, chosen);
  }

  /**
   * form-js applies typed text a moment later (debounced) and a re-render in between can drop what was typed into
   * another field: check every typed field once the form is filled and type again what was lost.
   */
  private void keepTyped(JsonNode schema, Map<String, Object> chosen) {
    for (JsonNode component : fields(schema)) {
      String key = component.path("key").asText(null);
      String type = component.path("type").asText();
      if (key != null && chosen.containsKey(key) && List.of("textfield", "textarea", "number").contains(type) && tasklist.isShown(key)) {
        String expected = String.valueOf(chosen.get(key));
        if (!expected.equals(tasklist.fieldValue(key))) {
          tasklist.replaceText(key, expected);
        }
      }
    }
  }

  private Object fillField(String type, String key, JsonNode component, Map<String, Object> variables, Map<String, Object> chosen,
      Map<String, Object> choices) {
    boolean pinned = choices.containsKey(key);
    Object choice = choices.get(key);
    switch (type) {
      case "textfield", "textarea" -> {
        String text = pinned ? String.valueOf(choice) : satisfying(component, variables, chosen, textCandidates(component), key);
        tasklist.replaceText(key, text);
        return text;
      }
      case "number" -> {
        if (!pinned && !component.path("properties").has("rule") && component.has("defaultValue")) {
          return component.get("defaultValue").numberValue();
        }
        Object number = pinned ? choice : satisfying(component, variables, chosen, numberCandidates(component), key);
        tasklist.replaceText(key, String.valueOf(number));
        return number;
      }
      case "datetime" -> {
        LocalDate day = pinned ? (LocalDate) choice : LocalDate.now();
        tasklist.fillDate(key, day);
        return day.toString();
      }
      case "select" -> {
        return fillSelect(key, component, variables, chosen, pinned, choice);
      }
      case "radio" -> {
        List<String> options = optionValues(component);
        String value = pinned ? (String) choice
            : component.has("defaultValue") ? component.get("defaultValue").asText() : satisfying(component, variables, chosen, options, key);
        tasklist.chooseRadio(key, labelOf(component, value));
        return value;
      }
      case "checkbox" -> {
        boolean tick = pinned && Boolean.TRUE.equals(choice);
        if (tick) {
          tasklist.tickCheckbox(key);
        }
        return tick;
      }
      case "checklist" -> {
        return fillChecklist(key, component, pinned, choice);
      }
      default -> throw new AssertionError("The form filler does not know the component type '" + type + "' of field " + key);
    }
  }

  private Object fillSelect(String key, JsonNode component, Map<String, Object> variables, Map<String, Object> chosen, boolean pinned,
      Object choice) {
    List<String> options = optionValues(component);
    if (options.isEmpty()) {
      // options the server fills per person (properties.optionsSource): pinned by label, or the first one offered
      if (pinned) {
        tasklist.selectOption(key, (String) choice);
        return choice;
      }
      return tasklist.selectFirstOption(key);
    }
    if (!pinned && component.has("defaultValue") && !tasklist.selectedLabel(key).isEmpty()) {
      return component.get("defaultValue").asText();
    }
    String value = pinned ? (String) choice : satisfying(component, variables, chosen, options, key);
    tasklist.selectOption(key, labelOf(component, value));
    return value;
  }

  @SuppressWarnings("unchecked")
  private List<String> fillChecklist(String key, JsonNode component, boolean pinned, Object choice) {
    List<String> ticked = valuesOf(component, tasklist.tickedChecklistLabels(key));
    List<String> wanted;
    if (pinned) {
      wanted = (List<String>) choice;
    } else if (!ticked.isEmpty()) {
      wanted = ticked;
    } else {
      wanted = optionValues(component).subList(0, 1);
    }
    for (String value : optionValues(component)) {
      if (wanted.contains(value)) {
        tasklist.tickChecklistOption(key, labelOf(component, value));
      } else if (ticked.contains(value)) {
        tasklist.untickChecklistOption(key, labelOf(component, value));
      }
    }
    return wanted;
  }

  // ---------------------------------------------------------------- candidates and rules

  /** The first candidate that keeps the field's cross-field rule (the first one when there is no rule). */
  private static <T> T satisfying(JsonNode component, Map<String, Object> variables, Map<String, Object> chosen, List<T> candidates,
      String key) {
    String rule = component.path("properties").path("rule").asText(null);
    if (candidates.isEmpty()) {
      throw new AssertionError("No value to choose for field " + key);
    }
    if (rule == null) {
      return candidates.get(0);
    }
    for (T candidate : candidates) {
      Map<String, Object> context = new HashMap<>(variables);
      context.putAll(chosen);
      context.put(key, candidate);
      EvaluationResult result = FEEL.evaluateExpression(rule.trim().replaceFirst("^=", ""), context);
      if (!result.isFailure() && Boolean.TRUE.equals(result.result())) {
        return candidate;
      }
    }
    throw new AssertionError("No candidate for field " + key + " keeps its rule " + rule + " (tried " + candidates + ")");
  }

  private static List<String> textCandidates(JsonNode component) {
    JsonNode validate = component.path("validate");
    int min = validate.path("minLength").asInt(0);
    int max = validate.path("maxLength").asInt(300);
    int length = Math.min(max, Math.max(min, 60));
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(SENTENCE);
    }
    String candidate = text.substring(0, length);
    int lastSpace = candidate.lastIndexOf(' ');
    if (lastSpace >= min && lastSpace > 0) {
      candidate = candidate.substring(0, lastSpace); // whole words read better in the screenshots
    }
    candidate = candidate.trim();
    while (candidate.length() < min) {
      candidate = candidate + ".";
    }
    String pattern = validate.path("pattern").asText(null);
    if (pattern != null && !Pattern.matches(pattern, candidate)) {
      throw new AssertionError("The form filler cannot write text for pattern " + pattern + " of field " + component.path("key").asText());
    }
    List<String> candidates = new ArrayList<>(List.of(candidate));
    if (!validate.path("required").asBoolean(false)) {
      candidates.add("");
    }
    return candidates;
  }

  private static List<Integer> numberCandidates(JsonNode component) {
    JsonNode validate = component.path("validate");
    // A bound computed from other answers ("=actionMinutes * 1.2") is left to the form's rule, which picks among these.
    int min = validate.path("min").isNumber() ? validate.get("min").asInt() : 1;
    int max = validate.path("max").isNumber() ? validate.get("max").asInt() : validate.has("max") ? 100 : Math.max(min, 5);
    List<Integer> candidates = new ArrayList<>();
    int middle = (min + max + 1) / 2;
    candidates.add(middle);
    for (int n = min; n <= max; n++) {
      if (n != middle) {
        candidates.add(n);
      }
    }
    return candidates;
  }

  // ---------------------------------------------------------------- schema reading

  /** Every field of the form in the order a person meets them (groups flattened). */
  static List<JsonNode> fields(JsonNode schema) {
    List<JsonNode> fields = new ArrayList<>();
    collect(schema.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), into);
      } else {
        into.add(component);
      }
    }
  }

  static Optional<JsonNode> field(JsonNode schema, String key) {
    return fields(schema).stream().filter(f -> key.equals(f.path("key").asText(null))).findFirst();
  }

  private static boolean readOnly(JsonNode component) {
    return component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
  }

  static List<String> optionValues(JsonNode component) {
    List<String> values = new ArrayList<>();
    component.path("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  static String labelOf(JsonNode component, String value) {
    for (JsonNode option : component.path("values")) {
      if (value.equals(option.path("value").asText())) {
        return option.path("label").asText();
      }
    }
    throw new AssertionError("Field " + component.path("key").asText() + " has no option '" + value + "'");
  }

  /** Option values for labels a person reads (labels the schema does not know are kept as they are). */
  static List<String> valuesOf(JsonNode component, List<String> labels) {
    Set<String> values = new LinkedHashSet<>();
    for (String label : labels) {
      String value = label;
      for (JsonNode option : component.path("values")) {
        if (label.equals(option.path("label").asText())) {
          value = option.path("value").asText();
        }
      }
      values.add(value);
    }
    return new ArrayList<>(values);
  }
}
