package io.foothold.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fills catalog-driven options at deploy time: a select/radio/checklist with
 * {@code "properties": {"catalog": "<list>"}} and empty {@code values} gets one option per entry of
 * that list in the playbook's {@code seeds/<id>/catalog.yaml} (id → value, label → label). Labels are
 * thus written once, in the catalog, and the deployed form (what Tasklist shows and what the server
 * validates against) carries them.
 */
final class CatalogOptions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final JsonNode catalog;

  private CatalogOptions(JsonNode catalog) {
    this.catalog = catalog;
  }

  /** A playbook without a catalog: forms that reference one fail to deploy with a clear reason. */
  static CatalogOptions none() {
    return new CatalogOptions(null);
  }

  static CatalogOptions read(InputStream catalogYaml) throws IOException {
    try (catalogYaml) {
      return new CatalogOptions(YAML.readTree(catalogYaml));
    }
  }

  /**
   * The form with its catalog options filled in; the text is returned unchanged when no component
   * refers to a catalog list (so duplicate filtering still sees an unchanged resource).
   *
   * @throws IllegalArgumentException when a component names a list the catalog does not have
   */
  String fill(String formJson, String resourceName) {
    try {
      JsonNode form = JSON.readTree(formJson);
      if (!fillComponents(form, resourceName)) {
        return formJson;
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(resourceName + " is not readable form JSON: " + e.getOriginalMessage(), e);
    }
  }

  private boolean fillComponents(JsonNode node, String resourceName) {
    boolean changed = false;
    for (JsonNode component : node.path("components")) {
      String list = component.path("properties").path("catalog").asText(null);
      if (list != null && component instanceof ObjectNode object && object.path("values").isEmpty()) {
        JsonNode entries = catalog == null ? null : catalog.get(list);
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
          throw new IllegalArgumentException(resourceName + ": field '" + component.path("key").asText()
              + "' takes its options from catalog list '" + list + "', which the playbook's catalog.yaml does not have");
        }
        ArrayNode values = object.putArray("values");
        entries.forEach(entry -> values.addObject()
            .put("label", entry.path("label").asText())
            .put("value", entry.path("id").asText()));
        changed = true;
      }
      changed |= fillComponents(component, resourceName);
    }
    return changed;
  }
}
