package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.FootholdSpringTest;

/**
 * The CSV export reads the case file, HR's list reads history: for every filter HR can set, both give the same
 * cases in the same order with the same value in every column (open and closed cases, every kind of outcome, HR
 * brought in along the way, two managers, one of them no longer in the directory).
 */
@FootholdSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvReadsTheCaseFileTest {

  private static final String PLAYBOOK = "audit-csv-case-file-test";
  private static final String KEY = "AuditCsvCaseFileCase";

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeAll
  void givenCasesOfEveryKind() {
    TestPlaybooks.oneStep(repository, PLAYBOOK, KEY);
    open("maya", "sam", "Sam Okafor");
    closeWith(open("maya", "lea", "Lea Brandt"), "recovered");
    closeWith(open("omar", "jun", "Jun Tanaka"), "withdrawn");
    String escalatedThenRecovered = open("maya", "ravi", "Ravi Menon");
    runtime.setVariable(escalatedThenRecovered, "escalated", true);
    closeWith(escalatedThenRecovered, "recovered");
    closeWith(open("omar", "priya", "Priya Shah"), "escalated");
    open("someone-who-left", "sam", null);
  }

  @ParameterizedTest(name = "filter \"{0}\"")
  @ValueSource(strings = {"", "&state=open", "&state=closed", "&manager=maya", "&outcome=recovered", "&outcome=closed",
      "&outcome=escalated&state=closed", "&openedFrom=2000-01-01&closedTo=2999-12-31"})
  void theCsvHasTheListsCasesColumnByColumn(String filter) {
    List<Map<String, String>> listed = listed(filter);
    assertThat(listed).as("the filter finds cases").isNotEmpty();

    List<Map<String, String>> exported = exported(filter);

    assertThat(exported).isEqualTo(listed);
  }

  private List<Map<String, String>> listed(String filter) {
    JsonNode page = hana().json("/api/audit/cases?size=500&playbook=" + PLAYBOOK + filter);
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode summary : CaseTimelineTest.list(page.path("cases"))) {
      Map<String, String> row = new HashMap<>();
      for (String column : CaseCsv.CASE_COLUMNS) {
        JsonNode value = summary.path(column);
        row.put(column, value.isNull() || value.isMissingNode() ? "" : value.asText());
      }
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, String>> exported(String filter) {
    String csv = hana().get("/api/audit/cases.csv?playbook=" + PLAYBOOK + filter).getBody();
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
        Map<String, String> row = new HashMap<>();
        Arrays.stream(CaseCsv.CASE_COLUMNS).forEach(column -> row.put(column, record.get(column)));
        rows.add(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private AuditApi hana() {
    return AuditApi.as(web, "hana");
  }

  private String open(String manager, String employee, String employeeName) {
    Map<String, Object> variables = new HashMap<>(Map.of("managerId", manager, "employeeId", employee));
    if (employeeName != null) {
      variables.put("employeeName", employeeName);
    }
    return runtime.startProcessInstanceByKey(KEY, variables).getId();
  }

  private void closeWith(String caseId, String caseOutcome) {
    runtime.setVariable(caseId, "caseOutcome", caseOutcome);
    tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
  }
}
