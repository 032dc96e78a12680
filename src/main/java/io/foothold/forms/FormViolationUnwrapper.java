package io.foothold.forms;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps exceptions from task listeners in a ProcessEngineException; the REST API maps
 * only an unwrapped FormFieldValidationException to HTTP 400. Runs outside the transaction, so
 * the rollback has already happened when it rethrows.
 */
final class FormViolationUnwrapper extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      FormRulesViolatedException violation = findViolation(e);
      throw violation != null ? violation : e;
    }
  }

  private static FormRulesViolatedException findViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormRulesViolatedException violation) {
        return violation;
      }
    }
    return null;
  }
}
