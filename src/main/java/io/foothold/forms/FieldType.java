package io.foothold.forms;

import java.util.Set;

/** Which form-js component types carry a value, and what kind of value. */
final class FieldType {

  static final String NUMBER = "number";
  static final String CHECKBOX = "checkbox";
  static final String CHECKLIST = "checklist";
  static final String TAGLIST = "taglist";
  static final String GROUP = "group";
  static final String DYNAMIC_LIST = "dynamiclist";
  static final String DATETIME = "datetime";

  private static final Set<String> INPUTS = Set.of(
      "textfield", "textarea", NUMBER, CHECKBOX, CHECKLIST, TAGLIST, "radio", "select", DATETIME);
  private static final Set<String> WITH_OPTIONS = Set.of("radio", "select", CHECKLIST, TAGLIST);

  private FieldType() {}

  static boolean isInput(String type) {
    return INPUTS.contains(type);
  }

  static boolean isContainer(String type) {
    return GROUP.equals(type) || DYNAMIC_LIST.equals(type);
  }

  static boolean hasOptions(String type) {
    return WITH_OPTIONS.contains(type);
  }

  static boolean isListValued(String type) {
    return CHECKLIST.equals(type) || TAGLIST.equals(type);
  }
}
