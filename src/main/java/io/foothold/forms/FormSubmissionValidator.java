package io.foothold.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import io.foothold.forms.schema.FieldType;

/**
 * Checks submitted values against a Camunda Form's rules, on the server, because form-js only
 * checks them in the browser and the engine not at all.
 */
final class FormSubmissionValidator {

  // The checks form-js applies for validationType; deliberately simple, like the browser's.
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final Pattern PHONE = Pattern.compile("(\\+|00)?[0-9][0-9 ()\\-]{4,19}");

  private final FormOptionsSources optionsSources;

  FormSubmissionValidator(FormOptionsSources optionsSources) {
    this.optionsSources = optionsSources;
  }

  List<FormViolation> validate(FormSchema schema, Map<String, ?> submitted, String userId) {
    Map<String, Object> values = FormValues.normalise(submitted);
    FieldVisibility visibility = new FieldVisibility(schema, values);
    List<FormViolation> violations = new ArrayList<>();
    for (FormField field : schema.fields()) {
      if (field.readonly()) {
        continue;
      }
      if (field.repeatedIn() == null) {
        if (!visibility.isHidden(field)) {
          int before = violations.size();
          check(field, values.get(field.key()), values, userId, violations);
          if (violations.size() == before) {
            checkRule(field, visibility, violations);
          }
        }
      } else {
        for (Map<String, Object> item : listItems(values.get(field.repeatedIn()))) {
          if (!visibility.isHidden(field, item)) {
            check(field, item.get(field.key()), withItem(values, item), userId, violations);
          }
        }
      }
    }
    return violations;
  }

  private static Map<String, Object> withItem(Map<String, Object> values, Map<String, Object> item) {
    Map<String, Object> data = new HashMap<>(values);
    data.putAll(item);
    return data;
  }

  /** {@code data}: the answers a computed bound ({@code "min": "=actionMinutes * 1.2"}) is evaluated against. */
  private void check(FormField field, Object raw, Map<String, Object> data, String userId, List<FormViolation> out) {
    Violations found = new Violations(field, out);
    Object value = field.isListValued() ? FormValues.asListIfJsonArray(raw) : raw;

    if (FieldType.CHECKBOX.equals(field.type())) {
      checkCheckbox(field, value, found);
      return;
    }
    if (FormValues.isMissing(value)) {
      if (field.rules().required()) {
        found.add("required", "is required");
      }
      return;
    }
    if (FieldType.NUMBER.equals(field.type())) {
      checkNumber(field.rules(), value, data, found);
    } else if (field.isListValued()) {
      if (!(value instanceof List<?> items)) {
        found.add("type", "must be a list");
        return;
      }
      checkOptions(field, items, userId, found);
    } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      found.add("type", field.hasOptions() ? "must be a single value" : "must be text");
    } else {
      if (field.hasOptions()) {
        checkOptions(field, List.of(value), userId, found);
      }
      if (value instanceof String text) {
        checkText(field.rules(), text, found);
        if ("date".equals(field.subtype())) {
          checkDate(text, found);
        }
      }
    }
  }

  /**
   * A field's own rules passed; now the cross-field rule, if the form declares one, empty value or not: a rule such
   * as "the second goal needs its measure" is about the empty field it sits on.
   */
  private static void checkRule(FormField field, FieldVisibility visibility, List<FormViolation> out) {
    if (field.rule() == null || visibility.holds(field.rule())) {
      return;
    }
    Violations found = new Violations(field, out);
    if (field.ruleMessage() != null) {
      found.explain("rule", field.ruleMessage());
    } else {
      found.add("rule", "does not fit together with your other answers");
    }
  }

  private static void checkCheckbox(FormField field, Object value, Violations found) {
    Boolean checked = asBoolean(value);
    if (value != null && checked == null) {
      found.add("type", "must be true or false");
    } else if (field.rules().required() && !Boolean.TRUE.equals(checked)) {
      found.add("required", "is required");
    }
  }

  private static void checkNumber(FieldRules rules, Object value, Map<String, Object> data, Violations found) {
    BigDecimal number = FormValues.asNumber(value);
    if (number == null) {
      found.add("type", "must be a number");
      return;
    }
    BigDecimal min = bound(rules.min(), rules.minExpression(), data);
    BigDecimal max = bound(rules.max(), rules.maxExpression(), data);
    if (min != null && number.compareTo(min) < 0) {
      found.add("min", "must be at least " + plain(min));
    }
    if (max != null && number.compareTo(max) > 0) {
      found.add("max", "must be at most " + plain(max));
    }
  }

  /**
   * A fixed bound, or the one form-js computed in the browser from the other answers. A computed bound that yields
   * no number (e.g. the answer it reads is missing) is not enforced here: form-js does not enforce it either.
   */
  private static BigDecimal bound(BigDecimal fixed, String expression, Map<String, Object> data) {
    if (fixed != null || expression == null) {
      return fixed;
    }
    return FeelExpressions.number(expression, data).map(BigDecimal::stripTrailingZeros).orElse(null);
  }

  private static void checkText(FieldRules rules, String text, Violations found) {
    int length = text.codePointCount(0, text.length());
    if (rules.minLength() != null && length < rules.minLength()) {
      found.add("minLength", "must have at least " + rules.minLength() + " characters");
    }
    if (rules.maxLength() != null && length > rules.maxLength()) {
      found.add("maxLength", "must have at most " + rules.maxLength() + " characters");
    }
    if (rules.pattern() != null && !fullyMatches(rules.pattern(), text)) {
      found.add("pattern", "is not written in the expected form");
    }
    if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
      found.add("email", "must be an email address");
    }
    if ("phone".equals(rules.validationType()) && !PHONE.matcher(text).matches()) {
      found.add("phone", "must be a phone number");
    }
  }

  /** Tasklist sends a date field as an ISO date; anything else is no date (a Date value is one already). */
  private static void checkDate(String text, Violations found) {
    try {
      LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      found.add("date", "must be a date written as yyyy-mm-dd, e.g. 2026-11-20");
    }
  }

  private void checkOptions(FormField field, List<?> chosen, String userId, Violations found) {
    List<String> allowed = allowedValues(field, userId);
    if (allowed == null) {
      return; // options come from a process variable: the server cannot know them
    }
    boolean allAllowed = chosen.stream()
        .allMatch(value -> value != null && allowed.contains(String.valueOf(value)));
    if (!allAllowed) {
      found.add("options", allowed.isEmpty()
          ? "has no options to choose from right now"
          : "must be one of the options the form offers");
    }
  }

  private List<String> allowedValues(FormField field, String userId) {
    if (field.optionsSource() != null) {
      return optionsSources.optionsFor(field.optionsSource(), userId).stream()
          .map(FormOption::value)
          .toList();
    }
    return field.optionValues();
  }

  private static boolean fullyMatches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return false; // a broken pattern cannot be satisfied; the form must be fixed
    }
  }

  private static Boolean asBoolean(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> listItems(Object list) {
    if (!(FormValues.asListIfJsonArray(list) instanceof List<?> items)) {
      return List.of();
    }
    return items.stream()
        .filter(Map.class::isInstance)
        .map(item -> (Map<String, Object>) item)
        .collect(Collectors.toList());
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  /**
   * Collects violations of one field. The message is what the person reads in Tasklist: the field by the label
   * they see and what to change, never the field's key or other internal ids (API callers get the key in
   * {@link FormViolation#fieldKey()}).
   */
  private record Violations(FormField field, List<FormViolation> out) {

    /** "\"Days\" must be at most 5." */
    void add(String rule, String what) {
      out.add(new FormViolation(field.key(), field.displayLabel(), rule, "\"" + field.displayLabel() + "\" " + what + "."));
    }

    /** A designer's own sentence ({@code ruleMessage}) after the label: "\"Grown minutes\": The grown action …" */
    void explain(String rule, String sentence) {
      out.add(new FormViolation(field.key(), field.displayLabel(), rule, "\"" + field.displayLabel() + "\": " + sentence));
    }
  }
}
