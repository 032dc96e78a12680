package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Every component of a Camunda Form, including those nested in groups and dynamic lists. */
final class FormComponents {

  private FormComponents() {
  }

  static List<JsonNode> all(JsonNode form) {
    List<JsonNode> components = new ArrayList<>();
    collect(form, components);
    return components;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    for (JsonNode component : node.path("components")) {
      into.add(component);
      collect(component, into);
    }
  }

  static String id(JsonNode component) {
    return component.path("id").asText(null);
  }

  static String key(JsonNode component) {
    String key = component.path("key").asText(null);
    return key == null ? component.path("path").asText(null) : key;
  }
}
