package io.foothold.api;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

import io.foothold.forms.FormRulesViolatedException;
import io.foothold.values.RefusedValueException;

/**
 * Camunda's error body for a refused submission or value, plus the broken rules one by one: {@code message} is written
 * for the person (field labels, what to change), {@code violations} keep the field keys for programs that call the API.
 * A refused value has no form, so its variable's name is both key and label.
 */
public class FormRejectionDto extends ExceptionDto {

  /** One broken rule: the field's key, the label the person sees, and the rule's name (required, min, declared, ...). */
  public record Violation(String field, String label, String rule) {}

  private final List<Violation> violations;

  private FormRejectionDto(String message, List<Violation> violations) {
    setType(FormFieldValidationException.class.getSimpleName());
    setMessage(message);
    this.violations = violations;
  }

  static FormRejectionDto of(FormRulesViolatedException rejected) {
    return new FormRejectionDto(rejected.getMessage(),
        rejected.violations().stream().map(v -> new Violation(v.fieldKey(), v.fieldLabel(), v.rule())).toList());
  }

  static FormRejectionDto of(RefusedValueException refused) {
    return new FormRejectionDto(refused.getMessage(),
        refused.refused().stream().map(v -> new Violation(v.variable(), v.variable(), v.rule())).toList());
  }

  public List<Violation> getViolations() {
    return violations;
  }
}
