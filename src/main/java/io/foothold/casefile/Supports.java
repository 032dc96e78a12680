package io.foothold.casefile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The supports chosen for a case ({@code chosenSupports}), the one reading of that variable for the case file and
 * HR's analytics: a list (a decision result), a Json variable (Tasklist's checklist) or JSON text.
 */
public final class Supports {

  public static final String VARIABLE = "chosenSupports";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Supports() {
  }

  /** The support ids in {@code value}, in the order chosen; none for null. */
  public static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }
    try {
      JsonNode node = JSON.readTree(String.valueOf(value));
      if (node.isArray()) {
        List<String> ids = new ArrayList<>();
        node.forEach(element -> ids.add(element.isTextual() ? element.asText() : element.toString()));
        return ids;
      }
      return node.isTextual() ? List.of(node.asText()) : List.of();
    } catch (JsonProcessingException notJson) {
      return List.of(String.valueOf(value));
    }
  }

  /**
   * What {@link #ids} reads from a history value fetched without deserializing objects: JSON as text, plain values
   * as they are; an object in any other format (Java serialization, which start-up rewrites as JSON) holds nothing.
   */
  static Object readable(TypedValue typed) {
    if (typed instanceof SerializableValue serialized && !serialized.isDeserialized()) {
      String format = serialized.getSerializationDataFormat();
      return format == null || format.contains("json") ? serialized.getValueSerialized() : null;
    }
    return typed == null ? null : typed.getValue();
  }

  /** The column's text: the ids as a JSON array, or null when none were chosen. */
  static String column(List<String> ids) {
    try {
      return ids.isEmpty() ? null : JSON.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> fromColumn(String text) {
    return text == null ? List.of() : ids(text);
  }
}
