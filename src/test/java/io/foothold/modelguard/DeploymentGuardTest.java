package io.foothold.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.security.Roles;
import io.foothold.support.FootholdSpringTest;

/**
 * Deploying is running code, so what a model may do is decided inside the engine: a model that reaches the
 * engine's services, a bean no playbook contributes, reflection or a script is refused by every deployment path
 * — here REST deployment/create (as a designer and as an administrator) and the Java API — with 400 naming file,
 * element and reason, and nothing of it is deployed. (Playbook folders, live reload and plugin jars: LiveReloadTest
 * and PlaybookPluginTest.)
 */
@FootholdSpringTest
class DeploymentGuardTest {

  private static final String FILE = "hostile.bpmn";

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  static Stream<Arguments> hostileModelsByDeployer() {
    return Stream.of("dana", "admin").flatMap(user -> Stream.of(HostileModels.all()).map(model -> Arguments.of(user, model)));
  }

  @AfterEach
  void nobodyWasPromoted() {
    assertThat(identity.createUserQuery().userId("dana").memberOfGroup(Roles.ADMINS).count())
        .as("dana is not an administrator").isZero();
  }

  @ParameterizedTest(name = "{0} deploys {1}")
  @MethodSource("hostileModelsByDeployer")
  void restRefusesTheModelNamingFileElementAndReasonAndDeploysNothing(String user, HostileModels.Hostile model) throws Exception {
    long deploymentsBefore = repository.createDeploymentQuery().count();

    ResponseEntity<String> response = deployAs(user, model.bytes());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = new ObjectMapper().readTree(response.getBody());
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    assertThat(body.path("message").asText()).contains(FILE).contains("[" + model.elementId() + "]");
    JsonNode errors = body.path("details").path(FILE).path("errors");
    assertThat(errors).isNotEmpty();
    assertThat(errors).allSatisfy(error -> {
      assertThat(error.path("mainElementId").asText()).isEqualTo(model.elementId());
      assertThat(error.path("message").asText()).containsAnyOf("expressions-call-contributed-beans", "no-scripts");
    });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(model.processKey()).count()).isZero();
  }

  @Test
  void theRefusalSaysWhyInWordsADesignerCanActOn() throws Exception {
    ResponseEntity<String> response = deployAs("dana", HostileModels.serviceTask("promotion", HostileModels.PROMOTION).bytes());

    assertThat(new ObjectMapper().readTree(response.getBody()).path("message").asText())
        .contains("hostile.bpmn [Task_Call]").contains("processEngineServices").contains("expressions may not use");
  }

  @Test
  void aBeanNoPlaybookContributesIsNamedInTheRefusal() throws Exception {
    ResponseEntity<String> response = deployAs("admin", HostileModels.serviceTask("data source", "${dataSource.connection}").bytes());

    assertThat(new ObjectMapper().readTree(response.getBody()).path("message").asText())
        .contains("'dataSource'").contains("no playbook contributes");
  }

  @Test
  void theJavaApiRefusesItToo() {
    identity.setAuthentication("dana", List.of(Roles.DESIGNERS));
    try {
      for (HostileModels.Hostile model : HostileModels.all()) {
        assertThatThrownBy(() -> repository.createDeployment().name("hostile").addString(FILE, model.xml()).deploy())
            .as(model.name()).isInstanceOf(ParseException.class).hasMessageContaining("[" + model.elementId() + "]");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(model.processKey()).count()).isZero();
      }
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aModelCallingOnlyContributedBeansAndVariablesStillDeploys() throws Exception {
    HostileModels.Hostile fine = HostileModels.serviceTask("fine", "${execution.setVariable('due', workingDays.after(2))}");

    ResponseEntity<String> response = deployAs("dana", fine.bytes());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = new ObjectMapper().readTree(response.getBody()).path("id").asText();
    repository.deleteDeployment(id, true);
  }

  private ResponseEntity<String> deployAs(String user, byte[] model) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "hostile");
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.APPLICATION_XML);
    body.add("data", new HttpEntity<>(new ByteArrayResource(model) {
      @Override
      public String getFilename() {
        return FILE;
      }
    }, fileHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return web.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }
}
