package io.foothold.forms;

import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates form-js {@code conditional.hide} expressions with the FEEL engine Camunda already ships
 * (feel-scala, the same one DMN uses), so the server reads conditions exactly like the decisions do.
 */
final class FeelExpressions {

  private static final Logger LOG = LoggerFactory.getLogger(FeelExpressions.class);

  // Building the engine is costly and it is thread-safe: one per JVM is enough.
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  private FeelExpressions() {}

  /** form-js marks expressions with a leading '='; FEEL itself does not know it. */
  static String stripEquals(String expression) {
    String trimmed = expression.trim();
    return trimmed.startsWith("=") ? trimmed.substring(1).trim() : trimmed;
  }

  /**
   * True only when the expression yields boolean true. A broken expression counts as false: the
   * field then stays visible and its rules are enforced (fail safe, never fail open).
   */
  static boolean isTrue(String expression, Map<String, Object> variables) {
    try {
      Object result = FEEL.evaluateSimpleExpression(
          stripEquals(expression), Variables.fromMap(variables).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      LOG.warn("Could not evaluate form condition '{}', treating the field as visible: {}",
          expression, e.getMessage());
      return false;
    }
  }
}
