package io.foothold.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.escalation.ConcernProcesses;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * What a process definition is to the case file: the playbook it belongs to (the deployment is named
 * "foothold:&lt;id&gt;", or its resources are named "&lt;id&gt;/…") and whether its instances only raise a concern
 * about another case (then they are not cases), its name, and the names its designer gave its timers. A definition
 * never changes, so each answer is kept by its id.
 */
@Component
class CaseDefinitions {

  record Definition(String playbook, String key, String name, boolean concern) {
  }

  private final SystemAccess system;
  private final Map<String, Definition> byId = new ConcurrentHashMap<>();
  /** "definition id/element id" -> the element's name, "" for none. */
  private final Map<String, String> elementNames = new ConcurrentHashMap<>();

  CaseDefinitions(SystemAccess system) {
    this.system = system;
  }

  Definition of(String definitionId) {
    return byId.computeIfAbsent(definitionId, id -> system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      ProcessDefinition definition = repository.getProcessDefinition(id);
      Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
      return new Definition(playbook(deployment, definition), definition.getKey(), definition.getName(),
          ConcernProcesses.raisesConcerns(repository.getBpmnModelInstance(id)));
    }));
  }

  /** The name of a definition's element (a timer event, say "Next check-in due"), or null when it has none. */
  String elementName(String definitionId, String elementId) {
    if (definitionId == null || elementId == null) {
      return null;
    }
    String name = elementNames.computeIfAbsent(definitionId + "/" + elementId, key -> system.call(() -> {
      FlowElement element = system.engine().getRepositoryService().getBpmnModelInstance(definitionId).getModelElementById(elementId);
      return element == null || element.getName() == null ? "" : element.getName().trim();
    }));
    return name.isEmpty() ? null : name;
  }

  private static String playbook(Deployment deployment, ProcessDefinition definition) {
    return DeploymentNames.playbookOf(deployment == null ? null : deployment.getName(), definition.getResourceName());
  }
}
