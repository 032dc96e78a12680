package io.foothold.forms;

/** One broken form rule; {@code message} is ready to show to the person who submitted. */
public record FormViolation(String fieldKey, String fieldLabel, String rule, String message) {}
