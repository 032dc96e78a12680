package io.foothold.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/** A case is visible to the manager who opened it and to HR's history, and to nobody else. */
@FootholdSpringTest
class CasePrivacyTest {

  @Autowired TestRestTemplate web;

  String caseId;

  @BeforeEach
  void mayaOpensACaseForSam() {
    caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
  }

  @Test
  void theManagerWhoOpenedItSeesTheCaseItsVariablesAndItsHistory() {
    EngineRest maya = EngineRest.as(web, "maya");
    assertThat(maya.getList("/task?processInstanceId=" + caseId)).hasSize(1);
    assertThat(maya.get("/process-instance/" + caseId + "/variables").getBody()).contains("incidentSummary");
    assertThat(maya.getList("/history/process-instance?processInstanceId=" + caseId)).hasSize(1);
    assertThat(maya.getList("/history/variable-instance?processInstanceId=" + caseId)).isNotEmpty();
    assertThat(maya.getList("/history/task?processInstanceId=" + caseId)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"omar", "dana"})
  void anotherManagerOrADesignerSeesNothingOfIt(String user) {
    EngineRest other = EngineRest.as(web, user);
    assertThat(other.getList("/task?processInstanceId=" + caseId)).isEmpty();
    assertThat(other.getList("/process-instance?processInstanceIds=" + caseId)).isEmpty();
    assertThat(other.get("/process-instance/" + caseId + "/variables").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.get("/process-instance/" + caseId + "/variables").getBody()).doesNotContain("incidentSummary");
    assertThat(other.getList("/variable-instance?processInstanceIdIn=" + caseId)).isEmpty();
    assertThat(other.getList("/history/process-instance?processInstanceId=" + caseId)).isEmpty();
    assertThat(other.getList("/history/variable-instance?processInstanceId=" + caseId)).isEmpty();
    assertThat(other.getList("/history/task?processInstanceId=" + caseId)).isEmpty();
    assertThat(other.getList("/history/detail?processInstanceId=" + caseId)).isEmpty();
    assertThat(other.getList("/history/activity-instance?processInstanceId=" + caseId)).isEmpty();
  }

  @Test
  void anotherManagerCannotWorkTheCasesTasks() {
    String taskId = (String) EngineRest.as(web, "maya").task(caseId, "Task_CalmDebrief").get("id");
    ResponseEntity<String> attempt = EngineRest.as(web, "omar").submitTaskForm(taskId, RecoveryArcForms.calmDebrief());
    assertThat(attempt.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(EngineRest.as(web, "maya").getList("/task?processInstanceId=" + caseId).get(0).get("taskDefinitionKey"))
        .isEqualTo("Task_CalmDebrief");
  }

  /** The audit trail is only worth something if the facts a case was opened with cannot be rewritten later. */
  @Test
  void theManagerWorksTheCaseThroughItsFormsButCannotRewriteItsFacts() {
    EngineRest maya = EngineRest.as(web, "maya");

    ResponseEntity<String> rewrite = maya.put("/process-instance/" + caseId + "/variables/managerId", Map.of("value", "omar", "type", "String"));
    ResponseEntity<String> modify = maya.post("/process-instance/" + caseId + "/variables",
        Map.of("modifications", Map.of("employeeName", Map.of("value", "Someone Else", "type", "String"))));
    ResponseEntity<String> remove = maya.exchange("DELETE", "/process-instance/" + caseId + "/variables/employeeId", null);
    String taskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");
    ResponseEntity<String> besideTheForm = maya.put("/task/" + taskId + "/variables/managerId", Map.of("value", "omar", "type", "String"));

    assertThat(rewrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(modify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(remove.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(besideTheForm.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(maya.get("/process-instance/" + caseId + "/variables/managerId").getBody()).contains("\"maya\"");
    assertThat(maya.get("/process-instance/" + caseId + "/variables/employeeId").getBody()).contains("\"sam\"");
    maya.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    assertThat(maya.task(caseId, "Task_ChooseSupports")).isNotNull();
  }

  @Test
  void hrReadsTheHistoryOfEveryCase() {
    EngineRest hana = EngineRest.as(web, "hana");
    assertThat(hana.getList("/history/process-instance?processInstanceId=" + caseId)).hasSize(1);
    assertThat(hana.getList("/history/variable-instance?processInstanceId=" + caseId)).isNotEmpty();
    assertThat(hana.getList("/history/task?processInstanceId=" + caseId)).hasSize(1);
  }

  @Test
  void aDesignerReadsDefinitionsButNoCaseData() {
    EngineRest dana = EngineRest.as(web, "dana");
    assertThat(dana.getList("/process-definition?key=RecoveryArc")).hasSize(1);
    assertThat(dana.getList("/deployment")).isNotEmpty();
    assertThat(dana.getList("/history/variable-instance")).isEmpty();
  }

  @Test
  void aManagerCannotOpenACaseForSomeoneElsesReport() {
    Map<String, Object> form = RecoveryArcForms.openCase("jun");
    ResponseEntity<String> started = EngineRest.as(web, "maya").submitStartForm("RecoveryArc", form);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(started.getBody()).contains("employeeId");
  }

  @Test
  void theStartFormOffersOnlyTheManagersOwnReports() {
    String mayasForm = EngineRest.as(web, "maya").get("/process-definition/key/RecoveryArc/deployed-start-form").getBody();
    assertThat(mayasForm).contains("Sam Okafor", "Lea Brandt", "Ravi Menon").doesNotContain("Jun Tanaka", "Priya Shah");
    String omarsForm = EngineRest.as(web, "omar").get("/process-definition/key/RecoveryArc/deployed-start-form").getBody();
    assertThat(omarsForm).contains("Jun Tanaka", "Priya Shah").doesNotContain("Sam Okafor");
  }
}
