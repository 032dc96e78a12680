package io.foothold.security;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricCaseActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * The engine's statistics queries count running and finished instances per definition, deployment and activity
 * with only READ on the definition: a designer could read exactly how many cases run in each playbook, below the
 * five-case threshold under which HR's own figures are hidden. Only administrators may run them, whichever way they
 * are asked (/engine-rest/process-definition/statistics, …/{id}/statistics, history statistics, Cockpit, Java API);
 * the engine's own work (no signed-in user) is not affected.
 */
@Component
class AdminOnlyStatistics extends PersonCommandGuard {

  private static final Set<Class<?>> STATISTICS = Set.of(ProcessDefinitionStatisticsQueryImpl.class,
      ActivityStatisticsQueryImpl.class, DeploymentStatisticsQueryImpl.class, HistoricActivityStatisticsQueryImpl.class,
      HistoricCaseActivityStatisticsQueryImpl.class, HistoricDecisionInstanceStatisticsQueryImpl.class);

  @Override
  protected void check(Command<?> command) {
    Authentication person = STATISTICS.contains(command.getClass()) ? personToCheck() : null;
    if (person != null) {
      throw new AuthorizationException("Statistics count the cases of each playbook and are for administrators only"
          + " (group " + Roles.ADMINS + "); '" + person.getUserId() + "' is not one.");
    }
  }
}
