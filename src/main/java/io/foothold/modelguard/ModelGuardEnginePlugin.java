package io.foothold.modelguard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * Puts Foothold's rules for models into the engine: the guarded expression manager (instead of Spring's, which
 * exposes every bean), the deployment check before every deployment, and no script engines. Engines built
 * without Spring (process tests) use it too, with their own {@link ModelBeans}.
 */
public class ModelGuardEnginePlugin extends AbstractProcessEnginePlugin {

  private final ModelBeans beans;

  public ModelGuardEnginePlugin(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new GuardedExpressionManager(beans));
    configuration.setScriptEngineResolver(new NoScriptEngines());
    List<Deployer> preDeployers = new ArrayList<>();
    preDeployers.add(new ModelCheckDeployer(beans));
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(preDeployers);
  }
}
