package io.foothold.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;

/**
 * Fills a form's options from the playbook's catalog when the form is deployed: a component with
 * {@code "properties": {"catalog": "signals"}} gets one option per catalog entry (id as value, label as
 * label). Labels are then written once, in the catalog, and forms and decisions share the ids. With
 * {@code "optionsAmong": "likelyDrivers"} as well, Tasklist offers only the entries ticked in that other field (a
 * FEEL {@code valuesExpression} over the same options), so a choice outside them cannot be made in the form; the
 * static options stay for the server's checks and for form-js versions without expressions.
 */
final class CatalogFormOptions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FEEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private CatalogFormOptions() {
  }

  static byte[] fill(byte[] formJson, PlaybookCatalog catalog) {
    try {
      JsonNode form = JSON.readTree(formJson);
      if (!fill(form, catalog)) {
        return formJson;
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "=if ticked = null then [] else [{label: …, value: …}, …][list contains(ticked, item.value)]" */
  private static String amongExpression(ArrayNode options, String ticked) {
    StringBuilder list = new StringBuilder();
    for (JsonNode option : options) {
      list.append(list.isEmpty() ? "" : ", ").append("{label: ").append(feelString(option.path("label").asText()))
          .append(", value: ").append(feelString(option.path("value").asText())).append('}');
    }
    return "=if " + ticked + " = null then [] else [" + list + "][list contains(" + ticked + ", item.value)]";
  }

  private static String feelString(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static boolean fill(JsonNode form, PlaybookCatalog catalog) {
    boolean changed = false;
    for (FormComponent component : FormComponents.of(form)) {
      String list = component.property("catalog");
      JsonNode inlineValues = component.json().path("values");
      // Inline options win: a designer who lists values on purpose keeps them.
      boolean inline = inlineValues.isArray() && !inlineValues.isEmpty();
      if (list != null && !inline && catalog.hasList(list) && component.json() instanceof ObjectNode object) {
        ArrayNode values = object.putArray("values");
        catalog.list(list).forEach(entry -> values.addObject().put("label", entry.label()).put("value", entry.id()));
        String among = component.property("optionsAmong");
        if (among != null && FEEL_NAME.matcher(among).matches()) {
          object.put("valuesExpression", amongExpression(values, among));
        }
        changed = true;
      }
    }
    return changed;
  }
}
