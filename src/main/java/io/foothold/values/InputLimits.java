package io.foothold.values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.variable.impl.value.FileValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.foothold.values.RefusedValueException.RefusedValue;

/**
 * What any value written to a variable must be, whoever writes it (form, REST variables endpoint, Java API):
 * a name of at most 255 characters; Bytes and File of at most {@value #MAX_BINARY_BYTES} bytes; JSON lists and maps
 * of at most {@value #MAX_JSON_ELEMENTS} elements; text of at most {@code maxTextLength} characters without control characters (tab and line breaks aside) and
 * valid Unicode; JSON that parses; and serialized objects only as JSON of plain lists, maps and values, never in
 * Java serialization or of a class the sender names. The engine would otherwise store the
 * value and fail later (a database error on a string over the TEXT_ column's 4000 characters, PostgreSQL refusing
 * NUL, a JSON parse error when a listener reads the variable) or deserialize a class the sender chose.
 *
 * <p>Only values that arrive serialized are parsed or refused as objects: the engine and our delegates hand over
 * Java objects, which clients cannot do.
 */
final class InputLimits {

  /** TEXT_ of ACT_RU_VARIABLE, ACT_HI_VARINST and ACT_HI_DETAIL is varchar(4000) on H2 and PostgreSQL. */
  static final int DATABASE_TEXT_COLUMN = 4000;
  static final String PROPERTY = "foothold.input.max-text-length";
  /** NAME_ of ACT_RU_VARIABLE and ACT_HI_VARINST is varchar(255). */
  static final int MAX_NAME_LENGTH = 255;
  private static final int MAX_JSON_NESTING = 64;
  /** A JSON list or map (a checklist, a decision's results) with more elements is no form answer. */
  static final int MAX_JSON_ELEMENTS = 1000;
  /** Bytes and File variables: no form sends them; a larger one only fills the database and the heap of whoever reads it. */
  static final int MAX_BINARY_BYTES = 256 * 1024;
  private static final Set<String> PLAIN_TYPES = Set.of("java.util.ArrayList", "java.util.LinkedList", "java.util.List",
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.Map", "java.util.HashSet", "java.util.LinkedHashSet",
      "java.util.Set", "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long",
      "java.lang.Double");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING).build());
  }

  private final int maxTextLength;

  InputLimits(int maxTextLength) {
    if (maxTextLength < 1 || maxTextLength > DATABASE_TEXT_COLUMN) {
      throw new IllegalArgumentException(PROPERTY + " must be between 1 and " + DATABASE_TEXT_COLUMN
          + " (the engine's text column), not " + maxTextLength);
    }
    this.maxTextLength = maxTextLength;
  }

  static InputLimits databaseDefault() {
    return new InputLimits(DATABASE_TEXT_COLUMN);
  }

  int maxTextLength() {
    return maxTextLength;
  }

  /** Throws {@link RefusedValueException} when the value breaks a limit; nothing has been written yet. */
  void check(String variableName, TypedValue value) {
    List<RefusedValue> violations = new ArrayList<>();
    if (variableName != null && variableName.length() > MAX_NAME_LENGTH) {
      String shown = variableName.substring(0, 40) + "…";
      throw new RefusedValueException(List.of(new RefusedValue(shown, "nameLength", "Variable name '" + shown
          + "' has " + variableName.length() + " characters; a name may have at most " + MAX_NAME_LENGTH)));
    }
    if (value instanceof StringValue text && text.getValue() != null) {
      checkText(variableName, text.getValue(), violations);
    } else if (value instanceof BytesValue bytes && bytes.getValue() != null) {
      checkBinary(variableName, bytes.getValue().length, violations);
    } else if (value instanceof FileValueImpl file && file.getByteArray() != null) {
      checkBinary(variableName, file.getByteArray().length, violations);
    } else if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      checkSerialized(variableName, serializable, violations);
    }
    if (!violations.isEmpty()) {
      throw new RefusedValueException(violations);
    }
  }

  private void checkText(String name, String text, List<RefusedValue> out) {
    if (text.length() > maxTextLength) {
      out.add(violation(name, "maxTextLength", "has " + text.length() + " characters; at most " + maxTextLength
          + " are accepted (" + PROPERTY + ")"));
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        out.add(violation(name, "controlCharacters", String.format("contains the control character U+%04X at position %d;"
            + " text may hold tabs and line breaks, no other control characters", (int) c, i)));
        return;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        out.add(violation(name, "unicode", "contains an unpaired surrogate at position " + i + "; send valid Unicode text"));
        return;
      }
    }
  }

  private static void checkBinary(String name, int length, List<RefusedValue> out) {
    if (length > MAX_BINARY_BYTES) {
      out.add(violation(name, "maxBytes", "has " + length + " bytes; at most " + MAX_BINARY_BYTES + " are accepted"));
    }
  }

  private void checkSerialized(String name, SerializableValue value, List<RefusedValue> out) {
    if (ValueType.OBJECT.equals(value.getType()) && !isPlainJson((ObjectValue) value)) {
      out.add(violation(name, "type", "is a serialized Object (" + value.getType().getValueInfo(value) + "); Foothold"
          + " deserializes objects only as JSON lists and maps of plain values (" + PLAIN_TYPES.stream().sorted().toList()
          + "): send String, Boolean, Integer, Long, Double, Date or Json"));
      return;
    }
    String serialized = value.getValueSerialized();
    if (serialized == null) {
      return;
    }
    if (serialized.length() > maxTextLength) {
      out.add(violation(name, "maxTextLength", "has " + serialized.length() + " characters; at most " + maxTextLength
          + " are accepted (" + PROPERTY + ")"));
    } else if ("json".equals(value.getType().getName()) || "application/json".equals(value.getSerializationDataFormat())) {
      try {
        JsonNode tooLong = largestContainer(JSON.readTree(serialized));
        if (tooLong != null) {
          out.add(violation(name, "maxElements", "has a JSON " + (tooLong.isArray() ? "list" : "map") + " of " + tooLong.size()
              + " elements; at most " + MAX_JSON_ELEMENTS + " are accepted"));
        }
      } catch (JsonProcessingException e) {
        out.add(violation(name, "json", "is not valid JSON: " + e.getOriginalMessage()));
      }
    }
  }

  /** The first list or map, at any depth, with more than {@link #MAX_JSON_ELEMENTS} elements; null if none. */
  private static JsonNode largestContainer(JsonNode node) {
    if (node == null || !node.isContainerNode()) {
      return null;
    }
    if (node.size() > MAX_JSON_ELEMENTS) {
      return node;
    }
    for (JsonNode child : node) {
      JsonNode found = largestContainer(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** JSON of plain lists, maps and values, by type name (generics included, e.g. java.util.ArrayList<java.lang.String>). */
  private static boolean isPlainJson(ObjectValue value) {
    String typeName = value.getObjectTypeName();
    return "application/json".equals(value.getSerializationDataFormat()) && typeName != null
        && Arrays.stream(typeName.split("[<>,\\s]+")).filter(part -> !part.isEmpty()).allMatch(PLAIN_TYPES::contains);
  }

  private static RefusedValue violation(String name, String rule, String what) {
    return new RefusedValue(name, rule, "Variable '" + name + "' " + what);
  }
}
