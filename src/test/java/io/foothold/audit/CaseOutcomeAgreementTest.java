package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.FootholdSpringTest;

/**
 * One definition of outcome: for every value HR can filter by, the case that has that outcome carries it in the
 * list (the badge's source), is the only case the Outcome filter finds, and has it in the CSV export.
 */
@FootholdSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseOutcomeAgreementTest {

  private static final String PLAYBOOK = "audit-outcome-test";
  private static final String LIST = "/api/audit/cases?playbook=" + PLAYBOOK;

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  /** outcome value → the one case that has it. */
  private final Map<String, String> caseWith = new LinkedHashMap<>();

  @BeforeAll
  void givenOneCaseForEveryOutcome() {
    TestPlaybooks.oneStep(repository, PLAYBOOK, "AuditOutcomeCase");
    caseWith.put("open", open());
    for (String named : CaseOutcome.NAMED) {
      caseWith.put(named, closeWith(open(), named));
    }
    // ended with a word no playbook names: "closed otherwise", like an outcome written as "closed"
    caseWith.put("closed", closeWith(open(), "withdrawn"));
    // HR brought in along the way, then recovered: the outcome stays "recovered", the HR fact is separate
    String recoveredAfterReview = open();
    runtime.setVariable(recoveredAfterReview, "escalated", true);
    caseWith.put("recovered after an HR review", closeWith(recoveredAfterReview, "recovered"));
  }

  static List<String> outcomes() {
    return CaseOutcome.VALUES;
  }

  @Test
  void everyOutcomeValueHasACase() {
    assertThat(caseWith.keySet()).containsAll(CaseOutcome.VALUES);
  }

  @ParameterizedTest(name = "outcome {0}")
  @MethodSource("outcomes")
  void theListTheFilterAndTheCsvAgree(String outcome) {
    Map<String, String> inList = outcomesIn(hana().json(LIST + "&size=50"));

    Map<String, String> filtered = outcomesIn(hana().json(LIST + "&outcome=" + outcome));

    Map<String, String> inCsv = csvOutcomes(hana().get("/api/audit/cases.csv?playbook=" + PLAYBOOK).getBody());
    List<String> expected = caseWith.entrySet().stream().filter(e -> e.getKey().equals(outcome)
        || (outcome.equals("recovered") && e.getKey().startsWith("recovered"))).map(Map.Entry::getValue).toList();
    assertThat(filtered.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    for (String caseId : expected) {
      assertThat(inList.get(caseId)).as("list badge of the %s case", outcome).isEqualTo(outcome);
      assertThat(filtered.get(caseId)).isEqualTo(outcome);
      assertThat(inCsv.get(caseId)).as("CSV outcome of the %s case", outcome).isEqualTo(outcome);
    }
    // and no case outside the filter shows this outcome
    inList.forEach((caseId, shown) -> assertThat(shown.equals(outcome)).as(caseId).isEqualTo(expected.contains(caseId)));
  }

  @Test
  void anUnknownOutcomeIsA400ThatNamesEveryValue() {
    var response = hana().get(LIST + "&outcome=happy");
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode problem = AuditApi.parse(response.getBody());
    assertThat(problem.path("field").asText()).isEqualTo("outcome");
    assertThat(problem.path("message").asText()).contains(CaseOutcome.VALUES);
  }

  private AuditApi hana() {
    return AuditApi.as(web, "hana");
  }

  private String open() {
    return runtime.startProcessInstanceByKey("AuditOutcomeCase", Map.of("managerId", "maya", "employeeId", "sam")).getId();
  }

  private String closeWith(String caseId, String caseOutcome) {
    runtime.setVariable(caseId, "caseOutcome", caseOutcome);
    tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
    return caseId;
  }

  private static Map<String, String> outcomesIn(JsonNode page) {
    Map<String, String> byCase = new LinkedHashMap<>();
    CaseTimelineTest.list(page.path("cases")).forEach(c -> byCase.put(c.path("caseId").asText(), c.path("outcome").asText()));
    return byCase;
  }

  private static Map<String, String> csvOutcomes(String csv) {
    Map<String, String> byCase = new LinkedHashMap<>();
    try {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
        byCase.put(row.get("caseId"), row.get("outcome"));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return byCase;
  }
}
