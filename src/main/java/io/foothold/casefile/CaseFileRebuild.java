package io.foothold.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.foothold.engine.SystemAccess;

/**
 * Writes the case file again from Camunda's history, in one transaction: every root instance that is a case, with
 * the facts its history keeps. Runs at start-up when the table is empty (a new installation, an upgrade that brings
 * the table, or an operator who emptied it to rebuild it), and from {@link #rebuild()}.
 */
@Component
public class CaseFileRebuild {

  private static final Logger log = LoggerFactory.getLogger(CaseFileRebuild.class);
  private static final int PAGE = 500;
  /** Case ids per variable query (H2 checks every index hit against the whole IN list). */
  private static final int VARIABLE_CHUNK = 50;

  private final JdbcTemplate jdbc;
  private final SystemAccess system;
  private final CaseDefinitions definitions;
  private final TransactionTemplate transaction;

  CaseFileRebuild(JdbcTemplate jdbc, SystemAccess system, CaseDefinitions definitions, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.system = system;
    this.definitions = definitions;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Empties the case file and writes every case again from history; returns the number of cases written. */
  public int rebuild() {
    Integer written = transaction.execute(status -> system.call(() -> {
      CaseFileTable.eraseAll(jdbc);
      int cases = 0;
      for (int first = 0; ; first += PAGE) {
        List<HistoricProcessInstance> page = history().createHistoricProcessInstanceQuery().rootProcessInstances()
            .orderByProcessInstanceId().asc().listPage(first, PAGE);
        List<HistoricProcessInstance> real = page.stream().filter(instance -> !definitions.of(instance.getProcessDefinitionId()).concern()).toList();
        write(real);
        cases += real.size();
        if (page.size() < PAGE) {
          return cases;
        }
      }
    }));
    return written == null ? 0 : written;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildWhenEmpty() {
    try {
      if (CaseFileTable.count(jdbc) == 0) {
        int cases = rebuild();
        if (cases > 0) {
          log.info("Wrote the case file from history: {} cases", cases);
        }
      }
    } catch (DataAccessException e) {
      // another node of a cluster may be writing it at the same moment; its rebuild stands
      log.warn("Could not write the case file from history at start-up: {}", e.getMessage());
    }
  }

  private void write(List<HistoricProcessInstance> instances) {
    Map<String, Map<Fact, Object>> facts = new HashMap<>();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    for (int from = 0; from < ids.size(); from += VARIABLE_CHUNK) {
      List<HistoricVariableInstance> found = history().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(from + VARIABLE_CHUNK, ids.size())).toArray(String[]::new))
          .variableNameIn(Fact.variables()).disableCustomObjectDeserialization().list();
      for (HistoricVariableInstance variable : found) {
        if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
          Fact.of(variable.getName()).ifPresent(fact -> facts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(fact, variable.getValue()));
        }
      }
    }
    for (HistoricProcessInstance instance : instances) {
      CaseDefinitions.Definition definition = definitions.of(instance.getProcessDefinitionId());
      CaseFileTable.ensure(jdbc, instance.getId(), definition.playbook(), definition.key());
      facts.getOrDefault(instance.getId(), Map.of()).forEach((fact, value) -> CaseFileTable.fact(jdbc, instance.getId(), fact, value));
      CaseFileTable.opened(jdbc, instance.getId(), instance.getStartTime().toInstant());
      if (instance.getEndTime() != null) {
        CaseFileTable.closed(jdbc, instance.getId(), instance.getEndTime().toInstant());
      }
    }
  }

  private HistoryService history() {
    return system.engine().getHistoryService();
  }
}
