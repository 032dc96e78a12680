package io.foothold.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads form-js JSON into a {@link FormSchema}; layout-only components are dropped. */
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
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), List.of(), null, fields);
    return new FormSchema(text(form, "id"), title(form.path("components")), fields);
  }

  /** The first markdown heading of the form's first text component: what Tasklist shows as its title. */
  private static String title(JsonNode components) {
    for (JsonNode component : components) {
      if ("text".equals(text(component, "type")) && text(component, "text") != null) {
        for (String line : text(component, "text").split("\\R")) {
          if (line.startsWith("#")) {
            return blankToNull(line.replaceFirst("^#+", "").trim());
          }
        }
        return null;
      }
    }
    return null;
  }

  private void collect(JsonNode components, List<String> outerHides, String repeatedIn,
      List<FormField> into) {
    for (JsonNode component : components) {
      String type = text(component, "type");
      List<String> hides = withHide(outerHides, component);
      if (FieldType.isContainer(type)) {
        String listPath = FieldType.DYNAMIC_LIST.equals(type) ? text(component, "path") : repeatedIn;
        collect(component.path("components"), hides, listPath, into);
      } else if (FieldType.isInput(type) && component.hasNonNull("key")) {
        into.add(field(component, type, hides, repeatedIn));
      }
    }
  }

  private FormField field(JsonNode c, String type, List<String> hides, String repeatedIn) {
    JsonNode defaultValue = c.get("defaultValue");
    return new FormField(
        text(c, "key"),
        text(c, "label") != null ? text(c, "label") : text(c, "dateLabel"),
        type,
        rules(c.path("validate")),
        staticOptions(c),
        hides,
        text(c.path("properties"), "optionsSource"),
        defaultValue == null ? null : JSON.convertValue(defaultValue, Object.class),
        repeatedIn,
        blankToNull(text(c.path("properties"), "rule")),
        blankToNull(text(c.path("properties"), "ruleMessage")),
        c.path("readonly").asBoolean(false),
        FieldType.DATETIME.equals(type) ? (text(c, "subtype") != null ? text(c, "subtype") : "date") : null);
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

  private static List<String> withHide(List<String> outer, JsonNode component) {
    String hide = text(component.path("conditional"), "hide");
    if (hide == null || hide.isBlank()) {
      return outer;
    }
    List<String> all = new ArrayList<>(outer);
    all.add(FeelExpressions.stripEquals(hide));
    return all;
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
