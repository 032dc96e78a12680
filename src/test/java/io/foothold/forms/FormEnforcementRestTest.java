package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/** Camunda Form rules hold on the server: a rejected submission is a 400 naming the field and rule, and stores nothing. */
@FootholdSpringTest
class FormEnforcementRestTest {

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  EngineRest maya;
  String caseId;
  String debriefTaskId;

  @BeforeEach
  void openACase() {
    maya = EngineRest.as(web, "maya");
    caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    debriefTaskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");
  }

  @Test
  void aTaskSubmissionMissingARequiredFieldIsRejectedAndTheTaskStaysOpen() {
    Map<String, Object> form = RecoveryArcForms.calmDebrief();
    form.remove("debriefKnown");
    form.put("technicalFix", "x");

    ResponseEntity<String> response = maya.submitTaskForm(debriefTaskId, form);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = EngineRest.json(response.getBody()).path("message").asText();
    assertThat(message).as("what the person reads").contains("\"What is known\" is required")
        .contains("\"One technical fix\" must have at least").doesNotContain("debriefKnown")
        .doesNotContain(debriefTaskId).doesNotContain("recovery-arc-calm-debrief").doesNotContain("Cannot submit");
    assertThat(EngineRest.json(response.getBody()).path("violations").findValuesAsText("field"))
        .as("what a program reads").contains("debriefKnown", "technicalFix");
    assertThat(maya.task(caseId, "Task_CalmDebrief").get("id")).isEqualTo(debriefTaskId);
    assertThat(runtime.getVariable(caseId, "debriefWhatHappened")).as("nothing of the rejected submission is stored").isNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("debriefWhatHappened").count()).isZero();
  }

  @Test
  void completeWithoutTheFormIsRejectedToo() {
    ResponseEntity<String> response = maya.post("/task/" + debriefTaskId + "/complete", Map.of("variables", Map.of()));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("debriefWhatHappened");
    assertThat(maya.task(caseId, "Task_CalmDebrief").get("id")).isEqualTo(debriefTaskId);
  }

  @Test
  void aSeriousSignalNeedsItsKindAndNote() {
    Map<String, Object> form = RecoveryArcForms.calmDebrief();
    form.put("seriousSignal", true);

    ResponseEntity<String> response = maya.submitTaskForm(debriefTaskId, form);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("seriousSignalKinds").contains("seriousSignalNote");
  }

  @Test
  void numbersOutsideTheirRangeAndUnknownOptionsAreRejected() {
    Map<String, Object> form = RecoveryArcForms.openCase("lea");
    form.put("visibility", "everyone");
    form.put("signalsObserved", List.of("quieter-in-meetings", "not-a-signal"));

    ResponseEntity<String> response = maya.submitStartForm("RecoveryArc", form);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("visibility").contains("signalsObserved");
  }

  @Test
  void startingThroughTheStartEndpointIsHeldToTheStartForm() {
    long casesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("RecoveryArc").count();

    ResponseEntity<String> response = maya.post("/process-definition/key/RecoveryArc/start",
        Map.of("variables", EngineRest.typed(Map.of("employeeId", "lea"))));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("What happened").contains("required");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("RecoveryArc").count()).isEqualTo(casesBefore);
  }

  @Test
  void aValidSubmissionMovesTheCaseOn() {
    ResponseEntity<String> response = maya.submitTaskForm(debriefTaskId, RecoveryArcForms.calmDebrief());

    assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(maya.task(caseId, "Task_ChooseSupports")).isNotNull();
  }
}
