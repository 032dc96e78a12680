package io.foothold.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
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
import io.foothold.security.Roles;

/**
 * Writes the case file again from Camunda's history, in one transaction: every root instance that is a case, with
 * the facts its history keeps, its open tasks (whose, when due, whether offered to HR), its pending timers and every
 * confidence rating recorded in it. Runs at start-up when history has a case the table lacks (a new installation, an
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
  private final CaseFileEnginePlugin tables;

  CaseFileRebuild(JdbcTemplate jdbc, SystemAccess system, CaseDefinitions definitions, PlatformTransactionManager transactions,
      @Value("${foothold.case-file.rebuild:false}") boolean rebuildAtStartUp, CaseFileEnginePlugin tables) {
    this.jdbc = jdbc;
    this.tables = tables;
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
          writeTimers();
          writeRatings();
          CaseFileTable.refreshAll(jdbc);
          return cases;
        }
      }
    }));
    return written == null ? 0 : written;
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildAtStartUp() {
    try {
      if (rebuildAtStartUp || tables.upgraded() || historyHasCasesTheCaseFileLacks()) {
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
              .put(fact, fact == Fact.SUPPORTS ? Supports.readable(variable.getTypedValue()) : variable.getValue()));
        }
      }
    }
    List<CaseFile> rows = instances.stream().map(instance -> row(instance, facts.getOrDefault(instance.getId(), Map.of()))).toList();
    CaseFileTable.insert(jdbc, rows, facts);
  }

  /** Every open task of a case (its called playbooks' included): whose it is, when due, whether HR's group is offered it. */
  private void writeOpenSteps() {
    Set<String> offeredToHr = new HashSet<>();
    paged(first -> system.engine().getTaskService().createTaskQuery().taskCandidateGroup(Roles.HR).includeAssignedTasks()
        .orderByTaskId().asc().listPage(first, PAGE)).forEach(task -> offeredToHr.add(task.getId()));
    for (HistoricTaskInstance task : paged(first -> history().createHistoricTaskInstanceQuery().unfinished().orderByTaskId().asc()
        .listPage(first, PAGE))) {
      if (task.getRootProcessInstanceId() != null && CaseFileTable.exists(jdbc, task.getRootProcessInstanceId())) {
        CaseStepTables.stepOpened(jdbc, new CaseStep(task.getRootProcessInstanceId(), task.getId(), task.getName(), task.getAssignee(),
            task.getStartTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(), offeredToHr.contains(task.getId())));
      }
    }
  }

  /** Every timer a case (or a playbook it called) waits on, named as its designer named the timer event. */
  private void writeTimers() {
    for (Job job : paged(first -> system.engine().getManagementService().createJobQuery().timers().orderByJobId().asc().listPage(first, PAGE))) {
      if (job.getRootProcessInstanceId() != null && CaseFileTable.exists(jdbc, job.getRootProcessInstanceId())) {
        String activity = job instanceof JobEntity entity ? entity.getActivityId() : null;
        CaseStepTables.timerPending(jdbc, new CaseTimer(job.getRootProcessInstanceId(), job.getId(),
            definitions.elementName(job.getProcessDefinitionId(), activity), job.getDuedate() == null ? null : job.getDuedate().toInstant()));
      }
    }
  }

  /**
   * Every confidence rating history recorded in a case (each create or update of the variable with a number), read
   * in one query from the details' number columns: there are several per case, and they hold no byte arrays.
   */
  private void writeRatings() {
    List<Object[]> rows = jdbc.query("SELECT D.ROOT_PROC_INST_ID_, D.TIME_, D.SEQUENCE_COUNTER_, D.VAR_TYPE_, D.LONG_, D.DOUBLE_ "
        + "FROM ACT_HI_DETAIL D WHERE D.TYPE_ = 'VariableUpdate' AND D.NAME_ = ? AND D.VAR_TYPE_ IN ('integer', 'long', 'short', 'double') "
        + "AND EXISTS (SELECT 1 FROM " + CaseFileTable.TABLE + " C WHERE C.CASE_ID_ = D.ROOT_PROC_INST_ID_)", (row, i) -> {
          Object value = "double".equals(row.getString(4)) ? row.getObject(6) : row.getObject(5);
          return value == null ? null : new Object[] {row.getString(1), row.getTimestamp(2).getTime(), row.getLong(3), ((Number) value).doubleValue()};
        }, CaseRating.VARIABLE);
    CaseStepTables.ratings(jdbc, rows.stream().filter(row -> row != null).toList());
  }

  private static <T> List<T> paged(IntFunction<List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> rows = page.apply(first);
      all.addAll(rows);
      if (rows.size() < PAGE) {
        return all;
      }
    }
  }

  private CaseFile row(HistoricProcessInstance instance, Map<Fact, Object> facts) {
    CaseDefinitions.Definition definition = definitions.of(instance.getProcessDefinitionId());
    boolean ended = instance.getEndTime() != null;
    String outcome = Outcomes.of(ended, facts.get(Fact.OUTCOME));
    return new CaseFile(instance.getId(), definition.playbook(), definition.key(), text(facts.get(Fact.MANAGER)),
        text(facts.get(Fact.EMPLOYEE)), text(facts.get(Fact.EMPLOYEE_NAME)), instance.getStartTime().toInstant(),
        ended ? instance.getEndTime().toInstant() : null, outcome, Outcomes.escalated(outcome, facts.get(Fact.ESCALATED)), null,
        definition.name(), null, Supports.ids(facts.get(Fact.SUPPORTS)));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private HistoryService history() {
    return system.engine().getHistoryService();
  }
}
