package io.foothold.modelguard;

/**
 * Why a model may not be deployed: the file, the element (the nearest one with an id) and the rule it breaks,
 * in words a designer can act on.
 */
public record ModelProblem(String file, String elementId, Rule rule, String message) {

  /** The two rules, by the ids the linter reports them under. */
  public enum Rule {
    /** Expressions call only what playbooks contribute: variables, contributed beans, simple facts about the step. */
    CONTRIBUTED_BEANS_ONLY("expressions-call-contributed-beans"),
    /** No scripts of any language, no Java classes named in the model, no CMMN. */
    NO_SCRIPTS("no-scripts");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  @Override
  public String toString() {
    return file + (elementId == null ? "" : " [" + elementId + "]") + ": " + rule.id() + ": " + message;
  }
}
