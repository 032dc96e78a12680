package io.foothold.forms;

/** One option of a select, radio or checklist: the stored value and the label shown. */
public record FormOption(String value, String label) {}
