package io.foothold.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Talks to /engine-rest the way Tasklist does: HTTP Basic as a named user, form values typed as
 * Tasklist types them (checklists as Json, numbers as Integer, checkboxes as Boolean), and every GET asks for
 * one page of at most {@link #PAGE} results, as Tasklist pages its lists: the engine answers 400 to an unbounded
 * list query (query-max-results-limit), so an unpaged GET would test nothing but that refusal.
 */
public final class EngineRest {

  /** Well under the engine's query-max-results-limit; every test's lists are far shorter. */
  public static final int PAGE = 1000;

  private final TestRestTemplate rest;
  private final String user;
  private final String password;

  private EngineRest(TestRestTemplate rest, String user, String password) {
    this.rest = rest;
    this.user = user;
    this.password = password;
  }

  public static EngineRest as(TestRestTemplate rest, String user) {
    return new EngineRest(rest, user, "demo");
  }

  public static EngineRest as(TestRestTemplate rest, String user, String password) {
    return new EngineRest(rest, user, password);
  }

  public ResponseEntity<String> get(String path) {
    return exchange(HttpMethod.GET, paged(path), null);
  }

  public ResponseEntity<String> post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  /** A Foothold API call (outside /engine-rest) as this user. */
  public ResponseEntity<String> getApi(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
  }

  public ResponseEntity<String> exchange(String method, String path, Object body) {
    return exchange(HttpMethod.valueOf(method), path, body);
  }

  /** A Foothold API download (e.g. text/csv) as this user. */
  public ResponseEntity<String> getApi(String path, MediaType accept) {
    HttpHeaders headers = headers();
    headers.setAccept(List.of(accept));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** A Foothold API call (outside /engine-rest) with a JSON body, as this user. */
  public ResponseEntity<String> exchangeApi(String method, String path, Object body) {
    return rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers()), String.class);
  }

  public ResponseEntity<String> exchangePut(String path) {
    return exchange(HttpMethod.PUT, path, null);
  }

  public ResponseEntity<String> put(String path, Object body) {
    return exchange(HttpMethod.PUT, path, body);
  }

  public List<Map<String, Object>> getList(String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/engine-rest" + paged(path), HttpMethod.GET,
        new HttpEntity<>(headers()), new ParameterizedTypeReference<>() {});
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("GET " + path + " as " + user + " answered " + response.getStatusCode());
    }
    return response.getBody();
  }

  /** Starts a playbook through its start form, as Tasklist's start dialog does. */
  public ResponseEntity<String> submitStartForm(String processKey, Map<String, Object> variables) {
    return post("/process-definition/key/" + processKey + "/submit-form", Map.of("variables", typed(variables)));
  }

  /** Starts a playbook through its start form and answers the new case's process instance id. */
  public String startCase(String processKey, Map<String, Object> variables) {
    ResponseEntity<String> response = submitStartForm(processKey, variables);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(processKey + " was not started for " + user + ": " + response.getStatusCode() + " " + response.getBody());
    }
    return json(response.getBody()).path("id").asText();
  }

  /** A response body read as JSON, e.g. to look at a refusal's message and its violations separately. */
  public static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public ResponseEntity<String> submitTaskForm(String taskId, Map<String, Object> variables) {
    return post("/task/" + taskId + "/submit-form", Map.of("variables", typed(variables)));
  }

  /** The single open task of this instance with this task definition key, as this user sees it. */
  public Map<String, Object> task(String processInstanceId, String taskDefinitionKey) {
    List<Map<String, Object>> tasks = getList("/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskDefinitionKey);
    if (tasks.size() != 1) {
      throw new IllegalStateException("Expected one open " + taskDefinitionKey + " visible to " + user + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public void completeTask(String processInstanceId, String taskDefinitionKey, Map<String, Object> variables) {
    String taskId = (String) task(processInstanceId, taskDefinitionKey).get("id");
    ResponseEntity<String> response = submitTaskForm(taskId, variables);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(taskDefinitionKey + " was rejected: " + response.getBody());
    }
  }

  public static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, typedValue(value)));
    return typed;
  }

  private static Map<String, Object> typedValue(Object value) {
    Map<String, Object> typed = new LinkedHashMap<>();
    if (value instanceof List<?> list) {
      typed.put("type", "Json");
      typed.put("value", toJsonArray(list));
    } else {
      typed.put("value", value);
    }
    return typed;
  }

  private static String toJsonArray(List<?> list) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(list.get(i)).append('"');
    }
    return json.append(']').toString();
  }

  /** The path asking for the first page (ignored by single-resource GETs); a path naming its own page is kept. */
  static String paged(String path) {
    if (path.contains("maxResults=")) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + "maxResults=" + PAGE;
  }

  private ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
    return rest.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers()), String.class);
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return headers;
  }
}
