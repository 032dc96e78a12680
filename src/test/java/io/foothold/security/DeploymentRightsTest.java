package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.FootholdSpringTest;

/** Only designers and administrators deploy models: whatever is deployed runs with the engine's rights. */
@FootholdSpringTest
class DeploymentRightsTest {

  static final String PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="http://foothold.io/test">
        <process id="DeploymentRightsCheck" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="Start"/>
          <sequenceFlow id="Flow" sourceRef="Start" targetRef="End"/>
          <endEvent id="End"/>
        </process>
      </definitions>
      """;

  @Autowired TestRestTemplate web;

  @ParameterizedTest
  @CsvSource({"maya, FORBIDDEN", "hana, FORBIDDEN", "sam, FORBIDDEN", ", UNAUTHORIZED"})
  void othersCannotDeploy(String user, HttpStatus expected) {
    assertThat(deployAs(user).getStatusCode()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dana", "admin"})
  void designersAndAdministratorsDeploy(String user) throws Exception {
    ResponseEntity<String> deployed = deployAs(user);
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);

    String id = new ObjectMapper().readTree(deployed.getBody()).path("id").asText();
    ResponseEntity<String> removed = web.exchange("/engine-rest/deployment/" + id + "?cascade=true", HttpMethod.DELETE,
        new HttpEntity<>(auth(user)), String.class);
    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<String> deployAs(String user) {
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "deployment-rights-check");
    HttpHeaders fileHeaders = new HttpHeaders();
    fileHeaders.setContentType(MediaType.APPLICATION_XML);
    body.add("data", new HttpEntity<>(new ByteArrayResource(PROCESS.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "deployment-rights-check.bpmn";
      }
    }, fileHeaders));
    HttpHeaders headers = auth(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return web.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  private static HttpHeaders auth(String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return headers;
  }
}
