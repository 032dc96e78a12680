package io.foothold.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * Bad input everywhere: every row sends one kind of wrong request (malformed JSON, a wrong content type, a value of
 * the wrong type, too long, unknown keys and ids, serialized Java objects...) to a start form, a task form, a
 * variables endpoint or Foothold's own API. Each must answer the row's 4xx with a message that says what was wrong
 * (field and rule where one applies), never a 5xx, and write nothing at all (see {@link WriteSnapshot}): the target
 * case keeps its variables and its task stays open.
 *
 * <p>Placeholders in paths and bodies: {@code {case}} is a recovery arc maya opened for lea just before the row,
 * {@code {task}} its open calm-debrief task.
 */
@FootholdSpringTest
class BadInputMatrixTest {

  static final int CAP = 4000;
  static final String UNKNOWN_ID = "4711-no-such-id";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  /** One bad request and what it must answer. */
  record Row(String category, String name, String who, HttpMethod method, String path, MediaType contentType, String body,
      int status, List<String> phrases) {

    @Override
    public String toString() {
      return category + ": " + name;
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rows")
  void isRefusedWithAClearMessageAndWritesNothing(Row row) {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    String taskId = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CalmDebrief").singleResult().getId();
    WriteSnapshot before = WriteSnapshot.take(jdbc, runtime, tasks, caseId, taskId);

    ResponseEntity<String> response = send(row, caseId, taskId);

    String answer = response.getStatusCode().value() + " " + response.getBody();
    assertThat(response.getStatusCode().is5xxServerError()).as("%s answered a server error: %s", row, answer).isFalse();
    assertThat(response.getStatusCode().value()).as("%s: %s", row, answer).isEqualTo(row.status());
    for (String phrase : row.phrases()) {
      assertThat(response.getBody()).as("%s: the message names %s", row, phrase).containsIgnoringCase(phrase);
    }
    WriteSnapshot.take(jdbc, runtime, tasks, caseId, taskId).assertNothingWrittenSince(before, row.toString());
  }

  /** The other side of the cap: a value of exactly the cap is stored, and script text is stored as it was sent. */
  @org.junit.jupiter.api.Test
  void textAtTheCapAndScriptTextAreStoredVerbatim() {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    EngineRest admin = EngineRest.as(web, "admin");
    String atTheCap = "z".repeat(CAP);
    String script = "<img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script>";

    assertThat(admin.put("/process-instance/" + caseId + "/variables/note", typed(atTheCap, "String")).getStatusCode().value()).isEqualTo(204);
    assertThat(admin.put("/process-instance/" + caseId + "/variables/script", typed(script, "String")).getStatusCode().value()).isEqualTo(204);

    assertThat(runtime.getVariable(caseId, "note")).isEqualTo(atTheCap);
    assertThat(runtime.getVariable(caseId, "script")).isEqualTo(script);
  }

  private ResponseEntity<String> send(Row row, String caseId, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(row.who(), "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("text/csv")));
    if (row.contentType() != null) {
      headers.setContentType(row.contentType());
    }
    String path = row.path().replace("{case}", caseId).replace("{task}", taskId);
    String body = row.body() == null ? null : row.body().replace("{case}", caseId).replace("{task}", taskId);
    return web.exchange(path, row.method(), new HttpEntity<>(body, headers), String.class);
  }

  // ------------------------------------------------------------------------------------------------ the matrix

  static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    startForms(rows);
    taskForms(rows);
    variablesEndpoints(rows);
    auditApi(rows);
    playbookApi(rows);
    return rows.stream();
  }

  private static final String RECOVERY_START = "/engine-rest/process-definition/key/RecoveryArc/submit-form";
  private static final String MICRO_FAILURE_START = "/engine-rest/process-definition/key/MicroFailure/submit-form";
  private static final String MICRO_CONFIDENCE_START = "/engine-rest/process-definition/key/MicroConfidenceLoop/start";
  private static final String RAISE_CONCERN_START = "/engine-rest/process-definition/key/RaiseConcern/submit-form";

  private static void startForms(List<Row> rows) {
    String c = "start form";
    rows.add(post(c, "malformed JSON", "maya", RECOVERY_START, "{\"variables\": {\"employeeId\": {\"value\": \"lea\"", 400, "json"));
    rows.add(new Row(c, "text/plain instead of JSON", "maya", HttpMethod.POST, RECOVERY_START, MediaType.TEXT_PLAIN,
        "employeeId=lea", 415, List.of()));
    rows.add(post(c, "no \"variables\" at all", "maya", RECOVERY_START, "{}", 400, "employeeId", "required"));
    rows.add(post(c, "\"variables\" is a string", "maya", RECOVERY_START, "{\"variables\": \"lea\"}", 400));
    rows.add(post(c, "required field sent as null", "maya", RECOVERY_START,
        variables(recoveryStart(), "employeeId", typed(null, null)), 400, "employeeId", "required"));
    rows.add(post(c, "array where a single option is expected", "maya", RECOVERY_START,
        variables(recoveryStart(), "employeeId", typed(List.of("lea", "sam"), null)), 400, "employeeId", "single value"));
    rows.add(post(c, "one character over the form's maxLength", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentSummary", typed("x".repeat(2001), "String")), 400, "incidentSummary", "at most 2000"));
    rows.add(post(c, "1 MB of text", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentSummary", typed("x".repeat(1 << 20), "String")), 400, "incidentSummary", String.valueOf(CAP)));
    rows.add(post(c, "an extra variable beside the form, one character over the text cap", "maya", RECOVERY_START,
        variables(recoveryStart(), "extraNote", typed("y".repeat(CAP + 1), "String")), 400, "extraNote", "not a field"));
    rows.add(post(c, "Date \"31/02/2026\" as a Date", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentDate", typed("31/02/2026", "Date")), 400, "31/02/2026", "Date"));
    rows.add(post(c, "date \"2026-02-31\" as text in a date field", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentDate", typed("2026-02-31", "String")), 400, "incidentDate", "date"));
    rows.add(post(c, "option that is not offered (script text)", "maya", RECOVERY_START,
        variables(recoveryStart(), "visibility", typed("<script>alert(1)</script>", "String")), 400, "visibility", "one of"));
    rows.add(post(c, "NUL and control characters in text", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentSummary", typed("Demo stalled \u0000\u0007 on stage today.", "String")), 400,
        "incidentSummary", "control character"));
    rows.add(post(c, "deeply nested JSON", "maya", RECOVERY_START,
        "{\"variables\": {\"incidentSummary\": {\"value\": " + "[".repeat(5000) + "]".repeat(5000) + "}}}", 400));
    rows.add(post(c, "serialized Java object", "maya", RECOVERY_START,
        variables(recoveryStart(), "incidentSummary", javaSerialized()), 400, "incidentSummary", "serialization"));
    rows.add(post(c, "JSON object of a class that is no plain value", "maya", RECOVERY_START,
        variables(recoveryStart(), "signalsObserved", jsonObject("java.lang.ProcessBuilder", "{\"command\": [\"id\"]}")), 400, "signalsObserved", "Object"));
    rows.add(post(c, "unknown process key (submit-form)", "maya", "/engine-rest/process-definition/key/NoSuchPlaybook/submit-form",
        variables(recoveryStart()), 404, "NoSuchPlaybook"));
    rows.add(post(c, "unknown process key (start)", "maya", "/engine-rest/process-definition/key/NoSuchPlaybook/start",
        variables(recoveryStart()), 404, "NoSuchPlaybook"));

    rows.add(post(c, "MicroFailure: text one over the form's maxLength", "omar", MICRO_FAILURE_START,
        variables(microFailureStart(), "whatHasBeenHappening", typed("x".repeat(2001), "String")), 400, "whatHasBeenHappening", "at most 2000"));
    rows.add(post(c, "MicroFailure: Json that is not JSON", "omar", MICRO_FAILURE_START,
        variables(microFailureStart(), "signalsObserved", typed("[\"reassurance-requests\"", "Json")), 400, "signalsObserved", "JSON"));
    rows.add(post(c, "MicroFailure: a type Camunda does not know", "omar", MICRO_FAILURE_START,
        variables(microFailureStart(), "mainDriver", typed("workload-fatigue", "Gibberish")), 400, "Gibberish"));
    rows.add(post(c, "MicroFailure: unknown option in a checklist", "omar", MICRO_FAILURE_START,
        variables(microFailureStart(), "likelyDrivers", typed("[\"workload-fatigue\", \"not-a-driver\"]", "Json")), 400, "likelyDrivers", "one of"));

    rows.add(post(c, "MicroConfidenceLoop: Integer sent \"abc\"", "maya", MICRO_CONFIDENCE_START,
        variables(microConfidenceStart(), "loopWeeks", typed("abc", "Integer")), 400, "'abc'", "Integer"));
    rows.add(post(c, "MicroConfidenceLoop: Boolean sent \"yes\"", "maya", MICRO_CONFIDENCE_START,
        variables(microConfidenceStart(), "seriousSignal", typed("yes", "Boolean")), 400, "'yes'", "Boolean"));
    rows.add(post(c, "MicroConfidenceLoop: number field sent text", "maya", MICRO_CONFIDENCE_START,
        variables(microConfidenceStart(), "loopWeeks", typed("three", "String")), 400, "loopWeeks", "number"));
    rows.add(post(c, "MicroConfidenceLoop: array where text is expected", "maya", MICRO_CONFIDENCE_START,
        variables(microConfidenceStart(), "confidenceArea", typed(List.of("a", "b"), null)), 400, "confidenceArea", "text"));

    rows.add(post(c, "RaiseConcern: a case that is not the manager's", "maya", RAISE_CONCERN_START,
        variables(raiseConcern(UNKNOWN_ID)), 400, "caseId", "one of"));
    rows.add(post(c, "RaiseConcern: 1 MB note", "maya", RAISE_CONCERN_START,
        variables(raiseConcern("{case}"), "seriousSignalNote", typed("n".repeat(1 << 20), "String")), 400, "seriousSignalNote", String.valueOf(CAP)));
    rows.add(post(c, "RaiseConcern: required kinds sent as null", "maya", RAISE_CONCERN_START,
        variables(raiseConcern("{case}"), "seriousSignalKinds", typed(null, "Json")), 400, "seriousSignalKinds", "required"));
  }

  private static void taskForms(List<Row> rows) {
    String c = "task form";
    String submit = "/engine-rest/task/{task}/submit-form";
    String complete = "/engine-rest/task/{task}/complete";
    rows.add(post(c, "malformed JSON", "maya", submit, "{\"variables\": [", 400, "json"));
    rows.add(new Row(c, "XML instead of JSON", "maya", HttpMethod.POST, complete, MediaType.APPLICATION_XML,
        "<variables/>", 415, List.of()));
    rows.add(post(c, "no \"variables\" at all", "maya", submit, "{}", 400, "debriefWhatHappened", "required"));
    rows.add(post(c, "complete without the form", "maya", complete, "{\"variables\": {}}", 400, "debriefWhatHappened", "required"));
    rows.add(post(c, "one character over the form's maxLength", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "debriefWhatHappened", typed("x".repeat(2001), "String")), 400, "debriefWhatHappened", "at most 2000"));
    rows.add(post(c, "1 MB of text", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "debriefKnown", typed("x".repeat(1 << 20), "String")), 400, "debriefKnown", String.valueOf(CAP)));
    rows.add(post(c, "an extra variable beside the form, one character over the text cap", "maya", complete,
        variables(RecoveryArcForms.calmDebrief(), "extraNote", typed("y".repeat(CAP + 1), "String")), 400, "extraNote", "not a field"));
    rows.add(post(c, "array where text is expected", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "technicalFix", typed(List.of("a", "b"), null)), 400, "technicalFix", "text"));
    rows.add(post(c, "Json that is not JSON", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "nearbyPatternsToConsider", typed("[after-action-review", "Json")), 400, "nearbyPatternsToConsider", "JSON"));
    rows.add(post(c, "Boolean sent \"yes\"", "maya", complete,
        variables(RecoveryArcForms.calmDebrief(), "seriousSignal", typed("yes", "Boolean")), 400, "'yes'", "Boolean"));
    rows.add(post(c, "checkbox sent as text \"yes\"", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "seriousSignal", typed("yes", "String")), 400, "seriousSignal", "true or false"));
    rows.add(post(c, "control characters in a private note", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "privateNoteDebrief", typed("note\u0000\u001b[31m", "String")), 400, "privateNoteDebrief", "control character"));
    rows.add(post(c, "unpaired surrogate in text", "maya", submit,
        variables(RecoveryArcForms.calmDebrief(), "debriefUnknown", typed("broken \ud800 text", "String")), 400, "debriefUnknown", "surrogate"));
    rows.add(post(c, "serialized Java object", "maya", complete,
        variables(RecoveryArcForms.calmDebrief(), "behaviourFeedback", javaSerialized()), 400, "behaviourFeedback", "serialization"));
    rows.add(post(c, "unknown task id (submit-form)", "maya", "/engine-rest/task/" + UNKNOWN_ID + "/submit-form",
        variables(RecoveryArcForms.calmDebrief()), 404, UNKNOWN_ID));
    rows.add(post(c, "unknown task id (complete)", "maya", "/engine-rest/task/" + UNKNOWN_ID + "/complete",
        variables(RecoveryArcForms.calmDebrief()), 404, UNKNOWN_ID));
    rows.add(post(c, "another manager's task", "omar", submit, variables(RecoveryArcForms.calmDebrief()), 403));
  }

  private static void variablesEndpoints(List<Row> rows) {
    String c = "variables";
    String instance = "/engine-rest/process-instance/{case}/variables";
    String task = "/engine-rest/task/{task}/variables";
    // Managers may not write a case's variables directly (only through its forms); an administrator may, so the
    // input limits are shown on the administrator's writes.
    rows.add(put(c, "PUT one variable over the text cap", "admin", instance + "/note",
        json(typed("y".repeat(CAP + 1), "String")), 400, "note", String.valueOf(CAP)));
    rows.add(put(c, "PUT one variable of 1 MB", "admin", instance + "/note", json(typed("y".repeat(1 << 20), null)), 400, "note", String.valueOf(CAP)));
    rows.add(post(c, "POST modifications with one value over the cap", "admin", instance,
        json(Map.of("modifications", Map.of("fine", typed("short", "String"), "note", typed("y".repeat(CAP + 1), "String")))), 400, "note", String.valueOf(CAP)));
    rows.add(post(c, "POST modifications as malformed JSON", "admin", instance, "{\"modifications\": {\"note\": ", 400, "json"));
    rows.add(post(c, "POST modifications that are a list", "admin", instance, "{\"modifications\": [\"note\"]}", 400));
    rows.add(put(c, "PUT Integer sent \"abc\"", "admin", instance + "/count", json(typed("abc", "Integer")), 400, "count", "'abc'"));
    rows.add(put(c, "PUT Date \"31/02/2026\"", "admin", instance + "/when", json(typed("31/02/2026", "Date")), 400, "when", "31/02/2026"));
    rows.add(put(c, "PUT a type Camunda does not know", "admin", instance + "/odd", json(typed("x", "Gibberish")), 400, "Gibberish"));
    rows.add(put(c, "PUT a serialized Java object", "admin", instance + "/obj", json(javaSerialized()), 400, "obj", "serialization"));
    rows.add(put(c, "PUT a JSON object of a class that is no plain value", "admin", instance + "/obj",
        json(jsonObject("java.net.URL", "\"http://127.0.0.1/\"")), 400, "obj", "Object"));
    rows.add(put(c, "PUT Json that is not JSON", "admin", instance + "/list", json(typed("{\"a\": ", "Json")), 400, "list", "JSON"));
    rows.add(put(c, "PUT Json nested 500 deep", "admin", instance + "/deep",
        json(typed("[".repeat(500) + "]".repeat(500), "Json")), 400, "deep", "nesting"));
    rows.add(put(c, "PUT on an unknown case", "maya", "/engine-rest/process-instance/" + UNKNOWN_ID + "/variables/note",
        json(typed("short", "String")), 404, UNKNOWN_ID));
    rows.add(put(c, "PUT on another manager's case", "omar", instance + "/note", json(typed("short", "String")), 403));
    rows.add(put(c, "PUT by the case's own manager (facts change only through forms)", "maya", instance + "/managerId",
        json(typed("omar", "String")), 403));
    rows.add(put(c, "task: PUT one variable over the text cap", "admin", task + "/note",
        json(typed("y".repeat(CAP + 1), "String")), 400, "note", String.valueOf(CAP)));
    rows.add(post(c, "task: POST modifications with a control character", "admin", task,
        json(Map.of("modifications", Map.of("note", typed("bell\u0007", "String")))), 400, "note", "control character"));
    rows.add(put(c, "task: PUT local Json that is not JSON", "admin", "/engine-rest/task/{task}/localVariables/list",
        json(typed("[1, 2", "Json")), 400, "list", "JSON"));
    rows.add(put(c, "task: PUT by the assignee beside the form", "maya", task + "/managerId", json(typed("omar", "String")), 403));
    rows.add(put(c, "task: PUT on an unknown task", "maya", "/engine-rest/task/" + UNKNOWN_ID + "/variables/note",
        json(typed("short", "String")), 404, UNKNOWN_ID));
  }

  private static void auditApi(List<Row> rows) {
    String c = "audit API";
    rows.add(get(c, "openedFrom \"31/02/2026\"", "hana", "/api/audit/cases?openedFrom=31/02/2026", 400, "openedFrom", "ISO-8601"));
    rows.add(get(c, "closedTo \"2026-13-45\" on the CSV export", "hana", "/api/audit/cases.csv?closedTo=2026-13-45", 400, "closedTo"));
    rows.add(get(c, "page \"abc\"", "hana", "/api/audit/cases?page=abc", 400, "page"));
    rows.add(get(c, "page beyond an int", "hana", "/api/audit/cases?page=99999999999", 400, "page"));
    rows.add(get(c, "size 0", "hana", "/api/audit/cases?size=0", 400, "size"));
    rows.add(get(c, "size 100000", "hana", "/api/audit/cases?size=100000", 400, "size", "500"));
    rows.add(get(c, "unknown state", "hana", "/api/audit/cases?state=paused", 400, "state", "open"));
    rows.add(get(c, "unknown outcome (script text)", "hana", "/api/audit/cases?outcome=%3Cscript%3E", 400, "outcome", "recovered"));
    rows.add(get(c, "read log page -1", "hana", "/api/audit/read-log?page=-1", 400, "page"));
    rows.add(get(c, "read log size \"ten\"", "hana", "/api/audit/read-log?size=ten", 400, "size"));
    rows.add(get(c, "unknown case", "hana", "/api/audit/cases/" + UNKNOWN_ID, 404, UNKNOWN_ID));
    rows.add(get(c, "unknown case CSV", "hana", "/api/audit/cases/" + UNKNOWN_ID + ".csv", 404, UNKNOWN_ID));
    rows.add(delete(c, "erase without a body", "hana", "/api/audit/cases/{case}", null, 400, "reason"));
    rows.add(delete(c, "erase with a reason of 501 characters", "hana", "/api/audit/cases/{case}",
        json(Map.of("reason", "r".repeat(501))), 400, "reason", "500"));
    rows.add(delete(c, "erase with a 1 MB reason", "hana", "/api/audit/cases/{case}", json(Map.of("reason", "r".repeat(1 << 20))), 400, "reason"));
    rows.add(delete(c, "erase with malformed JSON", "hana", "/api/audit/cases/{case}", "{\"reason\": ", 400, "body"));
    rows.add(delete(c, "erase with the reason as a list", "hana", "/api/audit/cases/{case}", "{\"reason\": [\"a\", \"b\"]}", 400, "reason"));
    rows.add(new Row(c, "erase with text/plain", "hana", HttpMethod.DELETE, "/api/audit/cases/{case}", MediaType.TEXT_PLAIN,
        "Retention period of the case has ended.", 415, List.of("text/plain")));
    rows.add(delete(c, "erase an unknown case", "hana", "/api/audit/cases/" + UNKNOWN_ID,
        json(Map.of("reason", "Retention period of the case has ended.")), 404, UNKNOWN_ID));
    rows.add(delete(c, "erase a running case", "hana", "/api/audit/cases/{case}",
        json(Map.of("reason", "Retention period of the case has ended.")), 409, "still running"));
  }

  private static void playbookApi(List<Row> rows) {
    String c = "playbook API";
    rows.add(post(c, "plan a migration of an unknown playbook", "dana", "/api/playbooks/no-such-playbook/migrations/plan", null, 404, "no-such-playbook"));
    rows.add(post(c, "execute a migration of an unknown playbook", "dana", "/api/playbooks/no-such-playbook/migrations/execute", null, 404,
        "no-such-playbook"));
    rows.add(get(c, "an unknown playbook", "dana", "/api/playbooks/no-such-playbook", 404, "no-such-playbook"));
    rows.add(post(c, "a manager plans a migration", "maya", "/api/playbooks/recovery-arc/migrations/plan", null, 403, "designers"));
    rows.add(get(c, "a migration plan read with GET", "dana", "/api/playbooks/recovery-arc/migrations/plan", 405, "GET"));
  }

  // ------------------------------------------------------------------------------------------------ building rows

  private static Row post(String category, String name, String who, String path, String body, int status, String... phrases) {
    return new Row(category, name, who, HttpMethod.POST, path, MediaType.APPLICATION_JSON, body, status, Arrays.asList(phrases));
  }

  private static Row put(String category, String name, String who, String path, String body, int status, String... phrases) {
    return new Row(category, name, who, HttpMethod.PUT, path, MediaType.APPLICATION_JSON, body, status, Arrays.asList(phrases));
  }

  private static Row delete(String category, String name, String who, String path, String body, int status, String... phrases) {
    return new Row(category, name, who, HttpMethod.DELETE, path, MediaType.APPLICATION_JSON, body, status, Arrays.asList(phrases));
  }

  private static Row get(String category, String name, String who, String path, int status, String... phrases) {
    return new Row(category, name, who, HttpMethod.GET, path, null, null, status, Arrays.asList(phrases));
  }

  private static Map<String, Object> recoveryStart() {
    return RecoveryArcForms.openCase("lea");
  }

  private static Map<String, Object> microFailureStart() {
    Map<String, Object> form = new LinkedHashMap<>(Map.of("seriousSignal", false));
    form.put("employeeId", "jun");
    form.put("whatHasBeenHappening", "Three small errors in weekly reports; now double-checks every figure with a colleague.");
    form.put("signalsObserved", List.of("reassurance-requests"));
    form.put("likelyDrivers", List.of("feedback-timing", "workload-fatigue"));
    form.put("mainDriver", "workload-fatigue");
    return form;
  }

  private static Map<String, Object> microConfidenceStart() {
    Map<String, Object> form = new LinkedHashMap<>(Map.of("seriousSignal", false));
    form.put("employeeId", "sam");
    form.put("confidenceArea", "Speaking up in planning meetings");
    form.put("loopWeeks", 1);
    return form;
  }

  private static Map<String, Object> raiseConcern(String caseId) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("caseId", caseId);
    form.put("seriousSignalKinds", List.of("prolonged-withdrawal"));
    form.put("seriousSignalNote", "Has stopped joining stand-ups for two weeks despite the plan.");
    return form;
  }

  /** {"variables": ...} with the valid answers typed as Tasklist types them, then each (name, typed value) override. */
  private static String variables(Map<String, Object> valid, Object... overrides) {
    Map<String, Object> variables = new LinkedHashMap<>(EngineRest.typed(valid));
    for (int i = 0; i < overrides.length; i += 2) {
      variables.put((String) overrides[i], overrides[i + 1]);
    }
    return json(Map.of("variables", variables));
  }

  private static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("value", value);
    if (type != null) {
      typed.put("type", type);
    }
    return typed;
  }

  /** An Object in Java serialization (a serialized java.util.ArrayList, base64): never to be deserialized. */
  private static Map<String, Object> javaSerialized() {
    Map<String, Object> typed = typed("rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==", "Object");
    typed.put("valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/x-java-serialized-object"));
    return typed;
  }

  private static Map<String, Object> jsonObject(String className, String json) {
    Map<String, Object> typed = typed(json, "Object");
    typed.put("valueInfo", Map.of("objectTypeName", className, "serializationDataFormat", "application/json"));
    return typed;
  }

  private static String json(Object value) {
    try {
      // A lone surrogate cannot be sent as UTF-8; JSON's escape carries it to the server as it is.
      return JSON.writeValueAsString(value).replace("\ud800", "\\ud800");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
