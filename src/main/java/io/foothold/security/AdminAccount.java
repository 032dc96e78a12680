package io.foothold.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile there is no default password: the app refuses to start until an operator
 * configures FOOTHOLD_ADMIN_PASSWORD that meets the password policy every account meets
 * ({@link FootholdPasswordPolicy}), and then makes sure the "admin" account exists.
 */
@Component
@Profile("!demo")
class AdminAccount implements ApplicationRunner {

  static final String ADMIN_ID = "admin";
  private static final String FIRST_NAME = "Foothold";
  private static final String LAST_NAME = "Admin";

  private final IdentityService identity;
  private final String password;

  AdminAccount(IdentityService identity, @Value("${foothold.admin.password:}") String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("No admin password configured: set FOOTHOLD_ADMIN_PASSWORD "
          + "(or foothold.admin.password). Foothold does not start with a default password outside the demo profile.");
    }
    PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, adminProfile(identity));
    if (!policy.isValid()) {
      throw new IllegalStateException("The configured admin password is too weak for the password policy every "
          + "account meets: it needs " + FootholdPasswordPolicy.describe(policy.getViolatedRules()) + ".");
    }
    this.identity = identity;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.createUserQuery().userId(ADMIN_ID).count() == 0) {
      User admin = adminProfile(identity);
      admin.setPassword(password);
      identity.saveUser(admin);
    }
    if (identity.createUserQuery().userId(ADMIN_ID).memberOfGroup(Roles.ADMINS).count() == 0) {
      identity.createMembership(ADMIN_ID, Roles.ADMINS);
    }
  }

  private static User adminProfile(IdentityService identity) {
    User admin = identity.newUser(ADMIN_ID);
    admin.setFirstName(FIRST_NAME);
    admin.setLastName(LAST_NAME);
    return admin;
  }
}
