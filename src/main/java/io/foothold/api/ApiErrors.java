package io.foothold.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns the request mistakes Spring MVC detects before a controller runs (a parameter of the wrong type, a missing
 * parameter, an unreadable body, a content type or method the endpoint does not take) and the statuses controllers
 * throw into the same body the audit API uses for its own checks: {"message": …, "field": …}. Spring's default
 * answer has the right status but says nothing about what was wrong.
 */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "a different value" : describe(e.getRequiredType());
    return problem(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + " must be " + expected + ", not '" + e.getValue() + "'");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + " is required");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream().map(ApiErrors::pathPart).collect(Collectors.joining("."));
      return problem(HttpStatus.BAD_REQUEST, field, field + " has the wrong type or form: " + mapping.getOriginalMessage());
    }
    String why = e.getCause() instanceof JsonMappingException json ? ": " + json.getOriginalMessage() : "";
    return problem(HttpStatus.BAD_REQUEST, "body", "The request body is not readable JSON" + why);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> contentType(HttpMediaTypeNotSupportedException e) {
    String sent = e.getContentType() == null ? "no content type" : "Content-Type " + e.getContentType();
    String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", sent + " is not accepted here; send " + accepted);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    String allowed = e.getSupportedHttpMethods() == null ? "" : "; use " + e.getSupportedHttpMethods().stream()
        .map(Object::toString).collect(Collectors.joining(" or "));
    return problem(HttpStatus.METHOD_NOT_ALLOWED, null, e.getMethod() + " is not supported here" + allowed);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return problem(e.getStatusCode(), null, e.getReason() != null ? e.getReason() : e.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> problem(HttpStatusCode status, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  private static String pathPart(JsonMappingException.Reference reference) {
    return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
  }
}
