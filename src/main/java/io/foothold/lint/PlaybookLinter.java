package io.foothold.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.foothold.lint.rules.CalledElementExistsRule;
import io.foothold.lint.rules.DiagramInterchangeRule;
import io.foothold.lint.rules.DmnGapsRule;
import io.foothold.lint.rules.DmnOverlapRule;
import io.foothold.lint.rules.FileOutsidePlaybookRule;
import io.foothold.lint.rules.FormComponentSupportedRule;
import io.foothold.lint.rules.FormExistsRule;
import io.foothold.lint.rules.FormParseRule;
import io.foothold.lint.rules.HistoryTimeToLiveRule;
import io.foothold.lint.rules.LabellingWordsRule;
import io.foothold.lint.rules.ModelReachRules;
import io.foothold.lint.rules.ModelParseRule;
import io.foothold.lint.rules.ReadableIdsRule;
import io.foothold.lint.rules.VariableProvidedRule;

/**
 * Checks playbooks the way Foothold, the engine, Tasklist and Camunda Modeler will see them, without Spring:
 * from tests, from the deployer and from {@code java -jar foothold.jar lint}.
 */
public final class PlaybookLinter {

  public static final List<LintRule> RULES = List.of(
      new FileOutsidePlaybookRule(),
      new ModelParseRule(),
      new FormParseRule(),
      new FormExistsRule(),
      new VariableProvidedRule(),
      new CalledElementExistsRule(),
      new DiagramInterchangeRule(),
      new ReadableIdsRule(),
      new HistoryTimeToLiveRule(),
      new DmnGapsRule(),
      new DmnOverlapRule(),
      new FormComponentSupportedRule(),
      new LabellingWordsRule(),
      ModelReachRules.contributedBeansOnly(),
      ModelReachRules.noScripts());

  private static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Finding::line, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Finding::rule);

  private PlaybookLinter() {
  }

  /** Every finding of every rule, ordered by file and line. */
  public static List<Finding> lint(LintInput input) {
    return lint(new LintWorkspace(input));
  }

  /** Every finding of every rule on a workspace already built (its files parsed once, perhaps from a cache). */
  public static List<Finding> lint(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintRule rule : RULES) {
      findings.addAll(rule.check(workspace));
    }
    findings.sort(ORDER);
    return findings;
  }
}
