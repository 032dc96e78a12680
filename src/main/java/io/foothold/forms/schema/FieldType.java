package io.foothold.forms.schema;

import java.util.Set;

/** Which form-js component types carry a value, and what kind of value. */
public final class FieldType {

  public static final String NUMBER = "number";
  public static final String CHECKBOX = "checkbox";
  public static final String CHECKLIST = "checklist";
  public static final String TAGLIST = "taglist";
  public static final String DYNAMIC_LIST = "dynamiclist";
  public static final String DATETIME = "datetime";

  private static final Set<String> INPUTS = Set.of(
      "textfield", "textarea", NUMBER, CHECKBOX, CHECKLIST, TAGLIST, "radio", "select", DATETIME);
  private static final Set<String> WITH_OPTIONS = Set.of("radio", "select", CHECKLIST, TAGLIST);

  private FieldType() {}

  /** A type whose {@code key} names a value the person submits. */
  public static boolean isInput(String type) {
    return INPUTS.contains(type);
  }

  public static boolean hasOptions(String type) {
    return WITH_OPTIONS.contains(type);
  }

  public static boolean isListValued(String type) {
    return CHECKLIST.equals(type) || TAGLIST.equals(type);
  }
}
