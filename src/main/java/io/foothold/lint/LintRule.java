package io.foothold.lint;

import java.util.List;

/** One check over the parsed playbooks. Rules are independent and report every problem they see. */
public interface LintRule {

  /** Readable id used in findings, e.g. {@code form-exists}. */
  String id();

  List<Finding> check(LintWorkspace workspace);
}
