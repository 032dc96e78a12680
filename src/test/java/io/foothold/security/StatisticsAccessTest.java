package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * Running-case counts per playbook are for administrators: a designer (or anyone but an administrator) who asks the
 * engine's statistics, by any endpoint or the Java API, is refused, so nobody counts cases around HR's five-case rule.
 */
@FootholdSpringTest
class StatisticsAccessTest {

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  private String recoveryArc() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("RecoveryArc").latestVersion().singleResult().getId();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dana", "maya", "hana"})
  void everyStatisticsEndpointRefusesAnyoneButAnAdministrator(String who) {
    String id = recoveryArc();
    for (String path : List.of("/process-definition/statistics", "/process-definition/statistics?failedJobs=true",
        "/process-definition/" + id + "/statistics", "/process-definition/key/RecoveryArc/statistics",
        "/history/process-definition/" + id + "/statistics")) {
      var answer = EngineRest.as(web, who).get(path);
      assertThat(answer.getStatusCode()).as("%s as %s: %s", path, who, answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).contains("administrators");
    }
  }

  @Test
  void anAdministratorReadsThem() {
    String id = recoveryArc();
    assertThat(EngineRest.as(web, "admin").get("/process-definition/statistics").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.as(web, "admin").get("/process-definition/" + id + "/statistics").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theJavaApiRefusesADesignerToo() {
    identity.setAuthentication("dana", List.of(Roles.DESIGNERS));
    try {
      assertThatThrownBy(() -> management.createProcessDefinitionStatisticsQuery().list()).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> management.createDeploymentStatisticsQuery().count()).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> management.createActivityStatisticsQuery(recoveryArc()).list()).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(management.createProcessDefinitionStatisticsQuery().list()).as("the engine's own calls").isNotEmpty();
  }
}
