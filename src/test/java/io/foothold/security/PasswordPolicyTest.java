package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/** Every password set through Camunda Admin, REST or the Java API meets the policy; the demo directory alone is exempt. */
@FootholdSpringTest
class PasswordPolicyTest {

  static final String STRONG = "Quiet-Harbour-42";
  static final String NEW_USER = "policycheck";

  @Autowired TestRestTemplate web;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  @AfterEach
  void removeTheUser() {
    if (identity.createUserQuery().userId(NEW_USER).count() > 0) {
      identity.deleteUser(NEW_USER);
    }
  }

  @Test
  void thePolicyIsOnWithTwelveCharactersAtLeast() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnablePasswordPolicy()).isTrue();
    assertThat(EngineRest.as(web, "admin").get("/identity/password-policy").getBody())
        .contains("PASSWORD_POLICY_LENGTH").contains("\"minLength\":\"12\"").contains("PASSWORD_POLICY_SPECIAL");
  }

  @Test
  void aWeakPasswordThroughRestAnswers400NamingThePolicy() {
    ResponseEntity<String> response = createUser("admin", "demo");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("password policy").contains("at least 12 characters");
    assertThat(identity.createUserQuery().userId(NEW_USER).count()).as("nothing was stored").isZero();
  }

  @Test
  void aStrongPasswordIsAcceptedAndSignsIn() {
    assertThat(createUser("admin", STRONG).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(EngineRest.as(web, NEW_USER, STRONG).get("/user/" + NEW_USER + "/profile").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void changingAPasswordToAWeakOneAnswers400() {
    assertThat(createUser("admin", STRONG).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> response = EngineRest.as(web, NEW_USER, STRONG).put("/user/" + NEW_USER + "/credentials",
        Map.of("password", "policycheck1", "authenticatedUserPassword", STRONG));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("password policy").contains("upper-case").contains("special character")
        .contains("nothing from the user's id");
    assertThat(identity.checkPassword(NEW_USER, STRONG)).as("the old password still holds").isTrue();
  }

  @Test
  void whoMayNotCreateUsersIsRefusedWhateverThePassword() {
    assertThat(createUser("maya", "x").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(createUser("maya", STRONG).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theDemoDirectoryKeepsItsDemoPassword() {
    assertThat(identity.checkPassword("jun", "demo")).isTrue();
  }

  @Test
  void theConfiguredAdminPasswordMustMeetThePolicyToo() {
    assertThatThrownBy(() -> new AdminAccount(identity, "a-long-but-simple-phrase"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("upper-case").hasMessageContaining("digit");
    assertThatThrownBy(() -> new AdminAccount(identity, "Admin-Admin-1")).hasMessageContaining("nothing from the user's id");
    assertThatThrownBy(() -> new AdminAccount(identity, "")).hasMessageContaining("FOOTHOLD_ADMIN_PASSWORD");
    assertThatCode(() -> new AdminAccount(identity, STRONG)).doesNotThrowAnyException();
  }

  private ResponseEntity<String> createUser(String asUser, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(asUser, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> user = Map.of(
        "profile", Map.of("id", NEW_USER, "firstName", "Policy", "lastName", "Check", "email", "policy@foothold.test"),
        "credentials", Map.of("password", password));
    return web.exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(user, headers), String.class);
  }
}
