package io.foothold.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A command interceptor that holds people to a rule: it acts only when a signed-in person who is no administrator
 * runs the command with authorization on. The engine's own work (no one signed in) and administrators pass.
 */
abstract class PersonCommandGuard extends CommandInterceptor {

  private final ProcessEngineConfigurationImpl configuration;

  PersonCommandGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** The signed-in person this command is checked for, or {@code null} when it is not checked. */
  protected Authentication personToCheck() {
    Authentication signedIn = configuration.getIdentityService().getCurrentAuthentication();
    if (signedIn == null || !configuration.isAuthorizationEnabled() || isAdmin(signedIn)) {
      return null;
    }
    return signedIn;
  }

  protected ProcessEngineConfigurationImpl configuration() {
    return configuration;
  }

  private static boolean isAdmin(Authentication signedIn) {
    return signedIn.getGroupIds() != null && signedIn.getGroupIds().contains(Roles.ADMINS);
  }
}
