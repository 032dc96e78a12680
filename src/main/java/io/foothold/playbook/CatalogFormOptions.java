package io.foothold.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills a form's options from the playbook's catalog when the form is deployed: a component with
 * {@code "properties": {"catalog": "signals"}} gets one option per catalog entry (id as value, label as
 * label). Labels are then written once, in the catalog, and forms and decisions share the ids.
 */
final class CatalogFormOptions {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  private static boolean fill(JsonNode node, PlaybookCatalog catalog) {
    boolean changed = false;
    for (JsonNode component : node.path("components")) {
      String list = component.path("properties").path("catalog").asText(null);
      // Inline options win: a designer who lists values on purpose keeps them.
      boolean inline = component.path("values").isArray() && !component.path("values").isEmpty();
      if (list != null && !inline && catalog.hasList(list) && component instanceof ObjectNode object) {
        ArrayNode values = object.putArray("values");
        catalog.list(list).forEach(entry -> values.addObject().put("label", entry.label()).put("value", entry.id()));
        changed = true;
      }
      changed |= fill(component, catalog);
    }
    return changed;
  }
}
