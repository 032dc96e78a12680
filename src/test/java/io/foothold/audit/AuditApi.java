package io.foothold.audit;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Foothold's /api as one demo user (HTTP Basic), answers read as JSON trees. */
final class AuditApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;

  private AuditApi(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  static AuditApi as(TestRestTemplate rest, String user) {
    return new AuditApi(rest, user);
  }

  ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("text/csv")));
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  /** GET that must answer 200, as JSON. */
  JsonNode json(String path) {
    ResponseEntity<String> response = get(path);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("GET " + path + " as " + user + " answered " + response.getStatusCode() + " " + response.getBody());
    }
    return parse(response.getBody());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
