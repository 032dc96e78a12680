package io.foothold.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.escalation.ConcernProcesses;

/**
 * The process keys whose instances are concerns about another case, not cases (see escalation/ConcernProcesses).
 * A deployed definition never changes, so each one's answer is cached by its id.
 */
@Component
class ConcernCases {

  private final SystemAccess system;
  private final Map<String, Boolean> byDefinition = new ConcurrentHashMap<>();

  ConcernCases(SystemAccess system) {
    this.system = system;
  }

  List<String> processKeys() {
    return system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      return repository.createProcessDefinitionQuery().list().stream()
          .filter(definition -> byDefinition.computeIfAbsent(definition.getId(),
              id -> ConcernProcesses.raisesConcerns(repository.getBpmnModelInstance(id))))
          .map(ProcessDefinition::getKey).distinct().toList();
    });
  }
}
