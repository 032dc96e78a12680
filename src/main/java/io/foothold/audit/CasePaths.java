package io.foothold.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * A case's path on its diagram, read from ACT_HI_ACTINST through the HistoryService as the signed-in HR user (the
 * /api filter sets the engine's authentication), so the engine's own READ_HISTORY grants decide, not Foothold.
 * Only the case's own (root) diagram: a called playbook shows as the call activity that ran it.
 */
@Component
class CasePaths {

  /** Elements a reader of the diagram does not think of as steps: the engine's bookkeeping around the real ones. */
  private static final Set<String> NOT_STEPS = Set.of("multiInstanceBody");

  /** A signed-in caller's queries must page (query-max-results-limit); no case comes near this many steps. */
  private static final int MAX_STEPS = 2000;

  private final HistoryService history;
  private final RepositoryService repository;
  private final CaseList cases;

  CasePaths(HistoryService history, RepositoryService repository, CaseList cases) {
    this.history = history;
    this.repository = repository;
    this.cases = cases;
  }

  /** The case's path; null for an unknown case (or an instance that is not a case of its own). */
  CasePath of(String caseId) {
    if (cases.one(caseId) == null) {
      return null;
    }
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    if (instance == null) {
      return null;
    }
    ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
    List<CasePath.Step> steps = history.createHistoricActivityInstanceQuery().processInstanceId(caseId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().listPage(0, MAX_STEPS).stream()
        .filter(activity -> !NOT_STEPS.contains(activity.getActivityType()))
        .map(CasePaths::step).toList();
    return new CasePath(caseId, definition.getId(), definition.getKey(), definition.getName(), bpmnXml(definition.getId()), steps);
  }

  /** The deployed BPMN of one process definition, as the signed-in user may read it. */
  String bpmnXml(String processDefinitionId) {
    try (InputStream model = repository.getProcessModel(processDefinitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CasePath.Step step(HistoricActivityInstance activity) {
    Instant ended = instant(activity.getEndTime());
    return new CasePath.Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        instant(activity.getStartTime()), ended, activity.getDurationInMillis(), ended == null);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
