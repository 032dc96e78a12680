package io.foothold.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
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
  /** The pending timers of each case (its called playbooks' included). */
  static final String TIMERS = "FH_CASE_TIMER";
  /** Every confidence rating of each case (its called playbooks' included). */
  static final String RATINGS = "FH_CASE_RATING";
  /**
   * Readers see a case only while its history is there: history removed some other way than HR's erasure or the
   * cleanup (an administrator through the REST API) hides its row at once; the next cleanup removes it.
   */
  static final String WITH_HISTORY = " EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + TABLE + ".CASE_ID_)";
  /**
   * A case's newest open step: the newest task (the task id breaks a tie). A row HR's offer wrote ahead of its task
   * has no creation time yet and is no step: left in, PostgreSQL would sort its NULL first (H2 sorts it last).
   */
  private static final String NEWEST_STEP = "(SELECT S.NAME_ FROM " + STEPS + " S WHERE S.CASE_ID_ = " + TABLE + ".CASE_ID_ "
      + "AND S.CREATED_MILLIS_ IS NOT NULL ORDER BY S.CREATED_MILLIS_ DESC, S.TASK_ID_ DESC LIMIT 1)";
  /** A case's next date: the nearest due date of its open steps, or when none has one, its nearest pending timer. */
  private static final String NEXT_DATE = "COALESCE((SELECT MIN(S.DUE_MILLIS_) FROM " + STEPS + " S WHERE S.CASE_ID_ = " + TABLE
      + ".CASE_ID_), (SELECT MIN(T.DUE_MILLIS_) FROM " + TIMERS + " T WHERE T.CASE_ID_ = " + TABLE + ".CASE_ID_))";
  /** Newest case first; the id breaks ties, so that pages never overlap. */
  private static final String NEWEST_FIRST = " ORDER BY OPENED_MILLIS_ DESC, CASE_ID_";
  private static final String REFRESHED = " SET CURRENT_STEP_ = " + NEWEST_STEP + ", NEXT_MILLIS_ = " + NEXT_DATE;

  static final String COLUMNS = "CASE_ID_, PLAYBOOK_, PROCESS_KEY_, MANAGER_, EMPLOYEE_, EMPLOYEE_NAME_, OPENED_MILLIS_, "
      + "CLOSED_MILLIS_, OUTCOME_, ESCALATED_, CURRENT_STEP_, PROCESS_NAME_, NEXT_MILLIS_, SUPPORTS_";
  /** Columns added after the case file's first release: a table without them is written again from history. */
  private static final String[][] ADDED = {{TABLE, "PROCESS_NAME_ VARCHAR(255)"}, {TABLE, "NEXT_MILLIS_ BIGINT"},
      {TABLE, "SUPPORTS_ VARCHAR(4000)"}, {STEPS, "ASSIGNEE_ VARCHAR(255)"}, {STEPS, "DUE_MILLIS_ BIGINT"},
      {STEPS, "HR_ BOOLEAN DEFAULT FALSE NOT NULL"}};

  private CaseFileTable() {
  }

  /** Creates the tables, or brings older ones up to date; true when they lacked columns (their rows need a rebuild). */
  static boolean create(JdbcOperations jdbc) {
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
        + "CURRENT_STEP_ VARCHAR(4000), "
        + "PROCESS_NAME_ VARCHAR(255), "
        + "NEXT_MILLIS_ BIGINT, "
        + "SUPPORTS_ VARCHAR(4000))");
    // CREATED_MILLIS_ may wait for its task: HR's candidate group is announced before the task itself
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + STEPS + " ("
        + "TASK_ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
        + "CASE_ID_ VARCHAR(64) NOT NULL, "
        + "NAME_ VARCHAR(4000), "
        + "CREATED_MILLIS_ BIGINT, "
        + "ASSIGNEE_ VARCHAR(255), "
        + "DUE_MILLIS_ BIGINT, "
        + "HR_ BOOLEAN DEFAULT FALSE NOT NULL)");
    boolean upgraded = false;
    for (String[] added : ADDED) {
      String column = added[1].substring(0, added[1].indexOf(' '));
      try {
        jdbc.queryForList("SELECT " + column + " FROM " + added[0] + " WHERE 1 = 0");
      } catch (DataAccessException missing) {
        jdbc.execute("ALTER TABLE " + added[0] + " ADD COLUMN IF NOT EXISTS " + added[1]);
        upgraded = true;
      }
    }
    if (upgraded) {
      jdbc.execute("ALTER TABLE " + STEPS + " ALTER COLUMN CREATED_MILLIS_ DROP NOT NULL");
    }
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + TIMERS + " ("
        + "JOB_ID_ VARCHAR(64) NOT NULL PRIMARY KEY, "
        + "CASE_ID_ VARCHAR(64) NOT NULL, "
        + "NAME_ VARCHAR(4000), "
        + "DUE_MILLIS_ BIGINT)");
    // SEQ_: the engine's sequence counter, which orders two ratings recorded in the same millisecond
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + RATINGS + " ("
        + "CASE_ID_ VARCHAR(64) NOT NULL, "
        + "AT_MILLIS_ BIGINT NOT NULL, "
        + "SEQ_ BIGINT NOT NULL, "
        + "VALUE_ DOUBLE PRECISION NOT NULL)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_STEP_CASE ON " + STEPS + " (CASE_ID_, CREATED_MILLIS_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_TIMER_CASE ON " + TIMERS + " (CASE_ID_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_RATING_CASE ON " + RATINGS + " (CASE_ID_, AT_MILLIS_, SEQ_)");
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_OPENED ON " + TABLE + " (OPENED_MILLIS_, CASE_ID_)");
    // the manager's overview: her open cases, her closed ones newest first
    jdbc.execute("CREATE INDEX IF NOT EXISTS FH_CASE_MANAGER_CLOSED ON " + TABLE + " (MANAGER_, CLOSED_MILLIS_)");
    jdbc.execute("DROP INDEX IF EXISTS FH_CASE_MANAGER");
    return upgraded;
  }

  /** The case has a row, with the definition it runs (a migrated case moves to its new one). */
  static void ensure(JdbcOperations jdbc, String caseId, String playbook, String processKey, String processName) {
    int updated = jdbc.update("UPDATE " + TABLE + " SET PLAYBOOK_ = ?, PROCESS_KEY_ = ?, PROCESS_NAME_ = ? WHERE CASE_ID_ = ?", playbook,
        processKey, processName, caseId);
    if (updated == 0) {
      jdbc.update("INSERT INTO " + TABLE + " (CASE_ID_, PLAYBOOK_, PROCESS_KEY_, PROCESS_NAME_, OUTCOME_, ESCALATED_) VALUES (?, ?, ?, ?, ?, ?)",
          caseId, playbook, processKey, processName, Outcomes.OPEN, false);
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
    jdbc.batchUpdate("INSERT INTO " + TABLE + " (" + COLUMNS + ", CASE_OUTCOME_, ESCALATED_FACT_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.stream().map(row -> {
          Map<Fact, Object> written = facts.getOrDefault(row.caseId(), Map.of());
          return new Object[] {row.caseId(), row.playbook(), row.processKey(), row.managerId(), row.employeeId(), row.employeeName(),
              millis(row.openedAt()), millis(row.closedAt()), row.outcome(), row.escalated(), row.currentStep(), row.processName(),
              millis(row.nextDate()), Supports.column(row.supports()),
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

  /** The rows that meet {@code condition} (on FH_CASE's columns), in the order {@code orderAndLimit} gives. */
  static List<CaseFile> where(JdbcOperations jdbc, String condition, String orderAndLimit, Object... arguments) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + condition + orderAndLimit, CaseFileTable::row, arguments);
  }

  /** The outlines of the rows that meet {@code condition}, in no particular order. */
  static List<CaseOutline> outlines(JdbcOperations jdbc, String condition, Object... arguments) {
    return jdbc.query("SELECT CASE_ID_, OPENED_MILLIS_, CLOSED_MILLIS_, OUTCOME_, ESCALATED_, SUPPORTS_ FROM " + TABLE + " WHERE " + condition,
        (row, i) -> new CaseOutline(row.getString(1), instant(row, 2), instant(row, 3), row.getString(4), row.getBoolean(5),
            Supports.fromColumn(row.getString(6))), arguments);
  }

  static long count(JdbcOperations jdbc, String condition, Object... arguments) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE " + condition, Long.class, arguments);
    return count == null ? 0 : count;
  }

  static List<CaseFile> all(JdbcOperations jdbc) {
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE" + WITH_HISTORY + NEWEST_FIRST,
        CaseFileTable::row);
  }

  /**
   * One page of the cases {@code filter} lets through, newest first (the id breaks ties), starting after {@code after}
   * (null: from the newest): paged by the last row seen, so a page costs the same however deep it is.
   */
  static List<CaseFile> page(JdbcOperations jdbc, CaseFileFilter filter, CaseFile after, int size) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = where(filter, arguments);
    if (after != null) {
      long opened = after.openedAt().toEpochMilli();
      where.append(" AND (OPENED_MILLIS_ < ? OR (OPENED_MILLIS_ = ? AND CASE_ID_ > ?))");
      arguments.addAll(List.of(opened, opened, after.caseId()));
    }
    arguments.add(size);
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + where + NEWEST_FIRST + " LIMIT ?", CaseFileTable::row, arguments.toArray());
  }

  /** The page of {@code size} cases that starts at the {@code first} case {@code filter} lets through, newest first. */
  static List<CaseFile> page(JdbcOperations jdbc, CaseFileFilter filter, long first, int size) {
    List<Object> arguments = new ArrayList<>();
    StringBuilder where = where(filter, arguments);
    arguments.addAll(List.of(size, first));
    return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + where + NEWEST_FIRST + " LIMIT ? OFFSET ?", CaseFileTable::row,
        arguments.toArray());
  }

  /** How many cases {@code filter} lets through. */
  static long count(JdbcOperations jdbc, CaseFileFilter filter) {
    List<Object> arguments = new ArrayList<>();
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + where(filter, arguments), Long.class, arguments.toArray());
    return count == null ? 0 : count;
  }

  private static StringBuilder where(CaseFileFilter filter, List<Object> arguments) {
    StringBuilder where = new StringBuilder(" WHERE OPENED_MILLIS_ IS NOT NULL AND" + WITH_HISTORY);
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
    return where;
  }

  private static void condition(StringBuilder where, List<Object> arguments, String condition, Object value) {
    if (value != null) {
      where.append(" AND ").append(condition);
      arguments.add(value);
    }
  }

  static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }

  static boolean exists(JdbcOperations jdbc, String caseId) {
    return !jdbc.queryForList("SELECT 1 FROM " + TABLE + " WHERE CASE_ID_ = ?", Integer.class, caseId).isEmpty();
  }

  /** The case's current step and next date, after one of its steps or timers changed. */
  static void refresh(JdbcOperations jdbc, String caseId) {
    jdbc.update("UPDATE " + TABLE + REFRESHED + " WHERE CASE_ID_ = ?", caseId);
  }

  /** Every case's current step and next date, after a rebuild wrote the open steps and timers. */
  static void refreshAll(JdbcOperations jdbc) {
    jdbc.update("UPDATE " + TABLE + REFRESHED);
  }

  static int erase(JdbcOperations jdbc, String caseId) {
    for (String table : List.of(STEPS, TIMERS, RATINGS)) {
      jdbc.update("DELETE FROM " + table + " WHERE CASE_ID_ = ?", caseId);
    }
    return jdbc.update("DELETE FROM " + TABLE + " WHERE CASE_ID_ = ?", caseId);
  }

  /** Retention: the rows of every case whose history is gone or due for removal at {@code now} (its removal time). */
  static int eraseExpired(JdbcOperations jdbc, Instant now) {
    for (String table : List.of(STEPS, TIMERS, RATINGS)) {
      jdbc.update("DELETE FROM " + table + " WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + table
          + ".CASE_ID_ AND (P.REMOVAL_TIME_ IS NULL OR P.REMOVAL_TIME_ > ?))", Timestamp.from(now));
    }
    return jdbc.update("DELETE FROM " + TABLE + " WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.ID_ = " + TABLE
        + ".CASE_ID_ AND (P.REMOVAL_TIME_ IS NULL OR P.REMOVAL_TIME_ > ?))", Timestamp.from(now));
  }

  static int eraseAll(JdbcOperations jdbc) {
    for (String table : List.of(STEPS, TIMERS, RATINGS)) {
      jdbc.update("DELETE FROM " + table);
    }
    return jdbc.update("DELETE FROM " + TABLE);
  }

  static CaseFile row(ResultSet row, int i) throws SQLException {
    return new CaseFile(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
        instant(row, 7), instant(row, 8), row.getString(9), row.getBoolean(10), row.getString(11), row.getString(12), instant(row, 13),
        Supports.fromColumn(row.getString(14)));
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
