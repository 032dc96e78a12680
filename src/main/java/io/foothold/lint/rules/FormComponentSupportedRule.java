package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Tasklist 7.24 bundles form-js 1.8: a component type it does not know (filepicker, documentPreview, …)
 * makes the whole form fail with "form field of type … not supported" (ERROR). A button is rendered but
 * duplicates Tasklist's own Complete button (WARNING).
 */
public final class FormComponentSupportedRule implements LintRule {

  static final Set<String> RENDERED = Set.of("text", "textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "taglist", "datetime", "group", "separator", "spacer", "image", "html", "dynamiclist", "iframe", "table",
      "expression");

  @Override
  public String id() {
    return "form-component-supported";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.FormFile form : workspace.forms()) {
      for (FormComponent component : FormComponents.of(form.json())) {
        String type = component.type() == null ? "" : component.type();
        String id = component.id();
        if (type.equals("button")) {
          findings.add(workspace.finding(form.path(), id, id(), Severity.WARNING,
              "a button duplicates Tasklist's own Complete button; remove it"));
        } else if (!RENDERED.contains(type)) {
          findings.add(workspace.finding(form.path(), id, id(), Severity.ERROR,
              "component type '" + type + "' is not rendered by Tasklist's form-js 1.8: the whole form fails to show"));
        }
      }
    }
    return findings;
  }
}
