package io.foothold.privacy;

import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Runs inside every command context (after Camunda's context interceptor, wherever other interceptors sit): makes
 * sure {@link PrivateNoteCapture} sees the context close, and hands the case's notes to their owner with a task's
 * form variables. Registering is idempotent per context, so nested commands add nothing.
 */
final class PrivateNotesInterceptor extends CommandInterceptor {

  private final PrivateNoteCapture capture;

  PrivateNotesInterceptor(PrivateNoteCapture capture) {
    this.capture = capture;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      context.registerCommandContextListener(capture);
    }
    T result = next.execute(command);
    if (context != null && command instanceof GetTaskFormVariablesCmd formVariables && result instanceof VariableMap variables) {
      PrivateNotesForOwner.addTo(variables, formVariables.resourceId, formVariables.formVariableNames, context);
    }
    return result;
  }
}
