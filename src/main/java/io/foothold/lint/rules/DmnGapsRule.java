package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * When a decision table input is a form's select or radio field (the input expression is just the field's
 * key), every option the manager can pick, written in the form or taken from the catalog list named by
 * {@code properties.catalog}, is matched by some rule; otherwise that choice silently gets no result.
 * Entries too complex to analyse are assumed to cover the option.
 */
public final class DmnGapsRule implements LintRule {

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public String id() {
    return "dmn-gaps";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      Map<String, Set<String>> options = optionsByKey(workspace, file.playbook());
      for (DecisionTable table : file.model().getModelElementsByType(DecisionTable.class)) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Rule> rules = new ArrayList<>(table.getRules());
        for (int i = 0; i < inputs.size(); i++) {
          Input input = inputs.get(i);
          String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
              ? null : input.getInputExpression().getText().getTextContent().trim();
          if (expression == null || !VARIABLE.matcher(expression).matches() || !options.containsKey(expression)) {
            continue;
          }
          Set<String> uncovered = new LinkedHashSet<>();
          for (String value : options.get(expression)) {
            if (!coveredBySomeRule(rules, i, value)) {
              uncovered.add(value);
            }
          }
          if (!uncovered.isEmpty()) {
            findings.add(workspace.finding(file.path(), input.getId(), id(), Severity.WARNING,
                "no rule matches " + expression + " = " + String.join(", ", uncovered.stream().map(v -> "\"" + v + "\"").toList())
                    + " although the form offers it"));
          }
        }
      }
    }
    return findings;
  }

  private static boolean coveredBySomeRule(List<Rule> rules, int input, String value) {
    for (Rule rule : rules) {
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      if (input >= entries.size()) {
        continue;
      }
      String text = entries.get(input).getText() == null ? "" : entries.get(input).getText().getTextContent();
      Boolean covers = DmnEntry.parse(text).covers(value);
      if (covers == null || covers) {
        return true;
      }
    }
    return false;
  }

  /** Option values of every select and radio field of the playbook's forms, by field key. */
  static Map<String, Set<String>> optionsByKey(LintWorkspace workspace, String playbook) {
    Map<String, Set<String>> options = new LinkedHashMap<>();
    JsonNode catalog = workspace.catalog(playbook);
    for (LintWorkspace.FormFile form : workspace.formsOf(playbook)) {
      for (FormComponent component : FormComponents.of(form.json())) {
        String type = component.json().path("type").asText();
        String key = component.key();
        if (key == null || !(type.equals("select") || type.equals("radio"))) {
          continue;
        }
        Set<String> values = new LinkedHashSet<>();
        component.json().path("values").forEach(v -> values.add(v.path("value").asText()));
        String list = component.property("catalog");
        if (values.isEmpty() && list != null) {
          catalog.path(list).forEach(entry -> {
            if (entry.hasNonNull("id")) {
              values.add(entry.get("id").asText());
            }
          });
        }
        if (!values.isEmpty()) {
          options.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values);
        }
      }
    }
    return options;
  }
}
