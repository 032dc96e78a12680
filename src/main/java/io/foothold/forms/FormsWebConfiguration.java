package io.foothold.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Web wiring of the forms feature: option filling on form downloads, and 4xx (never 500) for rejected submissions
 * and other caller mistakes on /engine-rest.
 */
@Configuration
class FormsWebConfiguration {

  @Bean
  FilterRegistrationBean<FormOptionsWebFilter> formOptionsWebFilter(FormOptionsEnricher enricher, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new FormOptionsWebFilter(enricher, identity));
    registration.setName("foothold-form-options");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After the REST authentication filter, so the signed-in user is known.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  @Bean
  ResourceConfigCustomizer formRejectionMapping() {
    return config -> config.register(FormRejectionMapper.class).register(UnreadableJsonMapper.class)
        .register(UnmappableJsonMapper.class)
        .register(RejectedValueMapper.class);
  }

  /**
   * Camunda's REST layer answers 400 for a rejected form on submit-form and complete, but 500 on
   * /process-definition/.../start and on the variables endpoints; and 500 for a task or instance id that does not
   * exist, or a serialized Java object it refuses. All of them are the caller's mistake wherever they happen.
   */
  @Priority(Priorities.USER - 100)
  public static class FormRejectionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Response mistake = CallerMistakes.response(exception.getCause(), exception.getMessage());
      return mistake != null ? mistake : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** A rejected value that reaches the REST layer unwrapped (endpoints that let engine exceptions through). */
  @Priority(Priorities.USER - 100)
  public static class RejectedValueMapper implements ExceptionMapper<FormFieldValidationException> {

    @Override
    public Response toResponse(FormFieldValidationException exception) {
      return CallerMistakes.response(exception, exception.getMessage());
    }
  }

  /** Camunda answers malformed JSON with 400 and an empty message; say what is wrong and where. */
  @Priority(Priorities.USER - 100)
  public static class UnreadableJsonMapper implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
      return CallerMistakes.unreadable(exception, "");
    }
  }

  /** JSON that parses but does not fit (e.g. "variables" as a string), or ends too early: Camunda's message is empty too. */
  @Priority(Priorities.USER - 100)
  public static class UnmappableJsonMapper implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
      String path = exception.getPath().isEmpty() ? "" : " at " + exception.getPathReference();
      return CallerMistakes.unreadable(exception, path);
    }
  }

  /** Engine exceptions that mean the caller sent something wrong, as the HTTP status that says so. */
  static final class CallerMistakes {

    // Camunda's log code for "Cannot set variable with name …. Java serialization format is prohibited".
    private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    private CallerMistakes() {
    }

    static Response response(Throwable cause, String message) {
      if (cause instanceof AuthorizationException refused) {
        // Some endpoints (e.g. task attachments) wrap every engine exception as 400 "Task id is null".
        return error(Response.Status.FORBIDDEN, AuthorizationException.class.getSimpleName(), refused.getMessage());
      }
      if (cause instanceof FormRulesViolatedException rejected) {
        // The message alone, without the "Cannot submit task form <id>:" Camunda's resources put in front of it:
        // Tasklist shows it to the person as it is.
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new FormRejectionDto(FormFieldValidationException.class.getSimpleName(), rejected.getMessage(),
                rejected.violations())).build();
      }
      if (cause instanceof FormFieldValidationException rejected) {
        return error(Response.Status.BAD_REQUEST, FormFieldValidationException.class.getSimpleName(), rejected.getMessage());
      }
      if (cause instanceof ProcessEngineException engine && engine.getMessage() != null
          && engine.getMessage().startsWith(JAVA_SERIALIZATION_PROHIBITED)) {
        return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(), message);
      }
      // NotFoundException: the engine's own, and the unknown ids io.foothold.api translates NullValueExceptions into.
      if ((cause instanceof NullValueException || cause instanceof NotFoundException) && isUnknownId(cause.getMessage())) {
        return error(Response.Status.NOT_FOUND, InvalidRequestException.class.getSimpleName(), message);
      }
      return null;
    }

    /** The engine's messages for a lookup by id that found nothing ("Cannot find task with id …", "execution … doesn't exist"). */
    private static boolean isUnknownId(String message) {
      return message != null && (message.startsWith("Cannot find ") || message.contains(" doesn't exist"));
    }

    static Response unreadable(JsonProcessingException exception, String path) {
      JsonLocation where = exception.getLocation();
      String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      return error(Response.Status.BAD_REQUEST, InvalidRequestException.class.getSimpleName(),
          "The request body is not valid JSON for this request" + path + at + ": " + exception.getOriginalMessage());
    }

    static Response error(Response.Status status, String type, String message) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(type);
      dto.setMessage(message);
      return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
