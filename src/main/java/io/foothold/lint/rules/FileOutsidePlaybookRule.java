package io.foothold.lint.rules;

import java.util.List;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * A model, form or seed outside any playbook folder (e.g. {@code processes/x.bpmn} instead of
 * {@code processes/<playbook>/x.bpmn}) is never deployed and no other rule looks at it: say so instead of passing it.
 */
public final class FileOutsidePlaybookRule implements LintRule {

  @Override
  public String id() {
    return "file-outside-playbook";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    return workspace.outsidePlaybooks().stream()
        .map(path -> workspace.finding(path, null, id(), Severity.WARNING,
            "this file is not inside a playbook folder, so Foothold never deploys or checks it; move it to "
                + "processes/<playbook>/, forms/<playbook>/ or seeds/<playbook>/"))
        .toList();
  }
}
