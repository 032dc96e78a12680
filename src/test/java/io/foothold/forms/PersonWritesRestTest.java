package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * Nobody but an administrator ends, hands over, fabricates or moves a case's steps, and people write a case's
 * variables only through the form of their step: the manager, the employee, HR and the designer are refused over
 * REST and nothing changes; the administrator may still do it.
 */
@FootholdSpringTest
class PersonWritesRestTest {

  static final List<String> PEOPLE = List.of("maya", "lea", "hana", "dana");

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  String caseId;
  String debriefId;

  @BeforeEach
  void mayaOpensACaseForLea() {
    caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    debriefId = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CalmDebrief").singleResult().getId();
  }

  @Test
  void onlyAnAdministratorEndsHandsOverOrMovesAStep() {
    long standaloneTasks = standaloneTaskCount();
    for (String person : PEOPLE) {
      EngineRest rest = EngineRest.as(web, person);

      assertRefused(person, "resolve", rest.post("/task/" + debriefId + "/resolve", Map.of("variables", Map.of())));
      assertRefused(person, "bpmnError", rest.post("/task/" + debriefId + "/bpmnError", Map.of("errorCode", "case-closed")));
      assertRefused(person, "escalation",
          rest.post("/task/" + debriefId + "/bpmnEscalation", Map.of("escalationCode", "serious-signal")));
      assertRefused(person, "delegate", rest.post("/task/" + debriefId + "/delegate", Map.of("userId", "omar")));
      assertRefused(person, "create", rest.post("/task/create", Map.of("id", "fabricated-" + person, "name", "Sign this off")));
      assertRefused(person, "delete", rest.exchange("DELETE", "/task/" + debriefId, null));
      assertRefused(person, "modification", rest.post("/process-instance/" + caseId + "/modification", Map.of(
          "instructions", List.of(Map.of("type", "cancel", "activityId", "Task_CalmDebrief"),
              Map.of("type", "startBeforeActivity", "activityId", "Task_RecoverySummary")))));
      assertRefused(person, "migration", rest.post("/migration/execute", Map.of(
          "migrationPlan", Map.of("sourceProcessDefinitionId", definitionId(), "targetProcessDefinitionId", definitionId(),
              "instructions", List.of(Map.of("sourceActivityIds", List.of("Task_CalmDebrief"),
                  "targetActivityIds", List.of("Task_CalmDebrief")))),
          "processInstanceIds", List.of(caseId))));
      assertRefused(person, "restart", rest.post("/process-definition/" + definitionId() + "/restart", Map.of(
          "processInstanceIds", List.of(caseId),
          "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RecoverySummary")))));
    }

    Task debrief = tasks.createTaskQuery().taskId(debriefId).singleResult();
    assertThat(debrief).as("the debrief is still open").isNotNull();
    assertThat(debrief.getAssignee()).isEqualTo("maya");
    assertThat(debrief.getOwner()).isNull();
    assertThat(tasks.createTaskQuery().processInstanceId(caseId).list()).extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_CalmDebrief");
    assertThat(standaloneTaskCount()).as("no task was fabricated").isEqualTo(standaloneTasks);
    assertThat(runtime.getVariable(caseId, "managerId")).isEqualTo("maya");
  }

  @Test
  void theAdministratorStillRepairsCases() {
    EngineRest admin = EngineRest.as(web, "admin");

    assertThat(admin.post("/task/" + debriefId + "/delegate", Map.of("userId", "omar")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(debriefId).singleResult().getAssignee()).isEqualTo("omar");
    assertThat(admin.post("/task/create", Map.of("id", "admin-made-" + caseId, "name", "Check the import")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin.exchange("DELETE", "/task/admin-made-" + caseId, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(admin.post("/process-instance/" + caseId + "/modification", Map.of("instructions", List.of(
        Map.of("type", "startBeforeActivity", "activityId", "Task_CalmDebrief"),
        Map.of("type", "cancel", "activityInstanceId", activityInstanceOf("Task_CalmDebrief"))))).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_CalmDebrief").singleResult().getId())
        .as("a fresh debrief replaced the old one").isNotEqualTo(debriefId);
    assertThat(admin.put("/process-instance/" + caseId + "/variables/caseNote", Map.of("value", "repaired")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void caseVariablesOutsideAFormStepAreRefusedToPeople() {
    for (String person : PEOPLE) {
      EngineRest rest = EngineRest.as(web, person);

      assertThat(rest.put("/process-instance/" + caseId + "/variables/managerId", Map.of("value", person)).getStatusCode())
          .as("%s PUT an instance variable", person).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.post("/process-instance/" + caseId + "/variables",
          Map.of("modifications", Map.of("caseOutcome", Map.of("value", "recovered")))).getStatusCode())
          .as("%s POST instance variables", person).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.exchange("DELETE", "/process-instance/" + caseId + "/variables/employeeId", null).getStatusCode())
          .as("%s DELETE an instance variable", person).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.put("/execution/" + caseId + "/localVariables/escalated", Map.of("value", true)).getStatusCode())
          .as("%s PUT an execution variable", person).isEqualTo(HttpStatus.FORBIDDEN);
    }

    assertThat(runtime.getVariable(caseId, "managerId")).isEqualTo("maya");
    assertThat(runtime.getVariable(caseId, "employeeId")).isEqualTo("lea");
    assertThat(runtime.getVariable(caseId, "caseOutcome")).isNull();
    assertThat(runtime.getVariable(caseId, "escalated")).isNotEqualTo(true);
  }

  @Test
  void aTaskTakesOnlyItsFormsFieldsAndItsVariablesAreNotOpenToItsAssignee() {
    EngineRest maya = EngineRest.as(web, "maya");

    ResponseEntity<String> complete = maya.post("/task/" + debriefId + "/complete",
        Map.of("variables", EngineRest.typed(withExtra(RecoveryArcForms.calmDebrief(), "escalated", true))));
    ResponseEntity<String> submit = maya.submitTaskForm(debriefId, withExtra(RecoveryArcForms.calmDebrief(), "managerId", "hana"));
    ResponseEntity<String> put = maya.put("/task/" + debriefId + "/variables/managerId", Map.of("value", "hana"));
    ResponseEntity<String> modify = maya.post("/task/" + debriefId + "/variables",
        Map.of("modifications", Map.of("caseOutcome", Map.of("value", "recovered"))));
    ResponseEntity<String> local = maya.put("/task/" + debriefId + "/localVariables/dailyAssignee", Map.of("value", "sam"));
    ResponseEntity<String> remove = maya.exchange("DELETE", "/task/" + debriefId + "/variables/employeeId", null);

    assertNamesTheForm(complete, "escalated");
    assertNamesTheForm(submit, "managerId");
    for (ResponseEntity<String> variablesWrite : List.of(put, modify, local, remove)) {
      assertThat(variablesWrite.getStatusCode()).as(variablesWrite.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(runtime.getVariable(caseId, "managerId")).isEqualTo("maya");
    assertThat(runtime.getVariable(caseId, "employeeId")).isEqualTo("lea");
    assertThat(runtime.getVariable(caseId, "escalated")).isNotEqualTo(true);
    assertThat(runtime.getVariable(caseId, "debriefWhatHappened")).as("nothing of a refused submission is stored").isNull();
    assertThat(tasks.createTaskQuery().taskId(debriefId).singleResult()).as("the debrief is still open").isNotNull();
  }

  @Test
  void messagesAndSignalsCarryNoVariablesFromPeople() {
    EngineRest maya = EngineRest.as(web, "maya");

    ResponseEntity<String> message = maya.post("/message", Map.of("messageName", "anything",
        "processInstanceId", caseId, "processVariables", Map.of("managerId", Map.of("value", "hana"))));
    ResponseEntity<String> signal = maya.post("/signal", Map.of("name", "anything",
        "variables", Map.of("caseOutcome", Map.of("value", "closed"))));

    assertThat(message.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message.getBody()).contains("managerId").contains("No form belongs to a message");
    assertThat(signal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(signal.getBody()).contains("caseOutcome").contains("No form belongs to a signal");
    assertThat(runtime.getVariable(caseId, "managerId")).isEqualTo("maya");
  }

  private static Map<String, Object> withExtra(Map<String, Object> form, String name, Object value) {
    form.put(name, value);
    return form;
  }

  private static void assertRefused(String person, String operation, ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as("%s tried %s: %s", person, operation, response.getBody())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static void assertNamesTheForm(ResponseEntity<String> response, String variable) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("'" + variable + "'")
        .contains("not a field of the form \\\"Hold a calm, fact-focused debrief\\\"");
  }

  private String definitionId() {
    return runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId();
  }

  private String activityInstanceOf(String activityId) {
    return runtime.getActivityInstance(caseId).getActivityInstances(activityId)[0].getId();
  }

  private long standaloneTaskCount() {
    return tasks.createTaskQuery().listPage(0, EngineRest.PAGE).stream().filter(task -> task.getProcessInstanceId() == null).count();
  }
}
