package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.CaseDriver;
import io.foothold.support.FootholdSpringTest;

/** HR narrows the case list by playbook, state, manager, outcome and dates, and pages through it. */
@FootholdSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListTest {

  private static final String PLAYBOOK = "audit-list-test";
  private static final String LIST = "/api/audit/cases?playbook=" + PLAYBOOK;

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private String samRecovered;
  private String leaEscalated;
  private String junReviewed;
  private String priyaOpen;
  private String raviOpen;

  @BeforeAll
  void openCases() {
    TestPlaybooks.oneStep(repository, PLAYBOOK, "AuditListCase");
    samRecovered = open("maya", "sam", "2025-01-10");
    close(samRecovered, "recovered", "2025-01-20");
    leaEscalated = open("maya", "lea", "2025-02-10");
    close(leaEscalated, "escalated", "2025-03-05");
    junReviewed = open("omar", "jun", "2025-03-10");
    close(junReviewed, "process-review", "2025-03-15");
    priyaOpen = open("omar", "priya", "2025-04-01");
    raviOpen = open("maya", "ravi", "2025-04-15");
    CaseDriver.resetClock();
  }

  @AfterAll
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void listsThePlaybooksCasesNewestFirstWithTheirFields() {
    JsonNode page = hana().json(LIST);
    assertThat(page.path("total").asLong()).isEqualTo(5);
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(50);
    assertThat(ids(page)).containsExactly(raviOpen, priyaOpen, junReviewed, leaEscalated, samRecovered);

    JsonNode lea = CaseTimelineTest.list(page.path("cases")).get(3);
    assertThat(lea.path("playbook").asText()).isEqualTo(PLAYBOOK);
    assertThat(lea.path("processKey").asText()).isEqualTo("AuditListCase");
    assertThat(lea.path("employeeId").asText()).isEqualTo("lea");
    assertThat(lea.path("employeeName").asText()).isEqualTo("Lea Brandt");
    assertThat(lea.path("managerId").asText()).isEqualTo("maya");
    assertThat(Instant.parse(lea.path("openedAt").asText())).isEqualTo(Instant.parse("2025-02-10T10:00:00Z"));
    assertThat(Instant.parse(lea.path("closedAt").asText())).isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
    assertThat(lea.path("state").asText()).isEqualTo("closed");
    assertThat(lea.path("outcome").asText()).isEqualTo("escalated");
    assertThat(lea.path("escalated").asBoolean()).isTrue();

    JsonNode ravi = CaseTimelineTest.list(page.path("cases")).get(0);
    assertThat(ravi.path("state").asText()).isEqualTo("open");
    assertThat(ravi.path("outcome").asText()).isEqualTo("open");
    assertThat(ravi.path("closedAt").isNull()).isTrue();
    assertThat(ravi.path("escalated").asBoolean()).isFalse();
  }

  @Test
  void filtersByStateManagerOutcomeAndDates() {
    assertThat(ids(hana().json(LIST + "&state=open"))).containsExactly(raviOpen, priyaOpen);
    assertThat(ids(hana().json(LIST + "&state=closed"))).containsExactly(junReviewed, leaEscalated, samRecovered);
    assertThat(ids(hana().json(LIST + "&manager=omar"))).containsExactly(priyaOpen, junReviewed);
    assertThat(ids(hana().json(LIST + "&manager=maya&state=open"))).containsExactly(raviOpen);
    assertThat(ids(hana().json(LIST + "&outcome=recovered"))).containsExactly(samRecovered);
    assertThat(ids(hana().json(LIST + "&outcome=escalated"))).containsExactly(leaEscalated);
    assertThat(ids(hana().json(LIST + "&outcome=process-review"))).containsExactly(junReviewed);
    assertThat(ids(hana().json(LIST + "&outcome=closed"))).isEmpty();
    assertThat(ids(hana().json(LIST + "&outcome=open"))).containsExactly(raviOpen, priyaOpen);
    assertThat(ids(hana().json(LIST + "&openedFrom=2025-02-01&openedTo=2025-03-31"))).containsExactly(junReviewed, leaEscalated);
    assertThat(ids(hana().json(LIST + "&openedFrom=2025-04-01T00:00:00Z"))).containsExactly(raviOpen, priyaOpen);
    assertThat(ids(hana().json(LIST + "&closedFrom=2025-03-01&closedTo=2025-03-31"))).containsExactly(junReviewed, leaEscalated);
    assertThat(ids(hana().json(LIST + "&closedTo=2025-01-20"))).containsExactly(samRecovered);
    assertThat(hana().json("/api/audit/cases?playbook=no-such-playbook").path("total").asLong()).isZero();
    assertThat(ids(hana().json("/api/audit/cases?playbook=" + PLAYBOOK + "&manager=dana"))).isEmpty();
  }

  @Test
  void pagesThroughTheListWithoutOverlap() {
    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode answer = hana().json(LIST + "&size=2&page=" + page);
      assertThat(answer.path("total").asLong()).isEqualTo(5);
      assertThat(answer.path("page").asInt()).isEqualTo(page);
      assertThat(answer.path("size").asInt()).isEqualTo(2);
      seen.addAll(ids(answer));
    }
    assertThat(seen).containsExactly(raviOpen, priyaOpen, junReviewed, leaEscalated, samRecovered);
    assertThat(ids(hana().json(LIST + "&size=2&page=3"))).isEmpty();
  }

  @Test
  void aWrongFilterIsA400NamingTheParameter() {
    for (Map.Entry<String, String> wrong : Map.of("state", "state=done", "outcome", "outcome=happy", "openedFrom", "openedFrom=yesterday",
        "closedTo", "closedTo=2025-13-01", "size", "size=0", "page", "page=-1").entrySet()) {
      var response = hana().get(LIST + "&" + wrong.getValue());
      assertThat(response.getStatusCode()).as(wrong.getValue()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(AuditApi.parse(response.getBody()).path("field").asText()).isEqualTo(wrong.getKey());
    }
  }

  @Test
  void theFilteredListExportsAsCsv() {
    var response = hana().get("/api/audit/cases.csv?playbook=" + PLAYBOOK + "&state=closed");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".csv");
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<String> lines = response.getBody().lines().toList();
    assertThat(lines.get(0)).isEqualTo("caseId,playbook,processKey,employeeId,employeeName,managerId,openedAt,closedAt,state,outcome,escalated,managerName");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).isEqualTo(leaEscalated + "," + PLAYBOOK + ",AuditListCase,lea,Lea Brandt,maya,2025-02-10T10:00:00Z,2025-03-05T10:00:00Z,closed,escalated,true,Maya Lindqvist");
  }

  private AuditApi hana() {
    return AuditApi.as(web, "hana");
  }

  private static List<String> ids(JsonNode page) {
    return CaseTimelineTest.list(page.path("cases")).stream().map(c -> c.path("caseId").asText()).toList();
  }

  private String open(String manager, String employee, String day) {
    at(day);
    return runtime.startProcessInstanceByKey("AuditListCase", Map.of("managerId", manager, "employeeId", employee)).getId();
  }

  private void close(String caseId, String outcome, String day) {
    at(day);
    runtime.setVariable(caseId, "caseOutcome", outcome);
    if (outcome.equals("escalated")) {
      runtime.setVariable(caseId, "escalated", true);
    }
    tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
  }

  private static void at(String day) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T10:00:00Z")));
  }
}
