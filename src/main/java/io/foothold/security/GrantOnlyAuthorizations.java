package io.foothold.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Rights in Foothold are grants only ({@link GrantOnlyAuthorizationManager} refuses REVOKE authorizations), so the
 * engine never looks for revokes before a check ({@code authorizationCheckRevokes = never}, set after the starter's
 * own settings). A database that still holds a revoke from before would have it silently ignored: the engine does
 * not start on one.
 */
@Component
class GrantOnlyAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new GrantOnlyAuthorizationManager.Factory());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    long revokes = engine.getAuthorizationService().createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException("The database holds " + revokes + " REVOKE authorization(s); Foothold grants only"
          + " and would ignore them. Delete them (ACT_RU_AUTHORIZATION rows with TYPE_ = 2) after taking the permissions"
          + " out of the grants they were meant to cut down, then start again.");
    }
  }
}
