package io.foothold.api;

import java.sql.SQLSyntaxErrorException;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine reports caller mistakes as a plain ProcessEngineException or NullValueException, which every REST
 * layer (/engine-rest and the webapps' /camunda/api/engine alike) answers with 500: an id that names nothing, an
 * empty list of ids, a query option that contradicts another, a missing required value, a task deleted while its case
 * runs, a model that is not well-formed XML. Here, where every command passes (and from the REST layers' exception
 * mappers, for what the REST layer builds before any command runs), they become what they are:
 * {@link UnknownIdException} (404) or a {@link BadUserRequestException} (400), with the engine's message or a
 * clearer one.
 *
 * <p>Which exceptions are the caller's: exactly those two classes <em>without a cause</em>, which is how the engine's
 * argument checks ({@code EnsureUtil}, query validation) throw them. Failures inside the engine (a delegate, a
 * listener, a class that cannot be loaded) are wrapped with their cause, and an optimistic-locking conflict or a
 * database error has its own subclass: they stay server errors. One database error is the caller's too: a syntax
 * error in the SQL the engine generated, which only a contradictory combination of query parameters produces (e.g.
 * {@code jobId} together with {@code jobIds}).
 */
final class CallerMistakeTranslator extends CommandInterceptor {

  /** Syntax errors, not missing tables or rights: H2 (42000, 42001) and PostgreSQL (42601). */
  private static final Set<String> SQL_SYNTAX_STATES = Set.of("42000", "42001", "42601");

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      throw translated(e);
    } catch (NullPointerException e) {
      if (command instanceof SaveUserCmd || command instanceof SaveGroupCmd || command instanceof SaveTenantCmd) {
        // The engine checks a saved user's, group's or tenant's id against a pattern without checking it is there
        // (EnsureUtil.ensureWhitelistedResourceId): a body without "id" fails there. Decided by the command, not the
        // stack trace, which the JVM drops from an NPE thrown often at one place.
        throw new BadUserRequestException("A user, group or tenant needs its \"id\" in the request.", e);
      }
      throw e;
    }
  }

  static ProcessEngineException translated(ProcessEngineException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ProcessEnginePersistenceException && causedBySqlSyntax(e)) {
      return new BadUserRequestException("These query parameters cannot be combined (for example an id together with"
          + " a list of ids of the same kind): send one of them.", e);
    }
    boolean argumentCheck = (e.getClass() == ProcessEngineException.class || e.getClass() == NullValueException.class) && e.getCause() == null;
    if (e.getClass() == NullValueException.class && isUnknownId(message)) {
      return new UnknownIdException(message, e);
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
    if (message.startsWith("ENGINE-03076")) {
      return new BadUserRequestException("This deployment still has running cases, so it is kept: " + message, e);
    }
    return argumentCheck ? new BadUserRequestException(message, e) : e;
  }

  private static boolean causedBySqlSyntax(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof SQLSyntaxErrorException syntax && SQL_SYNTAX_STATES.contains(syntax.getSQLState())) {
        return true;
      }
    }
    return false;
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
