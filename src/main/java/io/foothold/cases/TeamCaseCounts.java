package io.foothold.cases;

import java.util.Date;

import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.playbook.spi.TeamCases;

/** The SPI's {@link TeamCases}: counts from the engine's history, read on Foothold's own authority. */
@Component
class TeamCaseCounts implements TeamCases {

  private final SystemAccess system;

  TeamCaseCounts(SystemAccess system) {
    this.system = system;
  }

  @Override
  public long countOpened(String managerId, String processKey, Date since, String notCounting) {
    return system.call(() -> {
      long all = opened(managerId, processKey, since).count();
      return notCounting == null ? all : all - opened(managerId, processKey, since).processInstanceId(notCounting).count();
    });
  }

  private HistoricProcessInstanceQuery opened(String managerId, String processKey, Date since) {
    return system.engine().getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .startedAfter(since)
        .variableValueEquals(CaseOpened.MANAGER, managerId);
  }
}
