package io.foothold.casefile;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/** A case's history through the engine's Java API, for tests that run the engine in-process. */
record EngineCaseHistory(HistoryService history, TaskService tasks, ManagementService management, RepositoryService repository)
    implements CaseHistory {

  @Override
  public Instance instance(String caseId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    return new Instance(instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(), instant(instance.getStartTime()),
        instant(instance.getEndTime()));
  }

  @Override
  public Map<String, Object> facts(String caseId) {
    Map<String, Object> facts = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(caseId).list().stream()
        .filter(variable -> caseId.equals(variable.getExecutionId()) && variable.getTaskId() == null)
        .forEach(variable -> facts.put(variable.getName(), variable.getValue()));
    return facts;
  }

  @Override
  public List<CaseStep> openSteps(String caseId) {
    return history.createHistoricTaskInstanceQuery().rootProcessInstanceId(caseId).unfinished().list().stream()
        .map(task -> new CaseStep(caseId, task.getId(), task.getName(), task.getAssignee(), task.getStartTime().toInstant(),
            instant(task.getDueDate()), tasks.getIdentityLinksForTask(task.getId()).stream().anyMatch(EngineCaseHistory::hrCandidate)))
        .toList();
  }

  private static boolean hrCandidate(IdentityLink link) {
    return IdentityLinkType.CANDIDATE.equals(link.getType()) && "hr".equals(link.getGroupId());
  }

  @Override
  public List<CaseTimer> timers(String caseId) {
    return management.createJobQuery().timers().list().stream().filter(job -> caseId.equals(job.getRootProcessInstanceId()))
        .map(job -> new CaseTimer(caseId, job.getId(), timerName(job), instant(job.getDuedate()))).toList();
  }

  private String timerName(Job job) {
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    FlowElement element = repository.getBpmnModelInstance(job.getProcessDefinitionId()).getModelElementById(definition.getActivityId());
    return element.getName();
  }

  @Override
  public List<CaseRating> ratings(String caseId) {
    return history.createHistoricDetailQuery().variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(detail -> caseId.equals(detail.getRootProcessInstanceId()))
        .filter(detail -> detail instanceof HistoricVariableUpdate update && "confidenceRating".equals(update.getVariableName())
            && update.getValue() instanceof Number)
        .map(detail -> new CaseRating(caseId, detail.getTime().toInstant(), ((Number) ((HistoricVariableUpdate) detail).getValue()).doubleValue()))
        .toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
