package io.foothold.cases;

import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.modelguard.CallableFromModels;

/**
 * How many cases of one kind a manager's team has had lately, for playbooks that look for a pattern
 * across a team rather than in one person ({@code ${caseCluster.countInTeam(managerId, 'MicroFailure', 90)}}).
 */
@Component("caseCluster")
@CallableFromModels
public class CaseCluster {

  private static final long DAY = 24L * 60 * 60 * 1000;

  private final SystemAccess system;

  CaseCluster(SystemAccess system) {
    this.system = system;
  }

  /** Cases of this process opened for the manager's team within the last {@code days} days, the current one included. */
  public long countInTeam(String managerId, String processKey, Number days) {
    Date since = new Date(ClockUtil.getCurrentTime().getTime() - days.longValue() * DAY);
    String current = currentCaseOf(processKey);
    return system.call(() -> {
      long stored = query(managerId, processKey, since).count();
      // The calling case may not be flushed to the history tables yet (same transaction): count it once either way.
      long currentStored = current == null ? 0 : query(managerId, processKey, since).processInstanceId(current).count();
      return stored - currentStored + (current == null ? 0 : 1);
    });
  }

  private org.camunda.bpm.engine.history.HistoricProcessInstanceQuery query(String managerId, String processKey, Date since) {
    return system.engine().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .startedAfter(since)
        .variableValueEquals(CaseOpened.MANAGER, managerId);
  }

  /** The process instance asking, when it is a case of the counted kind. */
  private static String currentCaseOf(String processKey) {
    var context = Context.getBpmnExecutionContext();
    if (context == null || context.getExecution() == null) {
      return null;
    }
    var instance = context.getExecution().getProcessInstance();
    return processKey.equals(instance.getProcessDefinition().getKey()) ? instance.getId() : null;
  }
}
