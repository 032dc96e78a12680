package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.people.Teams;
import io.foothold.support.CaseDriver;
import io.foothold.support.FootholdSpringTest;

/**
 * HR's list and its CSV export read the case file; what they show must be what history says. For every filter HR
 * can set, the list holds exactly the cases whose history passes the filter, newest first, and every column of every
 * row is the value read from the engine's history (instance times and definition, the case variables, the manager's
 * name from the directory); the CSV holds the same rows. Cases: open and closed, every outcome (one the playbooks
 * do not name), HR brought in before a recovery, two managers and one who is not in the directory, one case without
 * an employee's name.
 */
@FootholdSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListAgreesWithHistoryTest {

  private static final String PLAYBOOK = "audit-list-history-test";
  private static final String KEY = "AuditListHistoryCase";

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  @BeforeAll
  void givenCasesOfEveryKind() {
    TestPlaybooks.oneStep(repository, PLAYBOOK, KEY);
    open("maya", "sam", "Sam Okafor", "2025-01-05");
    closeWith(open("maya", "lea", "Lea Brandt", "2025-01-10"), "recovered", "2025-02-01");
    closeWith(open("omar", "jun", "Jun Tanaka", "2025-01-15"), "withdrawn", "2025-01-31");
    String escalatedThenRecovered = open("maya", "ravi", "Ravi Menon", "2025-02-03");
    runtime.setVariable(escalatedThenRecovered, "escalated", true);
    closeWith(escalatedThenRecovered, "recovered", "2025-03-01");
    closeWith(open("omar", "priya", "Priya Shah", "2025-02-20"), "escalated", "2025-02-28");
    closeWith(open("omar", "ana", "Ana Costa", "2025-03-02"), "process-review", "2025-03-10");
    closeWith(open("maya", "lea", "Lea Brandt", "2025-03-04"), "completed", "2025-03-05");
    open("someone-who-left", "sam", null, "2025-03-20");
    CaseDriver.resetClock();
  }

  @AfterAll
  void resetClock() {
    CaseDriver.resetClock();
  }

  static Stream<Arguments> filters() {
    List<Arguments> filters = new ArrayList<>(List.of(
        filter("", row -> true),
        filter("&state=open", row -> row.get("closedAt").isEmpty()),
        filter("&state=closed", row -> !row.get("closedAt").isEmpty()),
        filter("&manager=maya", row -> row.get("managerId").equals("maya")),
        filter("&manager=someone-who-left", row -> row.get("managerId").equals("someone-who-left")),
        filter("&manager=maya&state=closed", row -> row.get("managerId").equals("maya") && !row.get("closedAt").isEmpty()),
        filter("&openedFrom=2025-01-15&openedTo=2025-02-20", row -> between(row.get("openedAt"), "2025-01-15T00:00:00Z", "2025-02-20T23:59:59.999Z")),
        filter("&openedFrom=2025-02-03T10:00:00Z", row -> between(row.get("openedAt"), "2025-02-03T10:00:00Z", null)),
        filter("&closedFrom=2025-02-01&closedTo=2025-03-01", row -> between(row.get("closedAt"), "2025-02-01T00:00:00Z", "2025-03-01T23:59:59.999Z")),
        filter("&closedTo=2025-01-31", row -> between(row.get("closedAt"), null, "2025-01-31T23:59:59.999Z"))));
    for (String outcome : CaseOutcome.VALUES) {
      filters.add(filter("&outcome=" + outcome, row -> row.get("outcome").equals(outcome)));
    }
    return filters.stream();
  }

  @ParameterizedTest(name = "filter \"{0}\"")
  @MethodSource("filters")
  void theListAndTheCsvHoldTheCasesHistoryLetsThroughWithHistorysValues(String filter, Predicate<Map<String, String>> passes) {
    List<Map<String, String>> expected = fromHistory().stream().filter(passes).toList();

    List<Map<String, String>> listed = listed(filter);
    List<Map<String, String>> exported = exported(filter);

    assertThat(listed).isEqualTo(expected);
    assertThat(exported).isEqualTo(expected);
  }

  /** The test's cases as HR's columns, read from history and the directory only, newest first. */
  private List<Map<String, String>> fromHistory() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).list()) {
      Map<String, Object> variables = new HashMap<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()) {
        variables.put(variable.getName(), variable.getValue());
      }
      boolean ended = instance.getEndTime() != null;
      String outcome = CaseOutcome.of(ended, variables.get("caseOutcome"));
      String manager = (String) variables.get("managerId");
      User managerUser = identity.createUserQuery().userId(manager).singleResult();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("caseId", instance.getId());
      row.put("playbook", PLAYBOOK);
      row.put("processKey", instance.getProcessDefinitionKey());
      row.put("employeeId", text(variables.get("employeeId")));
      row.put("employeeName", text(variables.get("employeeName")));
      row.put("managerId", manager);
      row.put("openedAt", text(instant(instance.getStartTime())));
      row.put("closedAt", text(instant(instance.getEndTime())));
      row.put("state", ended ? "closed" : "open");
      row.put("outcome", outcome);
      row.put("escalated", String.valueOf("escalated".equals(outcome) || Boolean.TRUE.equals(variables.get("escalated"))));
      row.put("managerName", managerUser == null ? manager : Teams.displayName(managerUser));
      rows.add(row);
    }
    rows.sort(Comparator.comparing((Map<String, String> row) -> Instant.parse(row.get("openedAt"))).reversed()
        .thenComparing(row -> row.get("caseId")));
    assertThat(rows).as("the cases this test opened").hasSize(8);
    return rows;
  }

  private List<Map<String, String>> listed(String filter) {
    JsonNode page = hana().json("/api/audit/cases?size=500&playbook=" + PLAYBOOK + filter);
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode summary : CaseTimelineTest.list(page.path("cases"))) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String column : CaseCsv.CASE_COLUMNS) {
        JsonNode value = summary.path(column);
        row.put(column, value.isNull() || value.isMissingNode() ? "" : value.asText());
      }
      rows.add(row);
    }
    assertThat(page.path("total").asLong()).as("the list's total").isEqualTo(rows.size());
    return rows;
  }

  private List<Map<String, String>> exported(String filter) {
    String csv = hana().get("/api/audit/cases.csv?playbook=" + PLAYBOOK + filter).getBody();
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
        Map<String, String> row = new LinkedHashMap<>();
        Arrays.stream(CaseCsv.CASE_COLUMNS).forEach(column -> row.put(column, record.get(column)));
        rows.add(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static Arguments filter(String query, Predicate<Map<String, String>> passes) {
    return Arguments.of(query, passes);
  }

  /** Whether {@code at} (empty: never) lies within the bounds, both included; a null bound is open. */
  private static boolean between(String at, String from, String to) {
    if (at.isEmpty()) {
      return false;
    }
    Instant instant = Instant.parse(at);
    return (from == null || !instant.isBefore(Instant.parse(from))) && (to == null || !instant.isAfter(Instant.parse(to)));
  }

  private AuditApi hana() {
    return AuditApi.as(web, "hana");
  }

  private String open(String manager, String employee, String employeeName, String day) {
    at(day);
    Map<String, Object> variables = new HashMap<>(Map.of("managerId", manager, "employeeId", employee));
    if (employeeName != null) {
      variables.put("employeeName", employeeName);
    }
    return runtime.startProcessInstanceByKey(KEY, variables).getId();
  }

  private void closeWith(String caseId, String caseOutcome, String day) {
    at(day);
    runtime.setVariable(caseId, "caseOutcome", caseOutcome);
    tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
  }

  private static void at(String day) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T10:00:00Z")));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
