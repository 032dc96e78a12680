package io.foothold.lint.rules;

import java.util.List;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/** A BPMN, DMN or seed YAML file that does not parse cannot be deployed or opened; the line comes from the parser. */
public final class ModelParseRule implements LintRule {

  @Override
  public String id() {
    return "model-parse";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    return workspace.parseFailures().stream().filter(f -> f.rule().equals(id()))
        .map(f -> new Finding(f.path(), null, f.line(), id(), Severity.ERROR, f.message())).toList();
  }
}
