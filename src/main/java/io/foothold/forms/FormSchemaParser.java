package io.foothold.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.foothold.forms.schema.FieldType;
import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;

/** Reads form-js JSON into a {@link FormSchema}: the inputs {@link FormComponents} finds, with their rules. */
final class FormSchemaParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  FormSchema parse(String formJson) {
    try {
      return parse(JSON.readTree(formJson));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable Camunda Form: " + e.getMessage(), e);
    }
  }

  FormSchema parse(InputStream formJson) {
    try (formJson) {
      return parse(JSON.readTree(formJson));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable Camunda Form: " + e.getMessage(), e);
    }
  }

  private FormSchema parse(JsonNode form) {
    List<FormComponent> components = FormComponents.of(form);
    List<FormField> fields = components.stream().filter(FormComponent::carriesValue).map(this::field).toList();
    return new FormSchema(text(form, "id"), title(components), fields);
  }

  /** The first markdown heading of the form's first top-level text component: what Tasklist shows as its title. */
  private static String title(List<FormComponent> components) {
    for (FormComponent component : components) {
      if (component.isTopLevel() && "text".equals(component.type()) && component.text("text") != null) {
        for (String line : component.text("text").split("\\R")) {
          if (line.startsWith("#")) {
            return blankToNull(line.replaceFirst("^#+", "").trim());
          }
        }
        return null;
      }
    }
    return null;
  }

  private FormField field(FormComponent component) {
    JsonNode c = component.json();
    String type = component.type();
    JsonNode defaultValue = c.get("defaultValue");
    return new FormField(
        component.key(),
        component.text("label") != null ? component.text("label") : component.text("dateLabel"),
        type,
        rules(c.path("validate")),
        staticOptions(c),
        component.hideConditions(),
        component.property("optionsSource"),
        defaultValue == null ? null : JSON.convertValue(defaultValue, Object.class),
        component.repeatedIn(),
        blankToNull(component.property("rule")),
        blankToNull(component.property("ruleMessage")),
        c.path("readonly").asBoolean(false),
        FieldType.DATETIME.equals(type) ? (component.text("subtype") != null ? component.text("subtype") : "date") : null);
  }

  private static FieldRules rules(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return FieldRules.NONE;
    }
    return new FieldRules(
        v.path("required").asBoolean(false),
        v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
        v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
        decimal(v.get("min")),
        decimal(v.get("max")),
        blankToNull(text(v, "pattern")),
        blankToNull(text(v, "validationType")),
        expression(v.get("min")),
        expression(v.get("max")));
  }

  /** Options listed in the form itself; {@code null} when they come from a variable or a source. */
  private static List<String> staticOptions(JsonNode c) {
    if (!FieldType.hasOptions(text(c, "type")) || !c.path("values").isArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    c.get("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull() || n.asText().isBlank() || expression(n) != null) {
      return null;
    }
    return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
  }

  /** A bound form-js computes from other answers ("=actionMinutes * 1.2"); {@code null} for a plain number. */
  private static String expression(JsonNode n) {
    return n != null && n.isTextual() && n.asText().trim().startsWith("=") ? n.asText().trim() : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
