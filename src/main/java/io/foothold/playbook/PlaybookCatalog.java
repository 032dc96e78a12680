package io.foothold.playbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A playbook's content catalog: named lists of entries (signals, drivers, supports, escalation
 * criteria, …), each with an id and a label written once, here, and used by forms and decisions.
 */
public record PlaybookCatalog(Map<String, List<Entry>> lists) {

  public record Entry(String id, String label, String hint) {
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public PlaybookCatalog {
    lists = Map.copyOf(lists);
  }

  static PlaybookCatalog empty() {
    return new PlaybookCatalog(Map.of());
  }

  /** Every top-level list whose items have an id and a label is a catalog list; other keys are metadata. */
  static PlaybookCatalog parse(byte[] yaml) throws IOException {
    JsonNode root = YAML.readTree(yaml);
    Map<String, List<Entry>> lists = new LinkedHashMap<>();
    root.fields().forEachRemaining(field -> {
      if (field.getValue().isArray()) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : field.getValue()) {
          if (item.hasNonNull("id") && item.hasNonNull("label")) {
            entries.add(new Entry(item.get("id").asText(), item.get("label").asText(), item.path("hint").asText(null)));
          }
        }
        if (!entries.isEmpty()) {
          lists.put(field.getKey(), List.copyOf(entries));
        }
      }
    });
    return new PlaybookCatalog(lists);
  }

  public boolean hasList(String name) {
    return lists.containsKey(name);
  }

  public List<Entry> list(String name) {
    return lists.getOrDefault(name, List.of());
  }

  /** The label of the entry with this id in any of the lists (ids are what forms and decisions store). */
  public Optional<String> labelOf(String id) {
    return lists.values().stream().flatMap(List::stream).filter(entry -> entry.id().equals(id)).map(Entry::label).findFirst();
  }
}
