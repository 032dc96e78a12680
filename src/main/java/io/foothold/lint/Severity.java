package io.foothold.lint;

/** ERROR stops a playbook from being deployed (or the lint command from passing); WARNING is advice. */
public enum Severity {
  ERROR, WARNING
}
