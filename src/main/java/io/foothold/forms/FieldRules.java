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
    String validationType,
    String minExpression,
    String maxExpression) {

  static final FieldRules NONE = new FieldRules(false, null, null, null, null, null, null, null, null);

  FieldRules(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
      String validationType) {
    this(required, minLength, maxLength, min, max, pattern, validationType, null, null);
  }
}
