package io.foothold.forms.schema;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks every component of a Camunda Form, depth first in the order the form lists them. Nesting is decided here
 * and only here:
 * <ul>
 *   <li>every component's {@code components} are walked, whatever its type, as form-js's importer does (in
 *       practice groups and dynamic lists);</li>
 *   <li>a component's {@code conditional.hide} hides everything inside it;</li>
 *   <li>fields inside a dynamic list repeat in every item of the list's {@code path};</li>
 *   <li>only input types carry a value under their key ({@link FieldType#isInput}).</li>
 * </ul>
 */
public final class FormComponents {

  private FormComponents() {
  }

  /** Every component of the form (a form-js JSON tree), nested ones included, in document order. */
  public static List<FormComponent> of(JsonNode form) {
    List<FormComponent> all = new ArrayList<>();
    walk(form, true, List.of(), null, all);
    return all;
  }

  /** form-js marks expressions with a leading '='; FEEL itself does not know it. */
  public static String withoutEqualsSign(String expression) {
    String trimmed = expression.trim();
    return trimmed.startsWith("=") ? trimmed.substring(1).trim() : trimmed;
  }

  private static void walk(JsonNode parent, boolean topLevel, List<String> outerHides, String repeatedIn,
      List<FormComponent> into) {
    for (JsonNode json : parent.path("components")) {
      List<String> hides = withHide(outerHides, json);
      into.add(new FormComponent(json, topLevel, hides, repeatedIn));
      String listPath = FieldType.DYNAMIC_LIST.equals(FormComponent.text(json, "type"))
          ? FormComponent.text(json, "path") : repeatedIn;
      walk(json, false, hides, listPath, into);
    }
  }

  private static List<String> withHide(List<String> outer, JsonNode component) {
    String hide = FormComponent.text(component.path("conditional"), "hide");
    if (hide == null || hide.isBlank()) {
      return outer;
    }
    List<String> all = new ArrayList<>(outer);
    all.add(withoutEqualsSign(hide));
    return all;
  }
}
