package io.foothold.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What every engine-only playbook test needs: starting as a manager, the serious-signal block, history counts. */
public final class ProcessTests {

  private ProcessTests() {
  }

  /** Starts a process as this signed-in user, so the start event's initiator (managerId) is set as in Tasklist. */
  public static ProcessInstance startAs(ProcessEngine engine, String userId, String processKey, Map<String, Object> variables) {
    engine.getIdentityService().setAuthenticatedUserId(userId);
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The serious-signal block left unticked, as every form sends it. */
  public static VariableMap noSignal() {
    return Variables.createVariables()
        .putValue("seriousSignal", false)
        .putValue("seriousSignalKinds", new ArrayList<String>())
        .putValue("seriousSignalNote", null);
  }

  /** The serious-signal block ticked with these kinds and a note. */
  public static VariableMap seriousSignal(String note, String... kinds) {
    return Variables.createVariables()
        .putValue("seriousSignal", true)
        .putValue("seriousSignalKinds", List.of(kinds))
        .putValue("seriousSignalNote", note);
  }

  /** How often the instance passed this activity. */
  public static long historyCount(ProcessEngine engine, ProcessInstance pi, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).activityId(activityId).count();
  }

  /** Each decision test looks only at its own evaluation: earlier ones are removed from history. */
  public static void forgetDecisionHistory(ProcessEngine engine) {
    engine.getHistoryService().createHistoricDecisionInstanceQuery().list()
        .forEach(h -> engine.getHistoryService().deleteHistoricDecisionInstanceByInstanceId(h.getId()));
  }

  /** The rule(s) that produced the single evaluation of this decision, comma-separated, from decision history. */
  public static String firedRule(ProcessEngine engine, String decisionKey) {
    List<HistoricDecisionInstance> instances = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionKey).includeOutputs().list();
    assertThat(instances).as("evaluations of %s", decisionKey).hasSize(1);
    return instances.get(0).getOutputs().stream()
        .map(HistoricDecisionOutputInstance::getRuleId)
        .distinct()
        .reduce((a, b) -> a + "," + b)
        .orElse("none");
  }

  /** The list with these items added after its own, e.g. the supports every case gets plus a decision's extra ones. */
  public static List<String> plus(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  /** A local date-time ("2025-06-06T09:00") as a Date in this machine's zone, as the engine's timers and date fields hold it. */
  public static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
  }
}
