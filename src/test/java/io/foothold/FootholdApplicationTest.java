package io.foothold;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.playbook.PlaybookRegistry;
import io.foothold.playbook.PlaybookState;
import io.foothold.support.FootholdSpringTest;

@FootholdSpringTest
class FootholdApplicationTest {

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired PlaybookRegistry playbooks;

  @Test
  void startsOnH2WithTheRecoveryArcDeployedWithItsForms() {
    assertThat(playbooks.find("recovery-arc")).isPresent();
    assertThat(playbooks.find("recovery-arc").orElseThrow().status()).isEqualTo(PlaybookState.Status.DEPLOYED);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("RecoveryArc").count()).isEqualTo(1);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("RaiseConcern").count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("RecoverySupports").count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("RecoveryEscalationGate").count()).isEqualTo(1);
    String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("RecoveryArc").singleResult().getDeploymentId();
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .contains("recovery-arc/recovery-arc.bpmn", "recovery-arc/open-case.form", "recovery-arc/check-in.form");
  }

  @Test
  void tasklistIsServedAndSaysFoothold() {
    ResponseEntity<String> config = web.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("vendor: 'Foothold'").contains("name: 'Tasklist'");

    ResponseEntity<String> styles = web.getForEntity("/camunda/app/tasklist/styles/user-styles.css", String.class);
    assertThat(styles.getBody()).contains(".ce-eol-banner").contains("display: none");

    ResponseEntity<String> page = web.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theHrPagesAnswerAtTheirFolderAddress() {
    String caseList = web.getForEntity("/hr/index.html", String.class).getBody();
    for (String address : new String[] {"/hr", "/hr/"}) {
      ResponseEntity<String> hr = web.getForEntity(address, String.class); // the client follows the redirect
      assertThat(hr.getStatusCode()).as(address).isEqualTo(HttpStatus.OK);
      assertThat(hr.getBody()).as(address).isEqualTo(caseList);
    }
  }
}
