package io.foothold.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.foothold.support.FootholdSpringTest;

/**
 * Caller mistakes the engine only notices by failing become a 400 inside the engine, whichever door the request came
 * through, and without relying on a stack trace (the JVM drops it from an exception thrown often at one place).
 */
@FootholdSpringTest
class CallerMistakeTranslatorTest {

  @Autowired IdentityService identity;

  @Test
  void aUserGroupOrTenantSavedWithoutAnIdIsTheCallersMistake() {
    var user = identity.newUser("placeholder");
    user.setId(null);
    var group = identity.newGroup("placeholder");
    group.setId(null);
    var tenant = identity.newTenant("placeholder");
    tenant.setId(null);

    assertThatThrownBy(() -> identity.saveUser(user)).isInstanceOf(BadUserRequestException.class).hasMessageContaining("\"id\"");
    assertThatThrownBy(() -> identity.saveGroup(group)).isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> identity.saveTenant(tenant)).isInstanceOf(BadUserRequestException.class);
  }
}
