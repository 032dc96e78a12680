package io.foothold.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission broke its Camunda Form's rules. Extends the engine's own form validation exception
 * because the REST API answers exactly that type with HTTP 400 (task complete, submit-form,
 * process-definition submit-form).
 */
public class FormRulesViolatedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<FormViolation> violations;

  FormRulesViolatedException(String formId, List<FormViolation> violations) {
    super(List.copyOf(violations), message(formId, violations));
    this.violations = List.copyOf(violations);
  }

  public List<FormViolation> violations() {
    return violations;
  }

  private static String message(String formId, List<FormViolation> violations) {
    return "The submission does not satisfy form '" + formId + "': "
        + violations.stream().map(FormViolation::message).collect(Collectors.joining("; "));
  }
}
