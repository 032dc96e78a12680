package io.foothold.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * Requests an attacker's test sent that once answered 500 (and their close relatives): each is the caller's mistake
 * and must answer its 4xx with a message that says what was wrong, never a server error. A new row for every such
 * request found keeps it that way.
 *
 * <p>{@code {case}} in a path is a recovery arc maya opened for lea just before the row, {@code {task}} its open
 * calm-debrief task.
 */
@FootholdSpringTest
class HostileRequestsTest {

  static final String UNKNOWN = "4711-no-such-id";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate web;
  @Autowired TaskService tasks;

  /** One hostile request: who sends it, what, and the status it must answer. */
  record Hostile(String name, String who, HttpMethod method, String path, MediaType type, Object body, int status) {

    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("requests")
  void answersA4xxWithAMessageNeverA500(Hostile request) throws Exception {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CalmDebrief").singleResult().getId();

    ResponseEntity<String> response = send(request, caseId, taskId);

    String answer = response.getStatusCode().value() + " " + response.getBody();
    assertThat(response.getStatusCode().is5xxServerError()).as("%s answered a server error: %s", request, answer).isFalse();
    assertThat(response.getStatusCode().value()).as("%s: %s", request, answer).isEqualTo(request.status());
    assertThat(messageOf(response.getBody())).as("%s: the message", request).isNotBlank();
  }

  static Stream<Hostile> requests() {
    List<Hostile> rows = new ArrayList<>();
    String rest = "/engine-rest";
    // Unknown ids: 404 wherever the engine looks something up by id.
    rows.add(get("task variables of an unknown task", "maya", rest + "/task/" + UNKNOWN + "/variables", 404));
    rows.add(get("local variables of an unknown task", "maya", rest + "/task/" + UNKNOWN + "/localVariables", 404));
    rows.add(get("identity links of an unknown task", "maya", rest + "/task/" + UNKNOWN + "/identity-links", 404));
    rows.add(json("claim an unknown task", "maya", HttpMethod.POST, rest + "/task/" + UNKNOWN + "/claim", Map.of("userId", "maya"), 404));
    rows.add(json("unclaim an unknown task", "maya", HttpMethod.POST, rest + "/task/" + UNKNOWN + "/unclaim", Map.of(), 404));
    rows.add(json("assign an unknown task", "maya", HttpMethod.POST, rest + "/task/" + UNKNOWN + "/assignee", Map.of("userId", "maya"), 404));
    rows.add(json("add an identity link to an unknown task", "maya", HttpMethod.POST, rest + "/task/" + UNKNOWN + "/identity-links",
        Map.of("userId", "maya", "type", "candidate"), 404));
    rows.add(get("variables of an unknown case", "maya", rest + "/process-instance/" + UNKNOWN + "/variables", 404));
    rows.add(get("one variable of an unknown case", "maya", rest + "/process-instance/" + UNKNOWN + "/variables/x", 404));
    rows.add(get("variables of an unknown execution", "maya", rest + "/execution/" + UNKNOWN + "/localVariables", 404));
    // Operations the engine refuses for the state the case is in.
    rows.add(json("delete a task that belongs to a running case (admin)", "admin", HttpMethod.DELETE, rest + "/task/{task}", null, 400));
    // People never delete tasks (forms.PersonWriteGuard): refused before the engine looks at the case's state.
    rows.add(json("delete a task of the manager's own case", "maya", HttpMethod.DELETE, rest + "/task/{task}", null, 403));
    rows.add(json("evaluate conditions without any variable", "maya", HttpMethod.POST, rest + "/condition", Map.of(), 400));
    rows.add(json("evaluate conditions with one variable", "admin", HttpMethod.POST, rest + "/condition",
        Map.of("variables", Map.of("x", Map.of("value", 1))), 400));
    // Variables: names and types the engine cannot store.
    rows.add(json("a variable name of 5,000 characters", "admin", HttpMethod.POST, rest + "/process-instance/{case}/variables",
        Map.of("modifications", Map.of("n".repeat(5000), Map.of("value", "x", "type", "String"))), 400));
    rows.add(json("an Xml variable", "admin", HttpMethod.PUT, rest + "/process-instance/{case}/variables/doc",
        Map.of("value", "<a>b</a>", "type", "Xml"), 400));
    rows.add(json("an Xml variable that is no XML", "admin", HttpMethod.PUT, rest + "/process-instance/{case}/variables/doc",
        Map.of("value", "<a>", "type", "Xml"), 400));
    // Deployments: models that do not parse.
    rows.add(deployment("a malformed BPMN deployment", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process", 400));
    rows.add(deployment("a BPMN deployment with a DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " targetNamespace=\"x\"><process id=\"p\" isExecutable=\"true\"><startEvent id=\"s\" name=\"&lol2;\"/></process></definitions>", 400));
    // Requests the engine checks only by failing (found by security/surface/RestSurfaceTest).
    rows.add(json("set a job's retries with an empty body", "admin", HttpMethod.PUT, rest + "/job/" + UNKNOWN + "/retries", Map.of(), 400));
    rows.add(json("create an authorization with an empty body", "admin", HttpMethod.POST, rest + "/authorization/create", Map.of(), 400));
    rows.add(json("create a group without an id", "admin", HttpMethod.POST, rest + "/group/create", Map.of(), 400));
    rows.add(json("update a profile without an id", "maya", HttpMethod.PUT, rest + "/user/maya/profile", Map.of(), 400));
    rows.add(json("update a group without an id", "admin", HttpMethod.PUT, rest + "/group/teamMaya", Map.of(), 400));
    rows.add(json("delete cases by an empty list of ids", "admin", HttpMethod.POST, rest + "/process-instance/delete",
        Map.of("processInstanceIds", List.of()), 400));
    rows.add(get("a job query with an id and a list of ids", "admin", rest + "/job?jobId=" + UNKNOWN + "&jobIds=" + UNKNOWN, 400));
    rows.add(json("a case query with contradicting options", "maya", HttpMethod.POST, rest + "/process-instance",
        Map.of("rootProcessInstances", true, "superProcessInstance", UNKNOWN), 400));
    rows.add(json("history variables queried by an object value", "hana", HttpMethod.POST, rest + "/history/variable-instance",
        Map.of("variableValues", List.of(Map.of("name", "x", "operator", "eq", "value", Map.of("a", 1)))), 400));
    rows.add(json("complete an external task without a worker", "maya", HttpMethod.POST, rest + "/external-task/" + UNKNOWN + "/complete",
        Map.of(), 400));
    // Foothold's API.
    rows.add(get("the last page an int can name", "hana", "/api/audit/cases?page=2147483647&size=500", 400));
    rows.add(get("the read log's last page an int can name", "hana", "/api/audit/read-log?page=2147483647&size=500", 400));
    return rows.stream();
  }

  private ResponseEntity<String> send(Hostile request, String caseId, String taskId) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(request.who(), "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (request.type() != null) {
      headers.setContentType(request.type());
    }
    String path = request.path().replace("{case}", caseId).replace("{task}", taskId);
    Object body = MediaType.APPLICATION_JSON.equals(request.type()) && request.body() != null
        ? JSON.writeValueAsString(request.body()) : request.body();
    return web.exchange(path, request.method(), new HttpEntity<>(body, headers), String.class);
  }

  private static String messageOf(String body) {
    try {
      JsonNode tree = JSON.readTree(body == null ? "" : body);
      return tree == null ? "" : tree.path("message").asText("");
    } catch (Exception notJson) {
      return "";
    }
  }

  private static Hostile get(String name, String who, String path, int status) {
    return new Hostile(name, who, HttpMethod.GET, path, null, null, status);
  }

  private static Hostile json(String name, String who, HttpMethod method, String path, Object body, int status) {
    return new Hostile(name, who, method, path, MediaType.APPLICATION_JSON, body, status);
  }

  private static Hostile deployment(String name, String bpmn, int status) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "hostile");
    parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "hostile.bpmn";
      }
    });
    return new Hostile(name, "dana", HttpMethod.POST, "/engine-rest/deployment/create", MediaType.MULTIPART_FORM_DATA, parts, status);
  }
}
