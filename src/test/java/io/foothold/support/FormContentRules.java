package io.foothold.support;

import java.util.List;
import java.util.Set;

/** What every playbook's forms and catalog are held to: the rules its content test checks them against. */
public final class FormContentRules {

  private FormContentRules() {
  }

  /** The Camunda Forms component types a playbook's form may use. */
  public static final Set<String> ALLOWED_TYPES = Set.of(
      "text", "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select",
      "datetime", "group", "separator", "spacer");
  /** Components that show or arrange, and take no answer. */
  public static final Set<String> NON_INPUT_TYPES = Set.of("text", "group", "separator", "spacer");
  /** Components whose options come from the playbook's catalog. */
  public static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist");
  /** The validation rules a field may carry. */
  public static final Set<String> VALIDATE_KEYS = Set.of("required", "minLength", "maxLength", "min", "max", "pattern");
  /** Words that put a label on a person. Forms and catalog describe behaviour, so none may appear. */
  public static final List<String> LABELLING_WORDS = List.of(
      "lazy", "incompetent", "weak", "failure as a person", "depressed", "anxious person",
      "disorder", "useless", "loser", "unstable", "mentally ill", "problem employee",
      "low performer", "hopeless case", "broken");
}
