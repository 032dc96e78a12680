package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * Camunda's login throttling stays on: after a wrong password the account is locked for a growing delay, and even
 * the right password is refused until it passes. Uses ravi, whom no test signs in as with his real password
 * except this one, after unlocking him; the engine clock stands still, so the delay cannot pass mid-test.
 */
@FootholdSpringTest
class LoginThrottlingTest {

  @Autowired TestRestTemplate web;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;

  @Test
  void nothingSwitchesThrottlingOff() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getLoginMaxAttempts()).isPositive();
    assertThat(configuration.getLoginDelayBase()).isPositive();
    assertThat(configuration.getLoginDelayFactor()).isPositive();
    assertThat(configuration.getLoginDelayMaxTime()).isPositive();
  }

  @Test
  void aWrongPasswordLocksTheAccountForAWhile() {
    Date now = new Date();
    ClockUtil.setCurrentTime(now);
    try {
      assertThat(EngineRest.as(web, "ravi", "guessing").get("/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

      UserEntity ravi = (UserEntity) identity.createUserQuery().userId("ravi").singleResult();
      assertThat(ravi.getAttempts()).as("failed attempts counted").isPositive();
      assertThat(ravi.getLockExpirationTime()).as("locked until").isAfter(now);
      assertThat(EngineRest.as(web, "ravi").get("/task").getStatusCode()).as("the right password, while locked")
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      ClockUtil.reset();
      identity.unlockUser("ravi");
    }
    assertThat(EngineRest.as(web, "ravi").get("/task").getStatusCode()).as("once unlocked").isEqualTo(HttpStatus.OK);
  }
}
