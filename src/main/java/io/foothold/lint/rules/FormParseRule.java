package io.foothold.lint.rules;

import java.util.List;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/** A form that is not a JSON object with an "id" cannot be deployed or referenced by a formRef. */
public final class FormParseRule implements LintRule {

  @Override
  public String id() {
    return "form-parse";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    return workspace.parseFailures().stream().filter(f -> f.rule().equals(id()))
        .map(f -> new Finding(f.path(), null, f.line(), id(), Severity.ERROR, f.message())).toList();
  }
}
