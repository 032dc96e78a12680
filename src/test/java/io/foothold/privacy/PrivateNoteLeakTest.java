package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.CookieJar;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.PlantedNote;

/**
 * The attacks that used to work, replayed: every spelling of every read that returns variables (plain, trailing
 * slash, matrix parameters, form variables, the webapps' own API, variable instances by id and by query, history,
 * task lists with their variables, a {@code like} filter guessing the note), by every role. The planted note's
 * secret appears in no answer, except where it belongs: the form variables of the manager's own step.
 */
@FootholdSpringTest
class PrivateNoteLeakTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PEOPLE = List.of("hana", "omar", "lea", "dana", "admin", "maya");
  private static final String REST = "/engine-rest";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired TestRestTemplate web;

  private final HttpClient http = HttpClient.newHttpClient();
  private PlantedNote note;

  @BeforeEach
  void plant() {
    note = PlantedNote.plant(web);
  }

  @Test
  void noSpellingOfAnyVariableReadShowsTheNoteToAnyone() throws Exception {
    assertThat(basic("maya", "GET", REST + "/task/" + note.managerTaskId() + "/form-variables", null).body())
        .as("the secret was planted and its owner reads it: its absence below means something").contains(note.secret());
    List<String> variableIds = variableInstanceIds();
    assertThat(variableIds).as("the case has variables to read by id").isNotEmpty();

    List<String> checked = new ArrayList<>();
    for (String person : PEOPLE) {
      Webapp webapp = Webapp.signIn(http, base(), person);
      for (Request request : requests(variableIds)) {
        for (String prefix : List.of(REST, WEBAPP)) {
          String path = prefix + request.path();
          HttpResponse<String> response = prefix.equals(REST) ? basic(person, request.method(), path, request.body())
              : webapp.send(request.method(), path, request.body());
          boolean ownersForm = person.equals(PlantedNote.MANAGER) && request.path().startsWith("/task/" + note.managerTaskId() + "/form-variables");
          if (!ownersForm) {
            assertThat(response.body()).as(person + " " + request.method() + " " + path + " (" + response.statusCode() + ")")
                .doesNotContain(note.secret());
          }
          checked.add(person + " " + path + " " + response.statusCode());
        }
      }
    }
    assertThat(checked).as("the admin and HR really read the case's variables (so the check is not vacuous)")
        .anyMatch(c -> c.startsWith("admin " + REST + "/variable-instance/") && c.endsWith(" 200"))
        .anyMatch(c -> c.startsWith("hana " + REST + "/task/" + note.hrTaskId() + "/variables") && c.endsWith(" 200"))
        .anyMatch(c -> c.startsWith("hana " + WEBAPP + "/task/" + note.hrTaskId() + "/form-variables") && c.endsWith(" 200"));
  }

  @Test
  void aLikeFilterOnProcessVariablesFindsNoTaskByTheNote() throws Exception {
    String firstCharacter = note.secret().substring(0, 1);
    for (String person : PEOPLE) {
      for (String pattern : List.of("%", firstCharacter + "%", note.secret())) {
        String operator = pattern.contains("%") ? "like" : "eq";
        Map<String, Object> query = Map.of("processInstanceId", note.caseId(),
            "processVariables", List.of(Map.of("name", note.fieldKey(), "operator", operator, "value", pattern)));
        HttpResponse<String> response = basic(person, "POST", REST + "/task?firstResult=0&maxResults=100", query);
        if (response.statusCode() == 200) {
          assertThat(response.body()).as(person + " " + operator + " " + pattern + ": no task matches").isEqualTo("[]");
        }
        assertThat(response.body()).doesNotContain(note.secret());
        HttpResponse<String> count = basic(person, "POST", REST + "/task/count", query);
        if (count.statusCode() == 200) {
          assertThat(JSON.readTree(count.body()).path("count").asInt()).as(person + " count " + pattern).isZero();
        }
      }
    }
  }

  private List<Request> requests(List<String> variableIds) {
    List<Request> requests = new ArrayList<>();
    String caseId = note.caseId();
    for (String task : List.of(note.hrTaskId(), note.managerTaskId())) {
      for (String suffix : List.of("/variables", "/variables/", "/variables;x=1", "/form-variables", "/form-variables/", "/form-variables;x",
          "/form-variables;x=1?deserializeValues=false", "/localVariables", "/variables/" + note.fieldKey(), "/variables/" + note.fieldKey() + "/data",
          "/variables;x=1/" + note.fieldKey(), "")) {
        requests.add(new Request("GET", "/task/" + task + suffix, null));
      }
    }
    for (String suffix : List.of("/variables", "/variables/", "/variables;x=1", "/variables/" + note.fieldKey(), "/variables/" + note.fieldKey() + "/data")) {
      requests.add(new Request("GET", "/process-instance/" + caseId + suffix, null));
    }
    requests.add(new Request("GET", "/execution/" + caseId + "/localVariables", null));
    requests.add(new Request("GET", "/variable-instance?processInstanceIdIn=" + caseId + "&maxResults=100", null));
    requests.add(new Request("GET", "/variable-instance?variableName=" + note.fieldKey() + "&maxResults=100", null));
    requests.add(new Request("GET", "/variable-instance?variableNameLike=privateNote%25&maxResults=100", null));
    requests.add(new Request("POST", "/variable-instance?firstResult=0&maxResults=100", Map.of("processInstanceIdIn", List.of(caseId))));
    for (String id : variableIds) {
      requests.add(new Request("GET", "/variable-instance/" + id, null));
      requests.add(new Request("GET", "/variable-instance/" + id + "?deserializeValue=false", null));
    }
    requests.add(new Request("GET", "/history/variable-instance?processInstanceId=" + caseId + "&maxResults=100", null));
    requests.add(new Request("POST", "/history/variable-instance?firstResult=0&maxResults=100", Map.of("processInstanceId", caseId)));
    requests.add(new Request("GET", "/history/detail?processInstanceId=" + caseId + "&maxResults=100", null));
    requests.add(new Request("GET", "/history/detail?processInstanceId=" + caseId + "&deserializeValues=false&maxResults=100", null));
    requests.add(new Request("GET", "/task?processInstanceId=" + caseId + "&withTaskVariablesInReturn=true&maxResults=100", null));
    requests.add(new Request("GET", "/task?processInstanceId=" + caseId + "&withTaskLocalVariablesInReturn=true&maxResults=100", null));
    requests.add(new Request("POST", "/task?firstResult=0&maxResults=100", Map.of("processInstanceId", caseId, "withTaskVariablesInReturn", true)));
    return requests;
  }

  /** Ids of every variable instance of the case, as the administrator lists them. */
  private List<String> variableInstanceIds() throws IOException, InterruptedException {
    JsonNode list = JSON.readTree(basic("admin", "GET", REST + "/variable-instance?processInstanceIdIn=" + note.caseId() + "&maxResults=500", null).body());
    List<String> ids = new ArrayList<>();
    list.forEach(v -> ids.add(v.path("id").asText()));
    return ids;
  }

  private HttpResponse<String> basic(String user, String method, String path, Object body) throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json");
    return http.send(withBody(request, method, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) throws IOException {
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private record Request(String method, String path, Object body) {
  }

  /** A browser's session in the webapps (session and CSRF cookies), as Tasklist holds it after signing in. */
  private static final class Webapp {

    private final HttpClient http;
    private final String base;
    private final CookieJar cookies = new CookieJar();

    private Webapp(HttpClient http, String base) {
      this.http = http;
      this.base = base;
    }

    static Webapp signIn(HttpClient http, String base, String user) throws IOException, InterruptedException {
      Webapp webapp = new Webapp(http, base);
      webapp.send("GET", "/camunda/app/tasklist/default/", null);
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
      webapp.send(webapp.request("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
      return webapp;
    }

    HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
      return send(withBody(request(path), method, body));
    }

    private HttpRequest.Builder request(String path) {
      return cookies.withCookiesAndCsrfToken(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      return cookies.send(http, request);
    }
  }
}
