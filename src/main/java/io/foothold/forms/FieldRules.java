package io.foothold.forms;

import java.math.BigDecimal;

/** The {@code validate} block of a form field; absent rules are {@code null}. */
record FieldRules(
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    String pattern,
    String validationType) {

  static final FieldRules NONE = new FieldRules(false, null, null, null, null, null, null);
}
