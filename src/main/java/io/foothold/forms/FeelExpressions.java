package io.foothold.forms;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.foothold.forms.schema.FormComponents;

/**
 * Evaluates form-js {@code conditional.hide} expressions with the FEEL engine Camunda already ships
 * (feel-scala, the same one DMN uses), so the server reads conditions exactly like the decisions do.
 * Each expression is parsed once: parsing cost more than the whole validation of a form on every submission,
 * and a deployed form's expressions never change.
 */
final class FeelExpressions {

  private static final Logger LOG = LoggerFactory.getLogger(FeelExpressions.class);

  // Building the engine is costly and it is thread-safe: one per JVM is enough.
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** Parsed expressions by their text; empty when the text does not parse. Forms hold few distinct ones. */
  private static final Map<String, Optional<ParsedExpression>> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 2_000;

  private FeelExpressions() {}

  /**
   * True only when the expression yields boolean true. A broken expression counts as false: the
   * field then stays visible and its rules are enforced (fail safe, never fail open).
   */
  static boolean isTrue(String expression, Map<String, Object> variables) {
    Optional<ParsedExpression> parsed = parsed(expression);
    if (parsed.isEmpty()) {
      return false;
    }
    try {
      EvaluationResult result = FEEL.evaluate(parsed.get(), variables);
      if (result.isFailure()) {
        LOG.warn("Could not evaluate form condition '{}', treating the field as visible: {}", expression, result);
        return false;
      }
      return Boolean.TRUE.equals(result.result());
    } catch (RuntimeException e) {
      LOG.warn("Could not evaluate form condition '{}', treating the field as visible: {}",
          expression, e.getMessage());
      return false;
    }
  }

  /** The number the expression yields, or empty when it yields none (or fails, which is logged). */
  static Optional<BigDecimal> number(String expression, Map<String, Object> variables) {
    Optional<ParsedExpression> parsed = parsed(expression);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    try {
      EvaluationResult result = FEEL.evaluate(parsed.get(), variables);
      if (result.isSuccess() && result.result() instanceof Number number) {
        return Optional.of(new BigDecimal(number.toString()));
      }
      LOG.warn("Form bound '{}' yields no number: {}", expression, result);
    } catch (RuntimeException e) {
      LOG.warn("Could not evaluate form bound '{}': {}", expression, e.getMessage());
    }
    return Optional.empty();
  }

  /** The expression parsed once (cached), or empty when it does not parse. */
  static Optional<ParsedExpression> parsed(String expression) {
    Optional<ParsedExpression> known = PARSED.get(expression);
    if (known != null) {
      return known;
    }
    if (PARSED.size() >= MAX_CACHED) {
      PARSED.clear(); // a safety net for endless redeployments, not a working-set policy
    }
    ParseResult result = FEEL.parseExpression(FormComponents.withoutEqualsSign(expression));
    Optional<ParsedExpression> parsed = result.isSuccess() ? Optional.of(result.parsedExpression()) : Optional.empty();
    if (parsed.isEmpty()) {
      LOG.warn("Could not parse form condition '{}', treating the field as visible: {}", expression, result);
    }
    PARSED.put(expression, parsed);
    return parsed;
  }
}
