package io.foothold.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns submitted values into plain Java (String, Boolean, Number, List, Map, Date), whatever way
 * they arrived: Java objects, typed values, Spin JSON (Tasklist sends checklists as Json) or JSON
 * text of an array.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  static Map<String, Object> normalise(Map<String, ?> values) {
    Map<String, Object> plain = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((key, value) -> plain.put(key, normalise(value)));
    }
    return plain;
  }

  static Object normalise(Object value) {
    if (value instanceof TypedValue typed) {
      return normalise(typed.getValue());
    }
    if (value instanceof SpinJsonNode spin) {
      return fromJson(spin.toString());
    }
    if (value instanceof JsonNode node) {
      return JSON.convertValue(node, Object.class);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(FormValues::normalise).toList();
    }
    return value;
  }

  /** A list field may also arrive as the JSON text of an array (REST clients, String variables). */
  static Object asListIfJsonArray(Object value) {
    if (value instanceof String text && text.trim().startsWith("[")) {
      Object parsed = fromJson(text);
      return parsed instanceof List<?> ? parsed : value;
    }
    return value;
  }

  static boolean isMissing(Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (value instanceof Collection<?> items && items.isEmpty());
  }

  /** The number in a value, or {@code null} when it is not one (numeric strings count). */
  static BigDecimal asNumber(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Object fromJson(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
