package io.foothold.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * A value refused by the variable layer answers like a refused form: 400, a sentence naming the variable, and the
 * broken rule for programs (the variable's name as field and label, since no form is involved).
 */
@FootholdSpringTest
class RefusedValuesRestTest {

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;

  @Test
  void aVariableWriteWithAControlCharacterIsA400NamingTheVariableAndTheRule() {
    // given a case, and an administrator (who may write its variables directly)
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));

    // when
    ResponseEntity<String> response = EngineRest.as(web, "admin").put("/process-instance/" + caseId + "/variables/note",
        Map.of("value", "ring \u0007", "type", "String"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = EngineRest.json(response.getBody());
    assertThat(body.path("type").asText()).isEqualTo("FormFieldValidationException");
    assertThat(body.path("message").asText()).startsWith("The value is refused: Variable 'note' contains the control character U+0007");
    assertThat(body.path("violations")).hasSize(1);
    assertThat(body.path("violations").get(0).path("field").asText()).isEqualTo("note");
    assertThat(body.path("violations").get(0).path("label").asText()).isEqualTo("note");
    assertThat(body.path("violations").get(0).path("rule").asText()).isEqualTo("controlCharacters");
    assertThat(runtime.getVariable(caseId, "note")).as("nothing stored").isNull();
  }
}
