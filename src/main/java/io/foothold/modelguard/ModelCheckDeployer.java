package io.foothold.modelguard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs {@link ModelCheck} on every new deployment before the engine's own deployers, whoever deploys and
 * however (playbook folders, live reload, plugins, REST deployment/create, the Java API): a refused model
 * fails the deployment command, so nothing of it is stored. Definitions loaded again from the database
 * (a cache refill) were checked when they were deployed.
 */
class ModelCheckDeployer implements Deployer {

  private final ModelBeans beans;

  ModelCheckDeployer(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<ModelProblem> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (ModelCheck.reads(resource.getName())) {
        problems.addAll(ModelCheck.check(resource.getName(), resource.getBytes(), beans));
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelRefusedException(problems);
    }
  }
}
