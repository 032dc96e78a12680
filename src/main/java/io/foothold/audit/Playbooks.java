package io.foothold.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * Which playbook a process definition belongs to: the deployment is named "foothold:&lt;id&gt;", and its
 * resources are named "&lt;id&gt;/…". A definition never changes, so the answer is cached per definition id.
 */
@Component
class Playbooks {

  private final SystemAccess system;
  private final Map<String, String> byDefinition = new ConcurrentHashMap<>();

  Playbooks(SystemAccess system) {
    this.system = system;
  }

  String of(String processDefinitionId) {
    return byDefinition.computeIfAbsent(processDefinitionId, id -> system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      return definition == null ? "" : of(repository, definition);
    }));
  }

  /** The process keys that belong to a playbook, in any of its deployments. */
  List<String> processKeys(String playbookId) {
    return system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      return repository.createProcessDefinitionQuery().list().stream()
          .filter(definition -> playbookId.equals(byDefinition.computeIfAbsent(definition.getId(), id -> of(repository, definition))))
          .map(ProcessDefinition::getKey).distinct().toList();
    });
  }

  private static String of(RepositoryService repository, ProcessDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    String playbook = DeploymentNames.playbookOf(deployment == null ? null : deployment.getName(), definition.getResourceName());
    return playbook == null ? "" : playbook;
  }
}
