package io.foothold.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import io.foothold.engine.SystemAccess;
import io.foothold.playbook.spi.CaseVariables;

/**
 * The step picture across cases, read from ACT_HI_ACTINST through the HistoryService.
 * Only cases count (root instances with a manager and an employee), and only their own diagram's elements: all
 * versions of a process add up by element id and are drawn on the newest version.
 */
@Service
class StepFlows {

  private static final double MILLIS_PER_HOUR = 3_600_000d;

  private final HistoryService history;
  private final RepositoryService repository;
  private final SystemAccess system;

  StepFlows(HistoryService history, RepositoryService repository, SystemAccess system) {
    this.history = history;
    this.repository = repository;
    this.system = system;
  }

  /**
   * Read as Foothold itself, like the rest of HR's analytics (the /api/audit guard has let only HR in): an
   * aggregate over all cases reads more rows than a signed-in caller's page limit allows.
   */
  List<StepFlow> all() {
    return system.call(this::read);
  }

  private List<StepFlow> read() {
    Map<String, List<HistoricProcessInstance>> casesByKey = new TreeMap<>();
    Set<String> cases = caseIds();
    for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery().rootProcessInstances().list()) {
      if (cases.contains(root.getId())) {
        casesByKey.computeIfAbsent(root.getProcessDefinitionKey(), key -> new ArrayList<>()).add(root);
      }
    }
    List<StepFlow> flows = new ArrayList<>();
    casesByKey.forEach((key, instances) -> flows.add(flow(key, instances)));
    return flows;
  }

  private StepFlow flow(String key, List<HistoricProcessInstance> instances) {
    ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    Set<String> caseIds = new HashSet<>();
    Set<String> definitions = new HashSet<>();
    instances.forEach(instance -> {
      caseIds.add(instance.getId());
      definitions.add(instance.getProcessDefinitionId());
    });
    // element id -> case id -> time spent (finished visits), and the cases that reached the element at all
    Map<String, Map<String, Long>> spent = new LinkedHashMap<>();
    Map<String, Set<String>> reached = new LinkedHashMap<>();
    Map<String, String[]> described = new HashMap<>();
    for (String definition : definitions) {
      for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processDefinitionId(definition)
          .orderByHistoricActivityInstanceStartTime().asc().list()) {
        if (!caseIds.contains(activity.getProcessInstanceId()) || "multiInstanceBody".equals(activity.getActivityType())) {
          continue;
        }
        reached.computeIfAbsent(activity.getActivityId(), id -> new HashSet<>()).add(activity.getProcessInstanceId());
        described.putIfAbsent(activity.getActivityId(), new String[] {activity.getActivityName(), activity.getActivityType()});
        if (activity.getDurationInMillis() != null) {
          spent.computeIfAbsent(activity.getActivityId(), id -> new HashMap<>())
              .merge(activity.getProcessInstanceId(), activity.getDurationInMillis(), Long::sum);
        }
      }
    }
    List<StepFlow.Step> steps = reached.entrySet().stream().map(entry -> {
      String id = entry.getKey();
      int passed = entry.getValue().size();
      List<Double> hours = spent.getOrDefault(id, Map.of()).values().stream().map(millis -> millis / MILLIS_PER_HOUR).toList();
      String[] about = described.get(id);
      return AnalyticsCalculator.unlessTooFew(passed,
          () -> new StepFlow.Step(id, about[0], about[1], passed,
              AnalyticsCalculator.unlessTooFew(hours.size(), () -> Statistics.round(Statistics.median(hours), 1), () -> null), false),
          () -> new StepFlow.Step(id, about[0], about[1], null, null, true));
    }).sorted(Comparator.comparing(StepFlow.Step::suppressed)).toList();
    int total = caseIds.size();
    return AnalyticsCalculator.unlessTooFew(total,
        () -> new StepFlow(key, newest.getName(), newest.getId(), bpmnXml(newest.getId()), total, false, steps),
        () -> new StepFlow(key, newest.getName(), newest.getId(), bpmnXml(newest.getId()), null, true, List.of()));
  }

  /** Root instances that are cases: they have a manager and an employee (a raised concern, for one, has not). */
  private Set<String> caseIds() {
    Map<String, Set<String>> namesByInstance = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().variableNameIn(CaseVariables.MANAGER, CaseVariables.EMPLOYEE)
        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      namesByInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashSet<>()).add(variable.getName());
    }
    Set<String> ids = new HashSet<>();
    namesByInstance.forEach((instance, names) -> {
      if (names.size() == 2) {
        ids.add(instance);
      }
    });
    return ids;
  }

  private String bpmnXml(String processDefinitionId) {
    try (InputStream model = repository.getProcessModel(processDefinitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
