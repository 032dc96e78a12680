package io.foothold.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * A playbook an organisation writes itself: dropped into the plugins folder as a jar, it is discovered,
 * checked, deployed and run, while deliberately broken plugins beside it are marked failed with their
 * reasons and hurt nobody else.
 */
@FootholdSpringTest
class PlaybookPluginTest {

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  @Test
  void theExamplePluginIsDiscoveredAndDeployedNextToTheBuiltInPlaybooks() {
    Map<String, Map<String, Object>> playbooks = playbooksAs("dana");

    assertThat(playbooks.get("thanks-note")).containsEntry("state", "DEPLOYED").containsEntry("version", "0.1.0")
        .containsEntry("origin", "plugin thanks-note.jar");
    assertThat(playbooks.get("recovery-arc")).containsEntry("state", "DEPLOYED").containsEntry("origin", "built-in");
  }

  @Test
  void brokenPluginsAreMarkedFailedWithFileElementAndReason() {
    Map<String, Map<String, Object>> playbooks = playbooksAs("dana");

    assertThat(playbooks.get("broken-form-ref")).containsEntry("state", "FAILED");
    assertThat((String) playbooks.get("broken-form-ref").get("reason"))
        .contains("processes/broken-form-ref/broken-form-ref.bpmn").contains("[Task_FollowUp]").contains("form-exists").contains("refers to form 'no-such-form'")
        .contains("delegate 'brokenFormRefFiler' does not exist");
    assertThat(playbooks.get("malformed-model")).containsEntry("state", "FAILED");
    assertThat((String) playbooks.get("malformed-model").get("reason"))
        .contains("processes/malformed-model/malformed-model.bpmn").contains("does not parse as BPMN");
    assertThat(playbooks.get("not-a-playbook.jar")).containsEntry("state", "FAILED");
    assertThat((String) playbooks.get("not-a-playbook.jar").get("reason")).contains("not-a-playbook.jar");
  }

  @Test
  void aPluginWhoseModelReachesPastWhatPlaybooksContributeIsRefusedAndDeploysNothing() {
    Map<String, Map<String, Object>> playbooks = playbooksAs("dana");

    assertThat(playbooks.get("hostile-expression")).containsEntry("state", "FAILED");
    assertThat((String) playbooks.get("hostile-expression").get("reason"))
        .contains("processes/hostile-expression/hostile-expression.bpmn").contains("[Task_FileThanks]")
        .contains("expressions-call-contributed-beans").contains("processEngineServices");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("HostileExpression").count()).isZero();
    assertThat(identity.createUserQuery().userId("dana").memberOfGroup("camunda-admin").count()).isZero();
  }

  @Test
  void aManagerRunsThePluginPlaybookAndItsOwnJavaCodeDoesTheWork() {
    EngineRest maya = EngineRest.as(web, "maya");

    String caseId = maya.startCase("ThanksNote",
        Map.of("employeeId", "sam", "whatWentWell", "Unblocked the release by fixing the flaky test.", "channel", "written"));

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("thanksFiledBy").singleResult().getValue())
        .isEqualTo("org.example.thanks.ThanksNoteFiler");
    maya.completeTask(caseId, "Task_FollowUp", Map.of("said", true));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ThanksSaid");
  }

  @Test
  void catalogOptionsAreFilledIntoThePluginsFormsWhenDeployed() {
    String form = EngineRest.as(web, "maya").get("/process-definition/key/ThanksNote/deployed-start-form").getBody();

    assertThat(form.replace(" ", "")).contains("{\"label\":\"Inperson\",\"value\":\"in-person\"}")
        .contains("{\"label\":\"Inwriting\",\"value\":\"written\"}");
  }

  @Test
  void foothold_hasNoCompileTimeKnowledgeOfThePlugin() {
    assertThatThrownBy(() -> Class.forName("org.example.thanks.ThanksNoteFiler"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void thePlaybookListNeedsASignedInUser() {
    ResponseEntity<String> anonymous = web.getForEntity("/api/playbooks", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private Map<String, Map<String, Object>> playbooksAs(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    ResponseEntity<List<Map<String, Object>>> response = web.exchange("/api/playbooks", HttpMethod.GET, new HttpEntity<>(headers),
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().collect(Collectors.toMap(p -> (String) p.get("id"), p -> p));
  }
}
