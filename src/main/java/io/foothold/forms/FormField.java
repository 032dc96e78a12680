package io.foothold.forms;

import java.util.List;

import io.foothold.forms.schema.FieldType;

/**
 * One input field of a Camunda Form.
 *
 * @param optionValues allowed static option values, or {@code null} when the form declares none
 *     (options then come from {@code optionsSource}, or are not known to the server at all)
 * @param hideConditions FEEL expressions (leading '=' stripped) of the field and of the groups
 *     around it; the field is hidden when any of them is true
 * @param optionsSource name of a {@link FormOptionsSource}, or {@code null}
 * @param defaultValue the form's {@code defaultValue}, used only to evaluate conditions the way
 *     form-js does
 * @param repeatedIn the {@code path} of the dynamic list the field sits in (its value is then in
 *     every item of that list), or {@code null} for a top-level value
 * @param rule a FEEL expression over the form's values that must hold ({@code properties.rule}),
 *     for rules form-js cannot express, such as one field bounded by another; or {@code null}
 * @param ruleMessage what to tell the person when the rule does not hold
 * @param readonly shown for context only; the submission's value is not checked
 * @param subtype a datetime field's kind ("date", "time" or "datetime"), else {@code null}
 */
record FormField(
    String key,
    String label,
    String type,
    FieldRules rules,
    List<String> optionValues,
    List<String> hideConditions,
    String optionsSource,
    Object defaultValue,
    String repeatedIn,
    String rule,
    String ruleMessage,
    boolean readonly,
    String subtype) {

  FormField {
    hideConditions = List.copyOf(hideConditions);
    optionValues = optionValues == null ? null : List.copyOf(optionValues);
  }

  /** The label for messages; form-js falls back to the key as well. */
  String displayLabel() {
    return label == null || label.isBlank() ? key : label;
  }

  boolean hasOptions() {
    return FieldType.hasOptions(type);
  }

  boolean isListValued() {
    return FieldType.isListValued(type);
  }
}
