package io.foothold.playbooks.microconfidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * The micro-confidence loop started from Tasklist and walked to its end through REST: the manager defines
 * the action, the employee (who has an account) ships it daily and grows it on day five.
 */
@FootholdSpringTest
public class MicroConfidenceRestWalkthroughTest {

  /** When this test began: every case it opened is checked for Java-serialized variables afterwards. */
  private final java.util.Date testBegan = new java.util.Date(System.currentTimeMillis() - 1000);

  @AfterEach
  void everyVariableOfTheWalkedCasesIsStoredAsJsonNotJavaSerialized() {
    for (var walked : history.createHistoricProcessInstanceQuery().startedAfter(testBegan).rootProcessInstances().list()) {
      assertThat(io.foothold.support.StoredValues.javaSerialized(history, walked.getId()))
          .as("variables of case %s stored Java-serialized", walked.getId()).isEmpty();
    }
  }

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(management, history);
  }

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void aWeekOfDailyWinsIsWalkedToItsSummary() {
    String caseId = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", start("sam"));

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), MicroConfidenceRestWalkthroughTest::answer, 40);

    assertThat(steps).extracting(CaseDriver.Step::taskDefinitionKey).containsExactly(
        "Task_DefineAction", "Task_ShipToday", "Task_ShipToday", "Task_ShipToday", "Task_ShipToday", "Task_ShipToday",
        "Task_Expand", "Task_LoopSummary");
    assertThat(steps).filteredOn(step -> step.taskDefinitionKey().matches("Task_(ShipToday|Expand)"))
        .extracting(CaseDriver.Step::assignee).as("the employee with an account does the daily steps").containsOnly("sam");
    assertThat(steps.get(0).assignee()).isEqualTo("maya");
    assertThat(value(caseId, "microLoopDaysShipped")).isEqualTo(5);
    assertThat(value(caseId, "microLoopCompleted")).isEqualTo(true);
    assertThat(value(caseId, "actionMinutes")).isEqualTo(6);
  }

  @Test
  void growthOutsideTwentyToFiftyPercentIsRejectedNamingTheRule() {
    String caseId = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", start("lea"));
    driver.walk(caseId, user -> EngineRest.as(web, user), task -> answer(task), 7, "Task_Expand");
    String expandTask = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Expand").singleResult().getId();

    Map<String, Object> tooMuch = answer("Task_Expand");
    tooMuch.put("grownMinutes", 9);
    var response = EngineRest.as(web, "lea").submitTaskForm(expandTask, tooMuch);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("grownMinutes");
    assertThat(tasks.createTaskQuery().taskId(expandTask).count()).as("the step stays open").isOne();
  }

  @Test
  void someoneWithoutATasklistAccountHasTheirDailyStepsDoneByTheirManager() {
    String caseId = EngineRest.as(web, "omar").startCase("MicroConfidenceLoop", start("priya"));
    driver.walk(caseId, user -> EngineRest.as(web, user), task -> answer(task), 3, "Task_ShipToday");

    assertThat(tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_ShipToday").singleResult().getAssignee())
        .isEqualTo("omar");
  }

  private Object value(String caseId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName(name).singleResult().getValue();
  }

  static Map<String, Object> start(String employee) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    form.put("employeeId", employee);
    form.put("confidenceArea", "Speaking up in planning meetings");
    form.put("loopWeeks", 1);
    return form;
  }

  public static Map<String, Object> answer(String task) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    switch (task) {
      case "Task_DefineAction" -> {
        form.put("microAction", "Say one sentence about the plan in the stand-up.");
        form.put("actionMinutes", 5);
        form.put("actionWhy", "Small, safe practice at being heard.");
      }
      case "Task_ShipToday" -> {
        form.put("shippedToday", "yes");
        form.put("evidenceNote", "Said it; one question back.");
        form.put("effortRating", 2);
      }
      case "Task_Expand" -> {
        form.put("keepOriginal", false);
        form.put("grownAction", "Say two sentences and ask one question in the stand-up.");
        form.put("grownMinutes", 6);
      }
      case "Task_LoopSummary" -> {
        form.put("summaryReflection", "Five days in a row; it feels ordinary now.");
        form.put("nextStep", "Present one slide at the sprint review.");
      }
      default -> throw new IllegalArgumentException("No answers for " + task);
    }
    return form;
  }
}
