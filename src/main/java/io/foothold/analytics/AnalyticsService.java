package io.foothold.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Service;


import io.foothold.casefile.Supports;
import io.foothold.engine.SystemAccess;
import io.foothold.escalation.ConcernProcesses;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Reads what HR's analytics needs from process history (HR may read all of it, so through {@link SystemAccess})
 * and hands it to {@link AnalyticsCalculator}. A case is a root process instance with {@code managerId} and
 * {@code employeeId}; its called instances (e.g. a micro-confidence loop) count towards it.
 */
@Service
public class AnalyticsService {

  static final String CONFIDENCE = "confidenceRating";
  private static final List<String> CASE_VARIABLES = List.of(CaseVariables.MANAGER, CaseVariables.EMPLOYEE, CaseVariables.OUTCOME,
      CaseVariables.ESCALATED, Supports.VARIABLE);

  private final SystemAccess system;

  public AnalyticsService(SystemAccess system) {
    this.system = system;
  }

  public AuditAnalytics analytics() {
    return system.call(() -> {
      HistoryService history = system.engine().getHistoryService();
      Map<String, String> phaseNames = new HashMap<>();
      List<CaseFacts> cases = readCases(history, phaseNames);
      return AnalyticsCalculator.compute(cases, phaseNames);
    });
  }

  private List<CaseFacts> readCases(HistoryService history, Map<String, String> phaseNames) {
    // a raised concern is part of the case it concerns, never a case of its own
    RepositoryService repository = system.engine().getRepositoryService();
    Map<String, Boolean> concernDefinitions = new HashMap<>();
    List<HistoricProcessInstance> roots = history.createHistoricProcessInstanceQuery().rootProcessInstances().list().stream()
        .filter(p -> !concernDefinitions.computeIfAbsent(p.getProcessDefinitionId(),
            id -> ConcernProcesses.raisesConcerns(repository.getBpmnModelInstance(id))))
        .toList();

    // name -> instance id -> value; "escalated" counts wherever in the case (called instances too) it was set
    Map<String, Map<String, Object>> variables = new HashMap<>();
    Set<String> escalatedCases = new HashSet<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .variableNameIn(CASE_VARIABLES.toArray(String[]::new)).list()) {
      variables.computeIfAbsent(v.getName(), n -> new HashMap<>()).put(v.getProcessInstanceId(), v.getValue());
      if (CaseVariables.ESCALATED.equals(v.getName()) && Boolean.TRUE.equals(v.getValue())) {
        escalatedCases.add(rootOf(v.getRootProcessInstanceId(), v.getProcessInstanceId()));
      }
    }
    Map<String, Object> managers = variables.getOrDefault(CaseVariables.MANAGER, Map.of());
    Map<String, Object> employees = variables.getOrDefault(CaseVariables.EMPLOYEE, Map.of());
    List<HistoricProcessInstance> caseInstances = roots.stream()
        .filter(p -> managers.get(p.getId()) != null && employees.get(p.getId()) != null)
        .toList();
    Set<String> caseIds = caseInstances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());

    Map<String, Map<String, Long>> phases = new HashMap<>();
    for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().activityType("userTask").finished()
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      String caseId = rootOf(a.getRootProcessInstanceId(), a.getProcessInstanceId());
      if (caseIds.contains(caseId) && a.getDurationInMillis() != null) {
        phases.computeIfAbsent(caseId, id -> new LinkedHashMap<>()).merge(a.getActivityId(), a.getDurationInMillis(), Long::sum);
        if (a.getActivityName() != null) {
          phaseNames.putIfAbsent(a.getActivityId(), a.getActivityName());
        }
      }
    }

    Map<String, List<Double>> ratings = new HashMap<>();
    for (HistoricDetail d : history.createHistoricDetailQuery().variableUpdates().variableNameLike(CONFIDENCE)
        .orderByTime().asc().orderPartiallyByOccurrence().asc().list()) {
      String caseId = rootOf(d.getRootProcessInstanceId(), d.getProcessInstanceId());
      if (caseIds.contains(caseId) && d instanceof HistoricVariableUpdate update
          && CONFIDENCE.equals(update.getVariableName()) && update.getValue() instanceof Number rating) {
        ratings.computeIfAbsent(caseId, id -> new ArrayList<>()).add(rating.doubleValue());
      }
    }

    Map<String, Object> outcomes = variables.getOrDefault(CaseVariables.OUTCOME, Map.of());
    Map<String, Object> supports = variables.getOrDefault(Supports.VARIABLE, Map.of());
    return caseInstances.stream().map(p -> new CaseFacts(
        p.getId(),
        p.getStartTime().toInstant(),
        p.getEndTime() == null ? null : p.getEndTime().toInstant(),
        outcomes.get(p.getId()) == null ? null : String.valueOf(outcomes.get(p.getId())),
        escalatedCases.contains(p.getId()),
        Supports.ids(supports.get(p.getId())),
        phases.getOrDefault(p.getId(), Map.of()),
        ratings.getOrDefault(p.getId(), List.of()))).toList();
  }

  private static String rootOf(String root, String instance) {
    return root != null ? root : instance;
  }
}
