package io.foothold.api;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine reports some caller mistakes as a plain ProcessEngineException or NullValueException, which every REST
 * layer (/engine-rest and the webapps' /camunda/api/engine alike) answers with 500: an id that names nothing, a task
 * deleted while its case runs, a model that is not well-formed XML, a condition no playbook waits for, a variable type this engine cannot store. Here,
 * where every command passes, they become what they are: {@link UnknownIdException} (a 404 on /engine-rest) or a
 * {@link BadUserRequestException} (400) with a message that says what to do instead.
 *
 * <p>Only exceptions of exactly those two classes are looked at, so an optimistic-locking conflict, a database
 * error or a failing delegate (their own subclasses) stays a server error.
 */
final class CallerMistakeTranslator extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      throw translated(e);
    }
  }

  static ProcessEngineException translated(ProcessEngineException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e.getClass() == NullValueException.class && isUnknownId(message)) {
      return new UnknownIdException(message, e);
    }
    if (e.getClass() != ProcessEngineException.class) {
      return e;
    }
    if (message.startsWith("The task cannot be deleted because is part of a running process")) {
      return new BadUserRequestException("This task belongs to a running case and cannot be deleted: it ends when it is"
          + " completed through its form, or when the case ends.", e);
    }
    if (message.startsWith("ENGINE-13043")) {
      return new BadUserRequestException("No playbook starts on a condition, so there is nothing to evaluate: start a"
          + " playbook through its start form.", e);
    }
    if (message.startsWith("ENGINE-09003")) {
      // "Could not parse '<resource>'. <why>": malformed XML, or a DOCTYPE (refused against entity expansion).
      return new BadUserRequestException("The model is not deployed: " + message, e);
    }
    if (message.startsWith("Cannot find serializer for value")) {
      return new BadUserRequestException("This variable type cannot be stored here: send String, Boolean, Integer, Long,"
          + " Double, Date or Json (" + message + ")", e);
    }
    return e;
  }

  /** The engine's messages for a lookup by id that found nothing ("Cannot find task with id …", "execution … doesn't exist"). */
  private static boolean isUnknownId(String message) {
    return message.startsWith("Cannot find ") || message.contains(" doesn't exist");
  }

  /** An id in the request names no task, case, execution or other engine object (or none the caller may see). */
  public static final class UnknownIdException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    UnknownIdException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
