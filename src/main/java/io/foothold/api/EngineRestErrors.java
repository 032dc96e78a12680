package io.foothold.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.foothold.forms.FormRulesViolatedException;
import io.foothold.values.RefusedValueException;

/**
 * The HTTP status of every error the engine's REST layers answer: a caller's mistake is a 4xx that says what was
 * wrong, never a 500. Registered on /engine-rest here and, through {@link WebappEngineApi}, on the webapps' engine
 * API that Tasklist and Cockpit call, so both answer alike. What is the caller's mistake is decided once, in
 * {@link CallerMistakeTranslator}; these mappers apply it where the REST layer catches or wraps the exception.
 */
@Configuration
class EngineRestErrors {

  // Camunda's log code for "Cannot set variable with name …. Java serialization format is prohibited".
  private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  @Bean
  ResourceConfigCustomizer callerMistakeMappers() {
    return config -> config.register(EngineExceptionMapper.class).register(WrappedEngineExceptionMapper.class)
        .register(RejectedValueMapper.class).register(MissingValueMapper.class).register(UnreadableJsonMapper.class)
        .register(UnmappableJsonMapper.class);
  }

  /**
   * An engine exception that reaches the REST layer unwrapped: inside a command (translated there already) or thrown
   * while the REST layer builds a query (not yet).
   */
  @Priority(Priorities.USER - 100)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      ProcessEngineException translated = CallerMistakeTranslator.translated(exception);
      if (translated instanceof NotFoundException) {
        return error(Response.Status.NOT_FOUND, InvalidRequestException.class.getSimpleName(), translated.getMessage());
      }
      return ExceptionHandlerHelper.getInstance().getResponse(translated);
    }
  }

  /**
   * Many endpoints wrap what the engine threw in a RestException with status 500 (e.g. start, signal, trigger a
   * message) or even 400 "Task id is null" for a refusal (attachments); the cause tells what it really was.
   */
  @Priority(Priorities.USER - 100)
  public static class WrappedEngineExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = exception.getCause();
      String message = exception.getMessage();
      if (cause instanceof AuthorizationException refused) {
        return error(Response.Status.FORBIDDEN, AuthorizationException.class.getSimpleName(), refused.getMessage());
      }
      if (cause instanceof FormFieldValidationException rejected) {
        return rejection(rejected);
      }
      if (cause instanceof ProcessEngineException engine) {
        if (engine.getMessage() != null && engine.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
          return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(), message);
        }
        ProcessEngineException translated = CallerMistakeTranslator.translated(engine);
        if (translated instanceof NotFoundException) {
          return error(Response.Status.NOT_FOUND, InvalidRequestException.class.getSimpleName(), message);
        }
        if (translated instanceof BadUserRequestException && (exception.getStatus() == null || exception.getStatus().getStatusCode() >= 500)) {
          return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(), message);
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** A rejected value that reaches the REST layer unwrapped (endpoints that let engine exceptions through). */
  @Priority(Priorities.USER - 100)
  public static class RejectedValueMapper implements ExceptionMapper<FormFieldValidationException> {

    @Override
    public Response toResponse(FormFieldValidationException exception) {
      return rejection(exception);
    }
  }

  /**
   * A required value missing from the request: the REST layer's request objects, or the engine's argument checks,
   * dereference it without looking (e.g. {@code {}} as the body of "set retries", "create authorization", "update
   * group"). Any other NullPointerException is a fault of the server and stays a 500.
   */
  @Priority(Priorities.USER - 100)
  public static class MissingValueMapper implements ExceptionMapper<NullPointerException> {

    @Override
    public Response toResponse(NullPointerException exception) {
      if (!raisedWhileReadingTheRequest(exception)) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(),
          "A value this request needs is missing from it" + (exception.getMessage() == null ? "." : ": " + exception.getMessage()));
    }

    private static boolean raisedWhileReadingTheRequest(NullPointerException exception) {
      for (StackTraceElement frame : exception.getStackTrace()) {
        String type = frame.getClassName();
        if (type.startsWith("java.") || type.startsWith("jdk.")) {
          continue;
        }
        return type.startsWith("org.camunda.bpm.engine.rest.") || type.equals("org.camunda.bpm.engine.impl.util.EnsureUtil");
      }
      return false;
    }
  }

  /** Camunda answers malformed JSON with 400 and an empty message; say what is wrong and where. */
  @Priority(Priorities.USER - 100)
  public static class UnreadableJsonMapper implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
      return unreadable(exception, "");
    }
  }

  /** JSON that parses but does not fit (e.g. "variables" as a string), or ends too early: Camunda's message is empty too. */
  @Priority(Priorities.USER - 100)
  public static class UnmappableJsonMapper implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
      String path = exception.getPath().isEmpty() ? "" : " at " + exception.getPathReference();
      return unreadable(exception, path);
    }
  }

  static Response unreadable(JsonProcessingException exception, String path) {
    JsonLocation where = exception.getLocation();
    String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(),
        "The request body is not valid JSON for this request" + path + at + ": " + exception.getOriginalMessage());
  }

  /**
   * A refused value: the message alone, without the "Cannot submit task form &lt;id&gt;:" Camunda's resources put in
   * front of it (Tasklist shows it to the person as it is), and the broken rules of a refused form or value one by one.
   */
  static Response rejection(FormFieldValidationException rejected) {
    if (rejected instanceof FormRulesViolatedException rules) {
      return badRequest(FormRejectionDto.of(rules));
    }
    if (rejected instanceof RefusedValueException refused) {
      return badRequest(FormRejectionDto.of(refused));
    }
    return error(Response.Status.BAD_REQUEST, FormFieldValidationException.class.getSimpleName(), rejected.getMessage());
  }

  private static Response badRequest(FormRejectionDto rejection) {
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(rejection).build();
  }

  static Response error(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
