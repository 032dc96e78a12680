package io.foothold.values;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A value broke the limits on any variable write ({@link InputLimits}), whatever form, endpoint or code wrote it;
 * nothing was stored. Extends the engine's form validation exception because Camunda's REST layers answer exactly
 * that type with HTTP 400; io.foothold.api lists the refused values one by one.
 */
public class RefusedValueException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<RefusedValue> refused;

  RefusedValueException(List<RefusedValue> refused) {
    super(List.copyOf(refused), "The value is refused: "
        + refused.stream().map(RefusedValue::message).collect(Collectors.joining(" ")));
    this.refused = List.copyOf(refused);
  }

  public List<RefusedValue> refused() {
    return refused;
  }

  /** One broken limit: the variable's name, the limit's name (maxTextLength, json, ...) and a sentence for the sender. */
  public record RefusedValue(String variable, String rule, String message) {}
}
