package io.foothold.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.analytics.RecoveryCases;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/** GET /api/my/cases: a manager's own cases, where each stands, and a friendly 403 for everyone else. */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class MyCasesApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @Test
  void aNewCaseWaitsForTheManagersFirstStepWithItsTasklistLink() throws Exception {
    // given maya opens a case for Sam
    CaseSteps steps = new CaseSteps(web, management);
    EngineRest maya = steps.as("maya");
    String caseId = steps.open(maya, "sam");

    // when she asks for her cases
    JsonNode mine = openCase(myCases("maya"), caseId);

    // then the case shows the employee, the playbook and her open debrief with its due date and Tasklist link
    String taskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");
    assertThat(mine.path("employee").asText()).isEqualTo("Sam Okafor");
    assertThat(mine.path("playbook").asText()).isEqualTo("Recovery after a visible failure");
    JsonNode next = mine.path("next");
    assertThat(next.path("kind").asText()).isEqualTo("yours");
    assertThat(next.path("text").asText()).isEqualTo("Hold a calm, fact-focused debrief");
    assertThat(next.path("date").isTextual()).as("the debrief is due in two working days").isTrue();
    assertThat(next.path("overdue").asBoolean()).isFalse();
    assertThat(next.path("taskId").asText()).isEqualTo(taskId);
    assertThat(next.path("taskUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(mine.path("confidence").size()).isZero();
  }

  @Test
  void aCaseWaitingForItsNextCheckInShowsTheTimersDateAndTheRatingsSoFar() throws Exception {
    // given a case of maya's walked through two check-ins (confidence 2, then 4), now waiting on the check-in timer
    CaseSteps steps = new CaseSteps(web, management);
    EngineRest maya = steps.as("maya");
    String caseId = steps.open(maya, "lea");
    steps.toCheckInTimer(maya, caseId, List.of(2, 4));
    var timer = steps.checkInTimer(caseId);

    // when she asks for her cases
    JsonNode mine = openCase(myCases("maya"), caseId);

    // then the case is there although no task is open, with the timer's name and date, and the trend
    JsonNode next = mine.path("next");
    assertThat(next.path("kind").asText()).isEqualTo("timer");
    assertThat(next.path("text").asText()).isEqualTo("Next check-in due");
    assertThat(Instant.parse(next.path("date").asText())).isEqualTo(timer.getDuedate().toInstant());
    assertThat(next.path("taskUrl").isNull()).isTrue();
    assertThat(mine.path("confidence").findValuesAsText("value")).containsExactly("2", "4");
  }

  @Test
  void aClosedCaseIsListedBelowWithItsOutcome() throws Exception {
    // given a case of omar's that ended in recovery
    String caseId = new RecoveryCases(web, management, history).recovered("omar", "jun", 1, List.of(4));

    // when omar asks for his cases
    JsonNode cases = myCases("omar");

    // then it is among the closed ones, not the open ones
    assertThat(cases.path("open").findValuesAsText("caseId")).doesNotContain(caseId);
    JsonNode closed = find(cases.path("closed"), caseId);
    assertThat(closed.path("employee").asText()).isEqualTo("Jun Tanaka");
    assertThat(closed.path("outcome").asText()).isEqualTo("recovered");
    assertThat(closed.path("opened").isTextual()).isTrue();
    assertThat(closed.path("closed").isTextual()).isTrue();
    assertThat(cases.path("closedTotal").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aManagerSeesNoOtherManagersCases() throws Exception {
    // given maya has an open case
    CaseSteps steps = new CaseSteps(web, management);
    String mayas = steps.open(steps.as("maya"), "ravi");

    // when omar asks for his cases, then maya's case is not there, and every case he sees is his
    JsonNode omars = myCases("omar");
    assertThat(omars.path("open").findValuesAsText("caseId")).doesNotContain(mayas);
    assertThat(omars.path("manager").asText()).isEqualTo("omar");
    for (JsonNode open : omars.path("open")) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(open.path("caseId").asText())
          .variableName("managerId").singleResult().getValue()).isEqualTo("omar");
    }
  }

  @Test
  void everyoneElseIsToldWhereTheirOwnWorkIs() throws Exception {
    assertElsewhere("hana", "/hr/");
    assertElsewhere("sam", "/camunda/app/tasklist/");
    assertElsewhere("dana", "/designers/");
    assertElsewhere("admin", "/camunda/app/admin/");

    HttpHeaders ajax = new HttpHeaders();
    ajax.set("X-Requested-With", "XMLHttpRequest");
    ResponseEntity<String> anonymous = web.exchange("/api/my/cases", HttpMethod.GET, new HttpEntity<>(ajax), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertElsewhere(String user, String href) throws Exception {
    ResponseEntity<String> response = EngineRest.as(web, user).getApi("/api/my/cases");
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = JSON.readValue(response.getBody(), Map.class);
    assertThat(body.get("message")).as(user).asString().contains("manager's own cases");
    assertThat(body.get("href")).as(user).isEqualTo(href);
    assertThat(body.get("linkText")).as(user).asString().isNotBlank();
  }

  JsonNode myCases(String manager) throws Exception {
    ResponseEntity<String> response = EngineRest.as(web, manager).getApi("/api/my/cases");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  private static JsonNode openCase(JsonNode cases, String caseId) {
    return find(cases.path("open"), caseId);
  }

  private static JsonNode find(JsonNode list, String caseId) {
    for (JsonNode c : list) {
      if (caseId.equals(c.path("caseId").asText())) {
        return c;
      }
    }
    throw new AssertionError("case " + caseId + " not in " + list);
  }
}
