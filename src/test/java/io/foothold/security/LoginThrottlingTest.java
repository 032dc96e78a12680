package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * the right password is refused until it passes. After the last allowed attempt the account is locked for a few
 * minutes, not for good (LoginLockout): whoever knows a user id must not be able to lock that person out of
 * Tasklist. Uses ravi, whom no test signs in as with his real password except this one, after unlocking him; the
 * engine clock is set by the test, so a delay passes only when the test says so.
 */
@FootholdSpringTest
class LoginThrottlingTest {

  @Autowired TestRestTemplate web;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired LoginLockout lockout;

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

  @Test
  void theLastAllowedAttemptLocksForAFewMinutesNotForGood() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    long now = System.currentTimeMillis();
    try {
      for (int attempt = 1; attempt <= configuration.getLoginMaxAttempts(); attempt++) {
        ClockUtil.setCurrentTime(new Date(now));
        assertThat(identity.checkPassword("ravi", "guess-" + attempt)).isFalse();
        UserEntity ravi = (UserEntity) identity.createUserQuery().userId("ravi").singleResult();
        assertThat(ravi.getAttempts()).as("counted failures").isEqualTo(attempt);
        now = ravi.getLockExpirationTime().getTime() + 1;
      }
      UserEntity locked = (UserEntity) identity.createUserQuery().userId("ravi").singleResult();
      Date until = locked.getLockExpirationTime();
      Date lockedAt = ClockUtil.getCurrentTime();
      assertThat(until).as("locked for the lockout, not for good").isEqualTo(new Date(lockedAt.getTime() + lockout.lockout().toMillis()));
      assertThat(lockout.lockout()).isLessThanOrEqualTo(Duration.ofMinutes(10));

      ClockUtil.setCurrentTime(new Date(until.getTime() - 1000));
      assertThat(EngineRest.as(web, "ravi").get("/task").getStatusCode()).as("the right password, a second before the lock ends")
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      ClockUtil.setCurrentTime(new Date(until.getTime() + 1000));
      assertThat(EngineRest.as(web, "ravi").get("/task").getStatusCode()).as("the right password once the lock has passed, no admin needed")
          .isEqualTo(HttpStatus.OK);
      assertThat(((UserEntity) identity.createUserQuery().userId("ravi").singleResult()).getAttempts()).as("count reset").isZero();
    } finally {
      ClockUtil.reset();
      identity.unlockUser("ravi");
    }
  }

  @Test
  void aWrongPasswordAfterTheLockoutLocksAgainForTheLockout() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    long now = System.currentTimeMillis();
    try {
      for (int attempt = 1; attempt <= configuration.getLoginMaxAttempts() + 1; attempt++) {
        ClockUtil.setCurrentTime(new Date(now));
        assertThat(identity.checkPassword("ravi", "guess-" + attempt)).isFalse();
        now = ((UserEntity) identity.createUserQuery().userId("ravi").singleResult()).getLockExpirationTime().getTime() + 1;
      }
      UserEntity ravi = (UserEntity) identity.createUserQuery().userId("ravi").singleResult();
      assertThat(ravi.getLockExpirationTime()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + lockout.lockout().toMillis()));
    } finally {
      ClockUtil.reset();
      identity.unlockUser("ravi");
    }
  }
}
