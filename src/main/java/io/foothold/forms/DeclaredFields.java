package io.foothold.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The variables a form lets a person write: the top-level keys of its editable fields, and of its read-only fields
 * as long as the value comes back unchanged (Tasklist sends read-only fields back as it showed them).
 */
final class DeclaredFields {

  private final FormSchema form;
  private final Set<String> editable = new LinkedHashSet<>();
  private final Set<String> readonly = new LinkedHashSet<>();

  DeclaredFields(FormSchema form) {
    this.form = form;
    for (FormField field : form.fields()) {
      String variable = topLevel(field.repeatedIn() != null ? field.repeatedIn() : field.key());
      if (variable == null) {
        continue;
      }
      if (field.readonly() && field.repeatedIn() == null) {
        readonly.add(variable);
      } else {
        editable.add(variable);
      }
    }
    readonly.removeAll(editable);
  }

  /**
   * What is wrong with writing these variables through this form: names it does not declare, read-only values
   * changed, and any removal (a form never removes a variable).
   *
   * @param current the value a variable has now, for read-only fields
   */
  List<FormViolation> check(Map<String, ?> written, Collection<String> removed, Function<String, Object> current) {
    List<FormViolation> violations = new ArrayList<>();
    List<String> unknown = written.keySet().stream()
        .filter(name -> !editable.contains(name) && !readonly.contains(name))
        .sorted()
        .toList();
    if (!unknown.isEmpty()) {
      violations.add(new FormViolation(String.join(", ", unknown), null, "declared",
          (unknown.size() == 1 ? "The variable " : "The variables ") + quoted(unknown)
              + (unknown.size() == 1 ? " is not a field" : " are not fields") + " of the form \"" + form.displayTitle()
              + "\": a step may only write what its form asks for"));
    }
    for (String name : readonly) {
      if (written.containsKey(name) && !sameValue(written.get(name), current.apply(name))) {
        violations.add(new FormViolation(name, null, "readonly", "Field '" + name + "' of the form \""
            + form.displayTitle() + "\" is shown for reading only and cannot be changed"));
      }
    }
    if (!removed.isEmpty()) {
      violations.add(new FormViolation(String.join(", ", removed), null, "remove", "The form \"" + form.displayTitle()
          + "\" cannot remove variables (" + quoted(removed) + ")"));
    }
    return violations;
  }

  private static String quoted(Collection<String> names) {
    return names.stream().map(name -> "'" + name + "'").reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** form-js writes a dotted key as a path, so the variable is its first part. */
  private static String topLevel(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    int dot = key.indexOf('.');
    return dot > 0 ? key.substring(0, dot) : key;
  }

  /** Equal as a person sees them: numbers by value, lists item by item, JSON text by its content, empty as missing. */
  static boolean sameValue(Object submitted, Object stored) {
    Object a = plain(submitted);
    Object b = plain(stored);
    if (FormValues.isMissing(a) || FormValues.isMissing(b)) {
      return FormValues.isMissing(a) && FormValues.isMissing(b);
    }
    return equalPlain(a, b);
  }

  private static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      value = serializable.getValueSerialized();
    } else if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    return FormValues.asListIfJsonArray(FormValues.normalise(value));
  }

  private static boolean equalPlain(Object a, Object b) {
    BigDecimal x = a instanceof Boolean ? null : FormValues.asNumber(a);
    BigDecimal y = b instanceof Boolean ? null : FormValues.asNumber(b);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof List<?> left && b instanceof List<?> right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!equalPlain(plain(left.get(i)), plain(right.get(i)))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(String.valueOf(a), String.valueOf(b));
  }
}
