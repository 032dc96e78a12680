package io.foothold.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.foothold.forms.schema.FieldType;

/**
 * Decides whether {@code conditional.hide} hides a field. Conditions see the submitted values plus,
 * for fields nobody sent, the value form-js would start with (default value, else false for a
 * checkbox, [] for lists, null otherwise) — so "=not(seriousSignal)" hides its fields when a REST
 * client leaves the checkbox out, just as it does in Tasklist.
 */
final class FieldVisibility {

  private final Map<String, Object> conditionData;
  /** Results against conditionData by expression: fields of a group share its condition, and FEEL is not cheap. */
  private final Map<String, Boolean> evaluated = new HashMap<>();

  FieldVisibility(FormSchema schema, Map<String, Object> values) {
    this.conditionData = new HashMap<>();
    for (FormField field : schema.fields()) {
      if (field.repeatedIn() == null) {
        conditionData.put(field.key(), startValue(field));
      }
    }
    values.forEach((key, value) -> {
      if (value != null) {
        conditionData.put(key, value);
      }
    });
  }

  boolean isHidden(FormField field) {
    return isHidden(field, conditionData);
  }

  /** Inside a dynamic list, an item's own values come first, as in form-js. */
  boolean isHidden(FormField field, Map<String, Object> item) {
    if (field.hideConditions().isEmpty()) {
      return false;
    }
    Map<String, Object> data = conditionData;
    if (item != null && item != conditionData) {
      data = new HashMap<>(conditionData);
      data.putAll(item);
    }
    for (String condition : field.hideConditions()) {
      if (data == conditionData ? holds(condition) : FeelExpressions.isTrue(condition, data)) {
        return true;
      }
    }
    return false;
  }

  /** Evaluates a cross-field rule against the same values the conditions see. */
  boolean holds(String rule) {
    return evaluated.computeIfAbsent(rule, expression -> FeelExpressions.isTrue(expression, conditionData));
  }

  private static Object startValue(FormField field) {
    if (field.defaultValue() != null) {
      return field.defaultValue();
    }
    if (FieldType.CHECKBOX.equals(field.type())) {
      return Boolean.FALSE;
    }
    return field.isListValued() ? List.of() : null;
  }
}
