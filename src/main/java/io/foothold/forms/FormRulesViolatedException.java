package io.foothold.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission broke its Camunda Form's rules, or wrote what its form does not declare. Extends the engine's own form validation exception
 * because the REST API answers exactly that type with HTTP 400 (task complete, submit-form,
 * process-definition submit-form).
 */
public class FormRulesViolatedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<FormViolation> violations;

  FormRulesViolatedException(String formId, List<FormViolation> violations) {
    // formId stays out of the message: Tasklist shows it to the person, who knows the form by its fields.
    this(violations, "Please check your answers: ");
  }

  private FormRulesViolatedException(List<FormViolation> violations, String lead) {
    super(List.copyOf(violations), lead + joined(violations));
    this.violations = List.copyOf(violations);
  }

  /** Variables a person may not write this way (not declared by the step's form, read-only, or no form at all). */
  static FormRulesViolatedException ofWrite(List<FormViolation> violations) {
    return new FormRulesViolatedException(violations, "The submission is refused: ");
  }

  public List<FormViolation> violations() {
    return violations;
  }

  private static String joined(List<FormViolation> violations) {
    return violations.stream().map(FormViolation::message).collect(Collectors.joining(" "));
  }
}
