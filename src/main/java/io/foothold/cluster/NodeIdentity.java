package io.foothold.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Names this node in the job table: the job executor locks jobs under the node's name (instead of a random
 * id), so an operator — and the cluster test — can see which node holds which job, and which jobs a crashed
 * node left locked until their lock expires and another node takes them.
 */
@Component
@ConditionalOnProperty(name = "foothold.cluster.node-name")
class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String nodeName;

  NodeIdentity(@Value("${foothold.cluster.node-name}") String nodeName) {
    this.nodeName = nodeName;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(nodeName);
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(nodeName);
    }
  }
}
