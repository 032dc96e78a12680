package io.foothold.playbooks.microfailure;

import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.foothold.playbook.spi.PlaybookBean;
import io.foothold.playbook.spi.TeamCases;

/**
 * How many cases of one kind a manager's team has had lately, so the micro-failure playbook can tell a pattern
 * across a team from one person's run of slips ({@code ${caseCluster.countInTeam(managerId, 'MicroFailure', 90)}}).
 */
@Component("caseCluster")
@PlaybookBean
public class CaseCluster {

  private static final long DAY = 24L * 60 * 60 * 1000;

  private final TeamCases teamCases;

  CaseCluster(TeamCases teamCases) {
    this.teamCases = teamCases;
  }

  /** Cases of this process opened for the manager's team within the last {@code days} days, the current one included. */
  public long countInTeam(String managerId, String processKey, Number days) {
    Date since = new Date(ClockUtil.getCurrentTime().getTime() - days.longValue() * DAY);
    String current = currentCaseOf(processKey);
    // The calling case may not be flushed to the history tables yet (same transaction): count it once either way.
    return teamCases.countOpened(managerId, processKey, since, current) + (current == null ? 0 : 1);
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
