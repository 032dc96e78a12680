package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.FootholdSpringTest;

/**
 * The engine refuses a signed-in caller's unbounded list query, and any page larger than the limit, with 400: never a
 * 500, never a silently shortened list. (Foothold's own reads run as the system and page below the limit.)
 */
@FootholdSpringTest
class QueryLimitTest {

  static final int LIMIT = 2000;

  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;

  @Test
  void theLimitIsSet() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getQueryMaxResultsLimit()).isEqualTo(LIMIT);
  }

  @Test
  void anUnboundedQueryAnswers400() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/history/process-instance", "/engine-rest/history/task?firstResult=0"}) {
      ResponseEntity<String> response = web.withBasicAuth("hana", "demo").getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).as(path).contains("An unbound number of results is forbidden");
    }
  }

  @Test
  void aPageOverTheLimitAnswers400() {
    ResponseEntity<String> response = web.withBasicAuth("hana", "demo")
        .getForEntity("/engine-rest/history/process-instance?maxResults=" + (LIMIT + 1), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Max results limit of " + LIMIT + " exceeded");
  }

  @Test
  void aPageAtTheLimitIsServed() {
    ResponseEntity<String> response = web.withBasicAuth("hana", "demo")
        .getForEntity("/engine-rest/history/process-instance?firstResult=0&maxResults=" + LIMIT, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
