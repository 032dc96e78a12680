package io.foothold.lint;

/**
 * One problem in one file: where (file, element id, line when known), which rule found it, how bad it is
 * and what is wrong, in words a designer can act on in Camunda Modeler.
 */
public record Finding(String file, String elementId, Integer line, String rule, Severity severity, String message) {

  /** One line: {@code file:line [element] rule: message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (file != null) {
      s.append(file);
      if (line != null) {
        s.append(':').append(line);
      }
      s.append(' ');
    }
    if (elementId != null) {
      s.append('[').append(elementId).append("] ");
    }
    s.append(rule).append(": ").append(message);
    return s.toString();
  }
}
