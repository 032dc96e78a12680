package io.foothold.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * the facts its history keeps and its open tasks. Runs at start-up when history has a case the table lacks (a new installation, an
 * upgrade that brings the table, history restored or generated around the engine) or when the application is started with {@code --foothold.case-file.rebuild=true} (the operator's
 * command), and from {@link #rebuild()}.
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
  private final boolean rebuildAtStartUp;

  CaseFileRebuild(JdbcTemplate jdbc, SystemAccess system, CaseDefinitions definitions, PlatformTransactionManager transactions,
      @Value("${foothold.case-file.rebuild:false}") boolean rebuildAtStartUp) {
    this.jdbc = jdbc;
    this.rebuildAtStartUp = rebuildAtStartUp;
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
          writeOpenSteps();
          return cases;
        }
      }
    }));
    return written == null ? 0 : written;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildAtStartUp() {
    try {
      if (rebuildAtStartUp || historyHasCasesTheCaseFileLacks()) {
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

  /**
   * Whether a root instance in history that is a case has no row: a new installation or an upgrade that brings the
   * table, or history written around the engine (a restored backup, generated data). Concerns never have rows.
   */
  private boolean historyHasCasesTheCaseFileLacks() {
    return jdbc.queryForList("SELECT DISTINCT P.PROC_DEF_ID_ FROM ACT_HI_PROCINST P WHERE P.SUPER_PROCESS_INSTANCE_ID_ IS NULL "
        + "AND P.ID_ = P.ROOT_PROC_INST_ID_ AND NOT EXISTS (SELECT 1 FROM " + CaseFileTable.TABLE + " C WHERE C.CASE_ID_ = P.ID_)", String.class)
        .stream().anyMatch(definitionId -> !definitions.of(definitionId).concern());
  }

  private void write(List<HistoricProcessInstance> instances) {
    Map<String, Map<Fact, Object>> facts = new HashMap<>();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    for (int from = 0; from < ids.size(); from += VARIABLE_CHUNK) {
      List<HistoricVariableInstance> found = history().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(from + VARIABLE_CHUNK, ids.size())).toArray(String[]::new))
          .variableNameIn(Fact.variables()).disableCustomObjectDeserialization().list();
      for (HistoricVariableInstance variable : found) {
        if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getTaskId() == null) {
          Fact.of(variable.getName()).ifPresent(fact -> facts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
              .put(fact, variable.getValue()));
        }
      }
    }
    List<CaseFile> rows = instances.stream().map(instance -> row(instance, facts.getOrDefault(instance.getId(), Map.of()))).toList();
    CaseFileTable.insert(jdbc, rows, facts);
  }

  /** Every open task of a case (its called playbooks' included), then each case's current step from them. */
  private void writeOpenSteps() {
    for (int first = 0; ; first += PAGE) {
      List<HistoricTaskInstance> page = history().createHistoricTaskInstanceQuery().unfinished().orderByTaskId().asc().listPage(first, PAGE);
      page.stream().filter(task -> task.getRootProcessInstanceId() != null && CaseFileTable.exists(jdbc, task.getRootProcessInstanceId()))
          .forEach(task -> CaseFileTable.stepOpened(jdbc, task.getRootProcessInstanceId(), task.getId(), task.getName(),
              task.getStartTime().toInstant()));
      if (page.size() < PAGE) {
        break;
      }
    }
    CaseFileTable.currentSteps(jdbc);
  }

  private CaseFile row(HistoricProcessInstance instance, Map<Fact, Object> facts) {
    CaseDefinitions.Definition definition = definitions.of(instance.getProcessDefinitionId());
    boolean ended = instance.getEndTime() != null;
    String outcome = Outcomes.of(ended, facts.get(Fact.OUTCOME));
    return new CaseFile(instance.getId(), definition.playbook(), definition.key(), text(facts.get(Fact.MANAGER)),
        text(facts.get(Fact.EMPLOYEE)), text(facts.get(Fact.EMPLOYEE_NAME)), instance.getStartTime().toInstant(),
        ended ? instance.getEndTime().toInstant() : null, outcome, Outcomes.escalated(outcome, facts.get(Fact.ESCALATED)), null);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private HistoryService history() {
    return system.engine().getHistoryService();
  }
}
