package io.foothold.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import io.foothold.engine.CommandInterceptors;

/**
 * An engine plugin that holds people to a rule on every command, whichever way it is sent (REST, webapps, Java API):
 * {@link #check} runs in front of each command. A rule acts only when a signed-in person who is no administrator runs
 * the command with authorization on ({@link #personToCheck}); the engine's own work (no one signed in) and
 * administrators pass. One engine per plugin, as Spring wires it.
 */
abstract class PersonCommandGuard extends AbstractProcessEnginePlugin {

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    CommandInterceptors.add(configuration, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        check(command);
        return next.execute(command);
      }
    });
  }

  /** Throws (an AuthorizationException or a refusal naming the field) when the command may not run; returns when it may. */
  protected abstract void check(Command<?> command);

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
