package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.casefile.Outcomes;
import io.foothold.casefile.StepMedian;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsAgreesWithHistoryTest {

  private static final Instant OPENED = Instant.parse("2032-03-01T09:00:00Z");

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  /** The application's own mapper: the expected figures are written as the server writes its answer. */
  @Autowired ObjectMapper json;

  @BeforeAll
  void givenWalkedRecoveriesAnOpenCaseAndAnEscalatedOne() {
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
    CaseDriver.resetClock();
  }

  @AfterAll
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void everyFigureIsTheOneHistoryGives() throws Exception {
    JsonNode answered = analytics();

    JsonNode expected = json.valueToTree(AnalyticsCalculator.compute(factsFromHistory(), stepMedians, Instant.parse(answered.path("asOf").asText())));
    assertThat(answered.path("timeToRecoveryDays").path("cases").asInt()).as("recoveries counted").isGreaterThanOrEqualTo(5);
    assertThat(answered).isEqualTo(expected);
  }

  @Test
  void theStepPictureIsTheOneHistoryGives() throws Exception {
    JsonNode answered = json.readTree(web.withBasicAuth("hana", "demo").getForEntity("/api/audit/analytics/steps", String.class).getBody());

    List<Map<String, Object>> expected = stepsFromHistory();
    List<Map<String, Object>> flows = new ArrayList<>();
    for (JsonNode flow : answered) {
      List<Map<String, Object>> steps = new ArrayList<>();
      flow.path("steps").forEach(step -> steps.add(Map.of("activityId", step.path("activityId").asText(), "name", step.path("name").asText(),
          "type", step.path("type").asText(), "cases", step.path("cases").isNull() ? "hidden" : step.path("cases").asInt(),
          "medianHours", step.path("medianHours").isNull() ? "none" : step.path("medianHours").asDouble())));
      flows.add(Map.of("processKey", flow.path("processKey").asText(), "cases", flow.path("cases").isNull() ? "hidden" : flow.path("cases").asInt(),
          "steps", steps));
    }
    assertThat(flows).as("the recovery arc's steps are shown with their medians").anyMatch(flow -> flow.get("processKey").equals("RecoveryArc")
        && ((List<?>) flow.get("steps")).stream().anyMatch(step -> ((Map<?, ?>) step).get("medianHours") instanceof Double));
    assertThat(flows).isEqualTo(expected);
  }

  /**
   * Per process with cases (root instances about someone), its elements in the order cases first reached them, hidden ones
   * last: how many cases reached each and the median hours they spent there (finished visits added up), from history alone.
   */
  private List<Map<String, Object>> stepsFromHistory() {
    Set<String> caseIds = new HashSet<>(factsFromHistory().stream().map(CaseFacts::caseId).toList());
    Map<String, String> keyOf = new HashMap<>();
    history.createHistoricProcessInstanceQuery().rootProcessInstances().list().stream().filter(p -> caseIds.contains(p.getId()))
        .forEach(p -> keyOf.put(p.getId(), p.getProcessDefinitionKey()));
    // key -> element -> case -> millis (null: no finished visit), and each element's name, type and first start
    Map<String, Map<String, Map<String, Long>>> spent = new java.util.TreeMap<>();
    Map<String, Object[]> described = new HashMap<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().list()) {
      String key = keyOf.get(a.getProcessInstanceId());
      if (key == null || "multiInstanceBody".equals(a.getActivityType())) {
        continue;
      }
      Map<String, Long> perCase = spent.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(a.getActivityId(), id -> new HashMap<>());
      Long millis = a.getDurationInMillis();
      perCase.merge(a.getProcessInstanceId(), millis == null ? -1L : millis, (x, y) -> x < 0 ? y : y < 0 ? x : x + y);
      Object[] about = described.computeIfAbsent(key + "/" + a.getActivityId(), id -> new Object[] {a.getActivityName(), a.getActivityType(), a.getStartTime()});
      if (a.getStartTime().before((java.util.Date) about[2])) {
        about[2] = a.getStartTime();
      }
    }
    List<Map<String, Object>> flows = new ArrayList<>();
    Map<String, Long> casesPerKey = keyOf.values().stream().collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
    new java.util.TreeSet<>(casesPerKey.keySet()).forEach(key -> {
      long cases = casesPerKey.get(key);
      List<Map<String, Object>> steps = new ArrayList<>();
      if (cases >= AnalyticsCalculator.MINIMUM_GROUP_SIZE) {
        spent.getOrDefault(key, Map.of()).entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<String, Map<String, Long>> e) -> (java.util.Date) described.get(key + "/" + e.getKey())[2])
                .thenComparing(Map.Entry::getKey))
            .forEach(e -> {
              Object[] about = described.get(key + "/" + e.getKey());
              List<Double> hours = e.getValue().values().stream().filter(m -> m >= 0).map(m -> m / 3_600_000d).toList();
              boolean shown = e.getValue().size() >= AnalyticsCalculator.MINIMUM_GROUP_SIZE;
              steps.add(Map.of("activityId", e.getKey(), "name", String.valueOf(about[0]), "type", String.valueOf(about[1]),
                  "cases", shown ? e.getValue().size() : "hidden",
                  "medianHours", shown && hours.size() >= AnalyticsCalculator.MINIMUM_GROUP_SIZE ? Statistics.round(Statistics.median(hours), 1) : "none"));
            });
        steps.sort(Comparator.comparing(step -> step.get("cases").equals("hidden")));
      }
      flows.add(Map.of("processKey", key, "cases", cases >= AnalyticsCalculator.MINIMUM_GROUP_SIZE ? (int) cases : "hidden", "steps", steps));
    });
    return flows;
  }

  /** Per step of the closed cases, how many spent time there and their median time, filled by {@link #factsFromHistory}. */
  private final List<StepMedian> stepMedians = new ArrayList<>();

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

    // closed cases' user tasks: time per case and step (visits added up), each step's name and first start
    Set<String> closedCases = new HashSet<>(caseInstances.stream().filter(p -> p.getEndTime() != null).map(HistoricProcessInstance::getId).toList());
    Map<String, Map<String, Long>> millisPerStep = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, java.util.Date> firstStart = new HashMap<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().activityType("userTask").finished().list()) {
      if (closedCases.contains(a.getRootProcessInstanceId()) && a.getDurationInMillis() != null) {
        millisPerStep.computeIfAbsent(a.getActivityId(), id -> new HashMap<>()).merge(a.getRootProcessInstanceId(), a.getDurationInMillis(), Long::sum);
        if (a.getActivityName() != null) {
          names.put(a.getActivityId(), a.getActivityName());
        }
        firstStart.merge(a.getActivityId(), a.getStartTime(), (x, y) -> x.before(y) ? x : y);
      }
    }
    stepMedians.clear();
    millisPerStep.keySet().stream().sorted(Comparator.comparing((String id) -> firstStart.get(id)).thenComparing(Comparator.naturalOrder())).forEach(step -> {
      List<Double> millis = millisPerStep.get(step).values().stream().map(Long::doubleValue).toList();
      stepMedians.add(new StepMedian(step, names.get(step), millis.size(), Statistics.median(millis)));
    });
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
        escalatedCases.contains(p.getId()), Supports.ids(supports.get(p.getId())), ratings.getOrDefault(p.getId(), List.of()))).toList();
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
