package io.foothold.values;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Objects — decision results, checklists, lists and maps set by listeners and delegates — are stored as JSON
 * (Spin's JSON format), never in Java serialization, whatever the engine's default format says. Tasklist sends
 * a variable back with the type it was stored with and Foothold refuses Java serialization, so a Java-serialized
 * list made its step impossible to complete in Tasklist (ENGINE-17007), and Tasklist could not show it either:
 * form-js reads only JSON, so a checklist bound to it showed nothing ticked.
 *
 * <p>Plain lists and maps (of text, numbers, booleans and further plain lists and maps) are stored under their
 * raw type ({@code java.util.ArrayList}, {@code java.util.LinkedHashMap}, {@code java.util.LinkedHashSet}). Spin
 * would name them after their first element — {@code HashMap<String,String>} for a decision result whose other
 * values are booleans, read back as text — or after an immutable class ({@code List.of}) it cannot create again.
 */
final class JsonObjectValues {

  private static final String JSON = SerializationDataFormats.JSON.getName();
  private static final String JAVA = SerializationDataFormats.JAVA.getName();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonObjectValues() {
  }

  /**
   * The serializer to store the value with: the engine's choice, unless that is Java serialization for a value
   * whose writer named no format; then Spin's JSON serializer. A value that explicitly asks for Java serialization
   * is left to the engine, which refuses it ({@code javaSerializationFormatEnabled} is off).
   */
  static TypedValueSerializer<?> preferJson(TypedValue value, TypedValueSerializer<?> chosen, List<TypedValueSerializer<?>> serializers) {
    if (chosen == null || !JAVA.equals(chosen.getSerializationDataformat()) || !namesNoFormat(value)) {
      return chosen;
    }
    return serializers.stream()
        .filter(serializer -> ValueType.OBJECT.equals(serializer.getType()) && JSON.equals(serializer.getSerializationDataformat()))
        .filter(serializer -> serializer.canHandle(value))
        .findFirst()
        .orElseThrow(() -> new ProcessEngineException("Foothold stores objects as JSON, but no JSON serializer can store this "
            + value.getType() + " value; is Spin's JSON data format (camunda-spin-dataformat-json-jackson) missing?"));
  }

  /** True for a serializer that stores objects as JSON. */
  static boolean storesJsonObjects(TypedValueSerializer<?> serializer) {
    return ValueType.OBJECT.equals(serializer.getType()) && JSON.equals(serializer.getSerializationDataformat());
  }

  /** A plain list or map as already-serialized JSON under its raw type; any other value as it is. */
  static TypedValue asStored(TypedValue value) {
    if (!(value instanceof ObjectValue object) || !object.isDeserialized() || object.getValue() == null || !isPlain(object.getValue())) {
      return value;
    }
    Object plain = object.getValue();
    try {
      return Variables.serializedObjectValue(MAPPER.writeValueAsString(plain), object.isTransient())
          .serializationDataFormat(JSON)
          .objectTypeName(rawType(plain))
          .create();
    } catch (JsonProcessingException e) {
      return value; // Spin's serializer will report what it cannot write
    }
  }

  private static boolean namesNoFormat(TypedValue value) {
    return value instanceof UntypedValueImpl
        || (value instanceof ObjectValue object && object.getSerializationDataFormat() == null);
  }

  private static String rawType(Object plain) {
    if (plain instanceof Map<?, ?>) {
      return "java.util.LinkedHashMap";
    }
    return plain instanceof Set<?> ? "java.util.LinkedHashSet" : "java.util.ArrayList";
  }

  /** Lists, sets and maps with text keys holding only text, numbers, booleans, nulls and further plain ones. */
  private static boolean isPlain(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().allMatch(entry -> entry.getKey() instanceof String && isPlainItem(entry.getValue()));
    }
    return value instanceof Collection<?> items && items.stream().allMatch(JsonObjectValues::isPlainItem);
  }

  private static boolean isPlainItem(Object item) {
    return item == null || item instanceof String || item instanceof Boolean || item instanceof Integer || item instanceof Long
        || item instanceof Double || isPlain(item);
  }
}
