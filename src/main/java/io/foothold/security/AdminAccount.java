package io.foothold.security;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.foothold.engine.StartupOrder;

/**
 * Outside the demo profile there is no default password: the app refuses to start until an operator
 * configures FOOTHOLD_ADMIN_PASSWORD, and then makes sure the "admin" account exists.
 */
@Component
@Profile("!demo")
@Order(StartupOrder.DIRECTORY)
class AdminAccount implements ApplicationRunner {

  static final String ADMIN_ID = "admin";
  private static final Set<String> FORBIDDEN = Set.of("admin", "demo", "password", "camunda", "changeme");
  private static final int MIN_LENGTH = 12;

  private final IdentityService identity;
  private final String password;

  AdminAccount(IdentityService identity, @Value("${foothold.admin.password:}") String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No admin password configured: set FOOTHOLD_ADMIN_PASSWORD "
          + "(or foothold.admin.password). Foothold does not start with a default password outside the demo profile.");
    }
    if (password.length() < MIN_LENGTH || FORBIDDEN.contains(password.toLowerCase())) {
      throw new IllegalStateException("The configured admin password is too weak: use at least "
          + MIN_LENGTH + " characters and not a default word.");
    }
    this.identity = identity;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId(ADMIN_ID).count() == 0) {
      User admin = identity.newUser(ADMIN_ID);
      admin.setFirstName("Foothold");
      admin.setLastName("Admin");
      admin.setPassword(password);
      identity.saveUser(admin);
    }
    if (identity.createUserQuery().userId(ADMIN_ID).memberOfGroup(Roles.ADMINS).count() == 0) {
      identity.createMembership(ADMIN_ID, Roles.ADMINS);
    }
  }
}
