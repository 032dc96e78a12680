package io.foothold.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * FH_CASE, one row per case beside the engine's tables. The case's facts are kept as the playbook wrote them
 * ({@code CASE_OUTCOME_}, {@code ESCALATED_FACT_}) and, derived from them whenever one changes, as HR reads them
 * ({@code OUTCOME_}, {@code ESCALATED_}). Times are epoch milliseconds. Plain SQL for H2 and PostgreSQL.
 */
final class CaseFileTable {

  static final String TABLE = "FH_CASE";
  /** The open tasks of each case (its called playbooks' included), from which its current step is taken. */
  static final String STEPS = "FH_CASE_STEP";
  /**
   * Readers see a case only while its history is there: history removed some other way than HR's erasure or the
   * cleanup (an administrator through the REST API) hides its row at once; the next cleanup removes it.
   */
  private static final String WITH_HISTORY = " EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + TABLE + ".CASE_ID_)";
  /** A case's newest open step: the newest task (the task id breaks a tie). */
  private static final String NEWEST_STEP = "(SELECT S.NAME_ FROM " + STEPS + " S WHERE S.CASE_ID_ = " + TABLE + ".CASE_ID_ "
      + "ORDER BY S.CREATED_MILLIS_ DESC, S.TASK_ID_ DESC LIMIT 1)";

  private static final String COLUMNS = "CASE_ID_, PLAYBOOK_, PROCESS_KEY_, MANAGER_, EMPLOYEE_, EMPLOYEE_NAME_, OPENED_MILLIS_, "
      + "CLOSED_MILLIS_, OUTCOME_, ESCALATED_, CURRENT_STEP_";

  private CaseFileTable() {
  }

  static void create(JdbcOperations jdbc) {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
        + "CASE_ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
        + "PLAYBOOK_ VARCHAR(255), "
        + "PROCESS_KEY_ VARCHAR(255), "
        + "MANAGER_ VARCHAR(255), "
        + "EMPLOYEE_ VARCHAR(255), "
        + "EMPLOYEE_NAME_ VARCHAR(4000), "
        + "OPENED_MILLIS_ BIGINT, "
        + "CLOSED_MILLIS_ BIGINT, "
        + "CASE_OUTCOME_ VARCHAR(4000), "
        + "ESCALATED_FACT_ BOOLEAN, "
        + "OUTCOME_ VARCHAR(32) NOT NULL, "
        + "ESCALATED_ BOOLEAN NOT NULL, "
        + "CURRENT_STEP_ VARCHAR(4000))");
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + STEPS + " ("
        + "TASK_ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
        + "CASE_ID_ VARCHAR(64) NOT NULL, "
        + "NAME_ VARCHAR(4000), "
        + "CREATED_MILLIS_ BIGINT NOT NULL)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_STEP_CASE ON " + STEPS + " (CASE_ID_, CREATED_MILLIS_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_OPENED ON " + TABLE + " (OPENED_MILLIS_, CASE_ID_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_MANAGER ON " + TABLE + " (MANAGER_)");
  }

  /** The case has a row, with the definition it runs (a migrated case moves to its new one). */
  static void ensure(JdbcOperations jdbc, String caseId, String playbook, String processKey) {
    int updated = jdbc.update("UPDATE " + TABLE + " SET PLAYBOOK_ = ?, PROCESS_KEY_ = ? WHERE CASE_ID_ = ?", playbook, processKey, caseId);
    if (updated == 0) {
      jdbc.update("INSERT INTO " + TABLE + " (CASE_ID_, PLAYBOOK_, PROCESS_KEY_, OUTCOME_, ESCALATED_) VALUES (?, ?, ?, ?, ?)",
          caseId, playbook, processKey, Outcomes.OPEN, false);
    }
  }

  static void opened(JdbcOperations jdbc, String caseId, Instant at) {
    jdbc.update("UPDATE " + TABLE + " SET OPENED_MILLIS_ = ? WHERE CASE_ID_ = ?", at.toEpochMilli(), caseId);
    derive(jdbc, caseId);
  }

  static void closed(JdbcOperations jdbc, String caseId, Instant at) {
    jdbc.update("UPDATE " + TABLE + " SET CLOSED_MILLIS_ = ? WHERE CASE_ID_ = ?", at.toEpochMilli(), caseId);
    derive(jdbc, caseId);
  }

  /** Rows written in one batch (a rebuild), with the facts as the playbook wrote them beside what HR reads. */
  static void insert(JdbcOperations jdbc, List<CaseFile> rows, Map<String, Map<Fact, Object>> facts) {
    jdbc.batchUpdate("INSERT INTO " + TABLE + " (" + COLUMNS + ", CASE_OUTCOME_, ESCALATED_FACT_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.stream().map(row -> {
          Map<Fact, Object> written = facts.getOrDefault(row.caseId(), Map.of());
          return new Object[] {row.caseId(), row.playbook(), row.processKey(), row.managerId(), row.employeeId(), row.employeeName(),
              millis(row.openedAt()), millis(row.closedAt()), row.outcome(), row.escalated(), row.currentStep(),
              Fact.OUTCOME.stored(written.get(Fact.OUTCOME)), Fact.ESCALATED.stored(written.get(Fact.ESCALATED))};
        }).toList());
  }

  /** One of the case's facts changed: {@code column} is one of {@link Fact}'s columns. */
  static void fact(JdbcOperations jdbc, String caseId, Fact fact, Object value) {
    jdbc.update("UPDATE " + TABLE + " SET " + fact.column + " = ? WHERE CASE_ID_ = ?", fact.stored(value), caseId);
    if (fact.derives) {
      derive(jdbc, caseId);
    }
  }

  /** Outcome and escalation as HR reads them, from the facts as the playbook wrote them. */
  private static void derive(JdbcOperations jdbc, String caseId) {
    // read first, then write: no update while the connection still has a result set open
    List<Object[]> facts = jdbc.query("SELECT CLOSED_MILLIS_, CASE_OUTCOME_, ESCALATED_FACT_ FROM " + TABLE + " WHERE CASE_ID_ = ?",
        (row, i) -> new Object[] {row.getObject(1), row.getString(2), row.getObject(3)}, caseId);
    for (Object[] fact : facts) {
      String outcome = Outcomes.of(fact[0] != null, fact[1]);
      jdbc.update("UPDATE " + TABLE + " SET OUTCOME_ = ?, ESCALATED_ = ? WHERE CASE_ID_ = ?", outcome, Outcomes.escalated(outcome, fact[2]),
          caseId);
    }
  }

  static List<CaseFile> one(JdbcOperations jdbc, String caseId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE CASE_ID_ = ? AND" + WITH_HISTORY, CaseFileTable::row, caseId);
  }

  static List<CaseFile> all(JdbcOperations jdbc) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE" + WITH_HISTORY + " ORDER BY OPENED_MILLIS_ DESC, CASE_ID_",
        CaseFileTable::row);
  }

  /**
   * One page of the cases {@code filter} lets through, newest first (the id breaks ties), starting after {@code after}
   * (null: from the newest): paged by the last row seen, so a page costs the same however deep it is.
   */
  static List<CaseFile> page(JdbcOperations jdbc, CaseFileFilter filter, CaseFile after, int size) {
    StringBuilder where = new StringBuilder(" WHERE OPENED_MILLIS_ IS NOT NULL AND" + WITH_HISTORY);
    List<Object> arguments = new ArrayList<>();
    condition(where, arguments, "PLAYBOOK_ = ?", filter.playbook());
    if (filter.open() != null) {
      where.append(filter.open() ? " AND CLOSED_MILLIS_ IS NULL" : " AND CLOSED_MILLIS_ IS NOT NULL");
    }
    condition(where, arguments, "MANAGER_ = ?", filter.managerId());
    condition(where, arguments, "OPENED_MILLIS_ >= ?", millis(filter.openedFrom()));
    condition(where, arguments, "OPENED_MILLIS_ <= ?", millis(filter.openedTo()));
    condition(where, arguments, "CLOSED_MILLIS_ >= ?", millis(filter.closedFrom()));
    condition(where, arguments, "CLOSED_MILLIS_ <= ?", millis(filter.closedTo()));
    condition(where, arguments, "OUTCOME_ = ?", filter.outcome());
    if (after != null) {
      long opened = after.openedAt().toEpochMilli();
      where.append(" AND (OPENED_MILLIS_ < ? OR (OPENED_MILLIS_ = ? AND CASE_ID_ > ?))");
      arguments.addAll(List.of(opened, opened, after.caseId()));
    }
    arguments.add(size);
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + where + " ORDER BY OPENED_MILLIS_ DESC, CASE_ID_ LIMIT ?",
        CaseFileTable::row, arguments.toArray());
  }

  private static void condition(StringBuilder where, List<Object> arguments, String condition, Object value) {
    if (value != null) {
      where.append(" AND ").append(condition);
      arguments.add(value);
    }
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  static boolean exists(JdbcOperations jdbc, String caseId) {
    return !jdbc.queryForList("SELECT 1 FROM " + TABLE + " WHERE CASE_ID_ = ?", Integer.class, caseId).isEmpty();
  }

  static void stepOpened(JdbcOperations jdbc, String caseId, String taskId, String name, Instant at) {
    jdbc.update("DELETE FROM " + STEPS + " WHERE TASK_ID_ = ?", taskId);
    jdbc.update("INSERT INTO " + STEPS + " (TASK_ID_, CASE_ID_, NAME_, CREATED_MILLIS_) VALUES (?, ?, ?, ?)", taskId, caseId, name,
        at.toEpochMilli());
  }

  static void stepRenamed(JdbcOperations jdbc, String taskId, String name) {
    jdbc.update("UPDATE " + STEPS + " SET NAME_ = ? WHERE TASK_ID_ = ?", name, taskId);
  }

  static void stepClosed(JdbcOperations jdbc, String taskId) {
    jdbc.update("DELETE FROM " + STEPS + " WHERE TASK_ID_ = ?", taskId);
  }

  /** The case's current step is its newest open task (the task id breaks a tie), or none. */
  static void currentStep(JdbcOperations jdbc, String caseId) {
    jdbc.update("UPDATE " + TABLE + " SET CURRENT_STEP_ = " + NEWEST_STEP + " WHERE CASE_ID_ = ?", caseId);
  }

  /** Every case's current step, after a rebuild wrote the open tasks. */
  static void currentSteps(JdbcOperations jdbc) {
    jdbc.update("UPDATE " + TABLE + " SET CURRENT_STEP_ = " + NEWEST_STEP);
  }

  static int erase(JdbcOperations jdbc, String caseId) {
    jdbc.update("DELETE FROM " + STEPS + " WHERE CASE_ID_ = ?", caseId);
    return jdbc.update("DELETE FROM " + TABLE + " WHERE CASE_ID_ = ?", caseId);
  }

  /** Retention: the rows of every case whose history is gone or due for removal at {@code now} (its removal time). */
  static int eraseExpired(JdbcOperations jdbc, Instant now) {
    jdbc.update("DELETE FROM " + STEPS + " WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + STEPS
        + ".CASE_ID_ AND (P.REMOVAL_TIME_ IS NULL OR P.REMOVAL_TIME_ > ?))", Timestamp.from(now));
    return jdbc.update("DELETE FROM " + TABLE + " WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + TABLE
        + ".CASE_ID_ AND (P.REMOVAL_TIME_ IS NULL OR P.REMOVAL_TIME_ > ?))", Timestamp.from(now));
  }

  static int eraseAll(JdbcOperations jdbc) {
    jdbc.update("DELETE FROM " + STEPS);
    return jdbc.update("DELETE FROM " + TABLE);
  }

  private static CaseFile row(ResultSet row, int i) throws SQLException {
    return new CaseFile(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
        instant(row, 7), instant(row, 8), row.getString(9), row.getBoolean(10), row.getString(11));
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
