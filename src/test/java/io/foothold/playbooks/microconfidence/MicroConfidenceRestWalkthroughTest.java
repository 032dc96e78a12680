package io.foothold.playbooks.microconfidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.NoJavaSerializedVariables;
import io.foothold.support.MicroConfidenceForms;

/**
 * The micro-confidence loop started from Tasklist and walked to its end through REST: the manager defines
 * the action, the employee (who has an account) ships it daily and grows it on day five.
 */
@FootholdSpringTest
@ExtendWith(NoJavaSerializedVariables.class)
class MicroConfidenceRestWalkthroughTest {

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @RegisterExtension final CaseDriver driver = CaseDriver.forEachTest();

  @Test
  void aWeekOfDailyWinsIsWalkedToItsSummary() {
    String caseId = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("sam"));

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), MicroConfidenceForms::answer, 40);

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
    String caseId = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("lea"));
    driver.walk(caseId, user -> EngineRest.as(web, user), task -> MicroConfidenceForms.answer(task), 7, "Task_Expand");
    String expandTask = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_Expand").singleResult().getId();

    Map<String, Object> tooMuch = MicroConfidenceForms.answer("Task_Expand");
    tooMuch.put("grownMinutes", 9);
    var response = EngineRest.as(web, "lea").submitTaskForm(expandTask, tooMuch);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("grownMinutes");
    assertThat(tasks.createTaskQuery().taskId(expandTask).count()).as("the step stays open").isOne();
  }

  @Test
  void someoneWithoutATasklistAccountHasTheirDailyStepsDoneByTheirManager() {
    String caseId = EngineRest.as(web, "omar").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("priya"));
    driver.walk(caseId, user -> EngineRest.as(web, user), task -> MicroConfidenceForms.answer(task), 3, "Task_ShipToday");

    assertThat(tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_ShipToday").singleResult().getAssignee())
        .isEqualTo("omar");
  }

  private Object value(String caseId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName(name).singleResult().getValue();
  }
}
