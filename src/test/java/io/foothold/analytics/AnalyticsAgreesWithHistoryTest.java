package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.casefile.Outcomes;
import io.foothold.casefile.Supports;
import io.foothold.escalation.ConcernProcesses;
import io.foothold.support.CaseDriver;
import io.foothold.support.FootholdSpringTest;

/**
 * HR's analytics reads the case file; its figures must be the ones history gives. The expected figures are computed
 * by {@link AnalyticsCalculator} from facts read here straight from the engine's history (root instances that are
 * about someone, not concerns; their variables, finished user tasks, called instances' ratings and escalation flags),
 * over every case in the database: walked recoveries with days between steps, an escalated closing, an open case,
 * and whatever the tests before left.
 */
@FootholdSpringTest
class AnalyticsAgreesWithHistoryTest {

  private static final Instant OPENED = Instant.parse("2032-03-01T09:00:00Z");

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void everyFigureIsTheOneHistoryGives() throws Exception {
    RecoveryCases cases = new RecoveryCases(web, management, history);
    cases.recovered("maya", "sam", 1, List.of(3), OPENED);
    cases.recovered("maya", "lea", 2, List.of(2, 4), OPENED);
    cases.recovered("maya", "ravi", 3, List.of(2, 3, 5), OPENED);
    cases.recovered("omar", "jun", 1, List.of(4, 4), OPENED);
    cases.recovered("omar", "priya", 4, List.of(1, 3, 4), OPENED);
    cases.openedAt("maya", "sam", java.util.Date.from(OPENED));
    String escalated = runtime.startProcessInstanceByKey(oneStepCase(), Map.of("managerId", "maya", "employeeId", "lea")).getId();
    runtime.setVariable(escalated, "escalated", true);
    runtime.setVariable(escalated, "caseOutcome", "escalated");
    tasks.complete(tasks.createTaskQuery().processInstanceId(escalated).singleResult().getId());

    JsonNode answered = analytics();

    JsonNode expected = json.valueToTree(AnalyticsCalculator.compute(factsFromHistory(), phaseNames));
    assertThat(answered.path("timeToRecoveryDays").path("cases").asInt()).as("recoveries counted").isGreaterThanOrEqualTo(5);
    assertThat(answered).isEqualTo(expected);
  }

  private final Map<String, String> phaseNames = new HashMap<>();

  /** The facts of every case, read from history alone. */
  private List<CaseFacts> factsFromHistory() {
    Map<String, Boolean> concernDefinitions = new HashMap<>();
    List<HistoricProcessInstance> roots = history.createHistoricProcessInstanceQuery().rootProcessInstances().list().stream()
        .filter(p -> !concernDefinitions.computeIfAbsent(p.getProcessDefinitionId(),
            id -> ConcernProcesses.raisesConcerns(repository.getBpmnModelInstance(id))))
        .toList();
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Set<String> escalatedCases = new HashSet<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .variableNameIn("managerId", "employeeId", "caseOutcome", "escalated", Supports.VARIABLE).list()) {
      variables.computeIfAbsent(v.getName(), n -> new HashMap<>()).put(v.getProcessInstanceId(), v.getValue());
      if ("escalated".equals(v.getName()) && Boolean.TRUE.equals(v.getValue())) {
        escalatedCases.add(v.getRootProcessInstanceId());
      }
    }
    Map<String, Object> managers = variables.getOrDefault("managerId", Map.of());
    Map<String, Object> employees = variables.getOrDefault("employeeId", Map.of());
    List<HistoricProcessInstance> caseInstances = roots.stream()
        .filter(p -> managers.get(p.getId()) != null && employees.get(p.getId()) != null).toList();
    Set<String> caseIds = new HashSet<>(caseInstances.stream().map(HistoricProcessInstance::getId).toList());

    Map<String, Map<String, Long>> phases = new HashMap<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().activityType("userTask").finished()
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      if (caseIds.contains(a.getRootProcessInstanceId()) && a.getDurationInMillis() != null) {
        phases.computeIfAbsent(a.getRootProcessInstanceId(), id -> new LinkedHashMap<>()).merge(a.getActivityId(), a.getDurationInMillis(), Long::sum);
        if (a.getActivityName() != null) {
          phaseNames.putIfAbsent(a.getActivityId(), a.getActivityName());
        }
      }
    }
    Map<String, List<Double>> ratings = new HashMap<>();
    for (HistoricDetail d : history.createHistoricDetailQuery().variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
      if (caseIds.contains(d.getRootProcessInstanceId()) && d instanceof HistoricVariableUpdate update
          && "confidenceRating".equals(update.getVariableName()) && update.getValue() instanceof Number rating) {
        ratings.computeIfAbsent(d.getRootProcessInstanceId(), id -> new ArrayList<>()).add(rating.doubleValue());
      }
    }
    Map<String, Object> outcomes = variables.getOrDefault("caseOutcome", Map.of());
    Map<String, Object> supports = variables.getOrDefault(Supports.VARIABLE, Map.of());
    return caseInstances.stream().map(p -> new CaseFacts(p.getId(), p.getStartTime().toInstant(),
        p.getEndTime() == null ? null : p.getEndTime().toInstant(), Outcomes.of(p.getEndTime() != null, outcomes.get(p.getId())),
        escalatedCases.contains(p.getId()), Supports.ids(supports.get(p.getId())), phases.getOrDefault(p.getId(), Map.of()),
        ratings.getOrDefault(p.getId(), List.of()))).toList();
  }

  /** A one-step case deployed as a playbook is (its start form's variables given directly). */
  private String oneStepCase() {
    String key = "AnalyticsAgreementCase";
    if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
      repository.createDeployment().name("foothold:analytics-agreement-test").addModelInstance("analytics-agreement-test/case.bpmn",
          Bpmn.createExecutableProcess(key).name("Analytics agreement case").camundaHistoryTimeToLive(180).startEvent()
              .userTask("Task_Only").name("The only step").camundaAssignee("maya").endEvent().done()).deploy();
    }
    return key;
  }

  private JsonNode analytics() throws Exception {
    ResponseEntity<String> response = web.withBasicAuth("hana", "demo").getForEntity("/api/audit/analytics", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }
}
