package io.foothold.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.escalation.ConcernProcesses;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * What a process definition is to the case file: the playbook it belongs to (the deployment is named
 * "foothold:&lt;id&gt;", or its resources are named "&lt;id&gt;/…") and whether its instances only raise a concern
 * about another case (then they are not cases). A definition never changes, so each answer is kept by its id.
 */
@Component
class CaseDefinitions {

  record Definition(String playbook, String key, boolean concern) {
  }

  private final SystemAccess system;
  private final Map<String, Definition> byId = new ConcurrentHashMap<>();

  CaseDefinitions(SystemAccess system) {
    this.system = system;
  }

  Definition of(String definitionId) {
    return byId.computeIfAbsent(definitionId, id -> system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      ProcessDefinition definition = repository.getProcessDefinition(id);
      Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
      return new Definition(playbook(deployment, definition), definition.getKey(),
          ConcernProcesses.raisesConcerns(repository.getBpmnModelInstance(id)));
    }));
  }

  private static String playbook(Deployment deployment, ProcessDefinition definition) {
    return DeploymentNames.playbookOf(deployment == null ? null : deployment.getName(), definition.getResourceName());
  }
}
