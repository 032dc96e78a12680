package io.foothold.overview;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The name a designer gave the timer a job belongs to ("Next check-in due"). A job names only its job definition,
 * which names the BPMN element; both never change once deployed, so each definition is looked up once.
 */
@Component
class TimerNames {

  private final Map<String, String> byJobDefinition = new ConcurrentHashMap<>();

  /** Runs inside the caller's system access (see ManagerCases). */
  String of(ProcessEngine engine, Job job) {
    if (job.getJobDefinitionId() == null) {
      return null;
    }
    String name = byJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> lookUp(engine, id));
    return name.isEmpty() ? null : name;
  }

  private static String lookUp(ProcessEngine engine, String jobDefinitionId) {
    JobDefinition definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(jobDefinitionId).singleResult();
    if (definition == null || definition.getActivityId() == null || definition.getProcessDefinitionId() == null) {
      return "";
    }
    FlowElement element = engine.getRepositoryService().getBpmnModelInstance(definition.getProcessDefinitionId())
        .getModelElementById(definition.getActivityId());
    return element == null || element.getName() == null ? "" : element.getName().trim();
  }
}
