package io.foothold.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Rethrows a refusal of the given type as it was thrown. The engine wraps exceptions from task listeners in a
 * ProcessEngineException, while the REST layers answer 400 only for an unwrapped FormFieldValidationException and Java
 * callers catch the refusal's own type. Register with {@link CommandInterceptors}: it runs outside the transaction, so
 * the rollback has already happened when it rethrows.
 */
public final class CauseUnwrapper extends CommandInterceptor {

  private final Class<? extends RuntimeException> refusal;

  public CauseUnwrapper(Class<? extends RuntimeException> refusal) {
    this.refusal = refusal;
  }

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      RuntimeException found = find(e);
      throw found != null ? found : e;
    }
  }

  private RuntimeException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (refusal.isInstance(t)) {
        return refusal.cast(t);
      }
    }
    return null;
  }
}
