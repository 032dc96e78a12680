package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;
import io.foothold.modelguard.ModelCheck;
import io.foothold.modelguard.ModelProblem;

/**
 * The engine's deployment check ({@link ModelCheck}) as lint rules, so designers see before they save what the
 * engine would refuse: expressions that call anything but contributed beans, and scripts.
 */
public final class ModelReachRules implements LintRule {

  private final ModelProblem.Rule rule;

  private ModelReachRules(ModelProblem.Rule rule) {
    this.rule = rule;
  }

  /** "expressions-call-contributed-beans": variables, contributed beans and simple facts about the step only. */
  public static LintRule contributedBeansOnly() {
    return new ModelReachRules(ModelProblem.Rule.CONTRIBUTED_BEANS_ONLY);
  }

  /** "no-scripts": no script tasks, script listeners, inline scripts, script conditions or non-FEEL decisions. */
  public static LintRule noScripts() {
    return new ModelReachRules(ModelProblem.Rule.NO_SCRIPTS);
  }

  @Override
  public String id() {
    return rule.id();
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<String> paths = new ArrayList<>();
    workspace.bpmns().forEach(file -> paths.add(file.path()));
    workspace.dmns().forEach(file -> paths.add(file.path()));
    List<Finding> findings = new ArrayList<>();
    for (String path : paths) {
      for (ModelProblem problem : workspace.modelProblems(path)) {
        if (problem.rule() == rule) {
          findings.add(workspace.finding(path, problem.elementId(), id(), Severity.ERROR, problem.message()));
        }
      }
    }
    return findings;
  }
}
