package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.junit.jupiter.api.Test;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

@FootholdSpringTest
class RestAuthenticationTest {

  @Autowired TestRestTemplate web;

  @ParameterizedTest
  @ValueSource(strings = {"/task", "/history/process-instance", "/user", "/deployment", "/history/variable-instance"})
  void refusesRequestsWithoutCredentials(String path) {
    assertThat(EngineRest.as(web, null).get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/task", "/history/process-instance", "/user"})
  void refusesAWrongPassword(String path) {
    // A failed login slows down the next ones (Camunda's login throttling), so this uses an account no other test signs in with.
    assertThat(EngineRest.as(web, "ravi", "not-his-password").get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(EngineRest.as(web, "nobody", "demo").get(path).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void answersAKnownUser() {
    assertThat(EngineRest.as(web, "maya").get("/task").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aManagerCannotCreateUsers() {
    var response = EngineRest.as(web, "maya").post("/user/create",
        Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x")));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
