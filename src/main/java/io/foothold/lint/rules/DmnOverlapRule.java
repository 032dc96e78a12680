package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Under hit policy UNIQUE (the default) two rules that can match the same inputs make the evaluation fail at
 * run time. Two rules overlap when, input by input, their entries can match a common value ("-" matches
 * everything; literal lists and numeric ranges are compared). ERROR when certain; WARNING when an entry was
 * too complex to analyse and was assumed to match.
 */
public final class DmnOverlapRule implements LintRule {

  @Override
  public String id() {
    return "dmn-overlap";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      for (DecisionTable table : file.model().getModelElementsByType(DecisionTable.class)) {
        HitPolicy policy = table.getHitPolicy();
        if (policy != null && policy != HitPolicy.UNIQUE) {
          continue;
        }
        List<Rule> rules = new ArrayList<>(table.getRules());
        List<List<DmnEntry>> entries = rules.stream().map(DmnOverlapRule::entries).toList();
        for (int a = 0; a < rules.size(); a++) {
          for (int b = a + 1; b < rules.size(); b++) {
            DmnEntry.Overlap overlap = overlap(entries.get(a), entries.get(b));
            if (overlap != DmnEntry.Overlap.NO) {
              boolean certain = overlap == DmnEntry.Overlap.YES;
              findings.add(workspace.finding(file.path(), rules.get(b).getId(), id(), certain ? Severity.ERROR : Severity.WARNING,
                  "rules '" + rules.get(a).getId() + "' and '" + rules.get(b).getId() + "' "
                      + (certain ? "both match the same inputs" : "may both match the same inputs (an entry is too complex to analyse)")
                      + ": hit policy UNIQUE allows only one"));
            }
          }
        }
      }
    }
    return findings;
  }

  private static List<DmnEntry> entries(Rule rule) {
    List<DmnEntry> entries = new ArrayList<>();
    for (InputEntry entry : rule.getInputEntries()) {
      entries.add(DmnEntry.parse(entry.getText() == null ? "" : entry.getText().getTextContent()));
    }
    return entries;
  }

  private static DmnEntry.Overlap overlap(List<DmnEntry> a, List<DmnEntry> b) {
    DmnEntry.Overlap result = DmnEntry.Overlap.YES;
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      DmnEntry.Overlap input = a.get(i).overlaps(b.get(i));
      if (input == DmnEntry.Overlap.NO) {
        return DmnEntry.Overlap.NO;
      }
      if (input == DmnEntry.Overlap.MAYBE) {
        result = DmnEntry.Overlap.MAYBE;
      }
    }
    return result;
  }
}
