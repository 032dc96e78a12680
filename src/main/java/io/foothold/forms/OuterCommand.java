package io.foothold.forms;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Remembers which command a caller handed to the engine from outside, before the engine opens its command context.
 * Commands that a delegate, listener or Foothold's own {@code SystemAccess} run inside that context are the engine's
 * own work, not a person's request. Registered before the engine's interceptors; {@link PersonWriteGuard} asks it.
 */
final class OuterCommand extends CommandInterceptor {

  private static final ThreadLocal<Command<?>> OUTER = new ThreadLocal<>();

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Command<?> before = OUTER.get();
    OUTER.set(command);
    try {
      return next.execute(command);
    } finally {
      if (before == null) {
        OUTER.remove();
      } else {
        OUTER.set(before);
      }
    }
  }

  static boolean isOuter(Command<?> command) {
    return OUTER.get() == command;
  }
}
