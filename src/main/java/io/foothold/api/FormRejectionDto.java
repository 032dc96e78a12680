package io.foothold.api;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

import io.foothold.forms.FormRulesViolatedException;

/**
 * Camunda's error body for a refused submission, plus the broken rules one by one: {@code message} is written for the
 * person (field labels, what to change), {@code violations} keep the field keys for programs that call the API.
 */
public class FormRejectionDto extends ExceptionDto {

  /** One broken rule: the field's key, the label the person sees, and the rule's name (required, min, declared, ...). */
  public record Violation(String field, String label, String rule) {}

  private final List<Violation> violations;

  FormRejectionDto(FormRulesViolatedException rejected) {
    setType(FormFieldValidationException.class.getSimpleName());
    setMessage(rejected.getMessage());
    this.violations = rejected.violations().stream().map(v -> new Violation(v.fieldKey(), v.fieldLabel(), v.rule())).toList();
  }

  public List<Violation> getViolations() {
    return violations;
  }
}
