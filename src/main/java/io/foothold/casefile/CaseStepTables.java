package io.foothold.casefile;

import static io.foothold.casefile.CaseFileTable.RATINGS;
import static io.foothold.casefile.CaseFileTable.STEPS;
import static io.foothold.casefile.CaseFileTable.TIMERS;
import static io.foothold.casefile.CaseFileTable.instant;
import static io.foothold.casefile.CaseFileTable.millis;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * What a case waits on and what it recorded along the way, beside its row in FH_CASE: its open tasks (FH_CASE_STEP),
 * its pending timers (FH_CASE_TIMER) and its confidence ratings (FH_CASE_RATING), its called playbooks' included.
 * Read by the case (or a set of cases given as a condition on FH_CASE, e.g. one manager's open cases) in one query
 * per table.
 */
final class CaseStepTables {

  private static final String STEP_COLUMNS = "S.CASE_ID_, S.TASK_ID_, S.NAME_, S.ASSIGNEE_, S.CREATED_MILLIS_, S.DUE_MILLIS_, S.HR_";
  private static final String TIMER_COLUMNS = "T.CASE_ID_, T.JOB_ID_, T.NAME_, T.DUE_MILLIS_";
  private static final String RATING_COLUMNS = "R.CASE_ID_, R.AT_MILLIS_, R.VALUE_";

  private CaseStepTables() {
  }

  /** A task opened: its row, keeping whether HR's group was offered it (announced before the task itself). */
  static void stepOpened(JdbcOperations jdbc, CaseStep step) {
    int updated = jdbc.update("UPDATE " + STEPS + " SET CASE_ID_ = ?, NAME_ = ?, ASSIGNEE_ = ?, CREATED_MILLIS_ = ?, DUE_MILLIS_ = ? "
        + "WHERE TASK_ID_ = ?", step.caseId(), step.name(), step.assignee(), millis(step.createdAt()), millis(step.dueAt()), step.taskId());
    if (updated == 0) {
      jdbc.update("INSERT INTO " + STEPS + " (TASK_ID_, CASE_ID_, NAME_, ASSIGNEE_, CREATED_MILLIS_, DUE_MILLIS_, HR_) VALUES (?, ?, ?, ?, ?, ?, ?)",
          step.taskId(), step.caseId(), step.name(), step.assignee(), millis(step.createdAt()), millis(step.dueAt()), step.hrTask());
    }
  }

  /** A task's name, assignee or due date changed. */
  static void stepChanged(JdbcOperations jdbc, String taskId, String name, String assignee, Instant due) {
    jdbc.update("UPDATE " + STEPS + " SET NAME_ = ?, ASSIGNEE_ = ?, DUE_MILLIS_ = ? WHERE TASK_ID_ = ?", name, assignee, millis(due), taskId);
  }

  /** HR's group was offered the task, or no longer is; a task not yet written gets a row its opening completes. */
  static void offeredToHr(JdbcOperations jdbc, String caseId, String taskId, boolean offered) {
    if (jdbc.update("UPDATE " + STEPS + " SET HR_ = ? WHERE TASK_ID_ = ?", offered, taskId) == 0 && offered) {
      jdbc.update("INSERT INTO " + STEPS + " (TASK_ID_, CASE_ID_, HR_) VALUES (?, ?, ?)", taskId, caseId, true);
    }
  }

  static void stepClosed(JdbcOperations jdbc, String taskId) {
    jdbc.update("DELETE FROM " + STEPS + " WHERE TASK_ID_ = ?", taskId);
  }

  /** A timer was scheduled, or its due date moved (a failed run is tried again later). */
  static void timerPending(JdbcOperations jdbc, CaseTimer timer) {
    int updated = jdbc.update("UPDATE " + TIMERS + " SET DUE_MILLIS_ = ? WHERE JOB_ID_ = ?", millis(timer.dueAt()), timer.jobId());
    if (updated == 0) {
      jdbc.update("INSERT INTO " + TIMERS + " (JOB_ID_, CASE_ID_, NAME_, DUE_MILLIS_) VALUES (?, ?, ?, ?)", timer.jobId(), timer.caseId(),
          timer.name(), millis(timer.dueAt()));
    }
  }

  static void timerGone(JdbcOperations jdbc, String jobId) {
    jdbc.update("DELETE FROM " + TIMERS + " WHERE JOB_ID_ = ?", jobId);
  }

  static void rated(JdbcOperations jdbc, CaseRating rating, long sequence) {
    jdbc.update("INSERT INTO " + RATINGS + " (CASE_ID_, AT_MILLIS_, SEQ_, VALUE_) VALUES (?, ?, ?, ?)", rating.caseId(),
        rating.at().toEpochMilli(), sequence, rating.value());
  }

  /** Rows written in one batch (a rebuild): case id, time, sequence counter, value. */
  static void ratings(JdbcOperations jdbc, List<Object[]> rows) {
    jdbc.batchUpdate("INSERT INTO " + RATINGS + " (CASE_ID_, AT_MILLIS_, SEQ_, VALUE_) VALUES (?, ?, ?, ?)", rows);
  }

  /**
   * The open steps of the cases whose FH_CASE row meets {@code caseCondition} (on FH_CASE's columns, with
   * {@code arguments}), oldest first.
   */
  static List<CaseStep> steps(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    return jdbc.query("SELECT " + STEP_COLUMNS + " FROM " + STEPS + " S JOIN " + CaseFileTable.TABLE + " ON " + CaseFileTable.TABLE
        + ".CASE_ID_ = S.CASE_ID_ WHERE S.CREATED_MILLIS_ IS NOT NULL AND " + caseCondition + " ORDER BY S.CREATED_MILLIS_, S.TASK_ID_",
        (row, i) -> new CaseStep(row.getString(1), row.getString(2), row.getString(3), row.getString(4), instant(row, 5), instant(row, 6),
            row.getBoolean(7)), arguments);
  }

  /** The pending timers of the cases whose row meets {@code caseCondition}, nearest first. */
  static List<CaseTimer> timers(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    return jdbc.query("SELECT " + TIMER_COLUMNS + " FROM " + TIMERS + " T JOIN " + CaseFileTable.TABLE + " ON " + CaseFileTable.TABLE
        + ".CASE_ID_ = T.CASE_ID_ WHERE " + caseCondition + " ORDER BY T.DUE_MILLIS_, T.JOB_ID_",
        (row, i) -> new CaseTimer(row.getString(1), row.getString(2), row.getString(3), instant(row, 4)), arguments);
  }

  /** The ratings of the cases whose row meets {@code caseCondition}, in the order they were recorded. */
  static List<CaseRating> ratings(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    return jdbc.query("SELECT " + RATING_COLUMNS + " FROM " + RATINGS + " R JOIN " + CaseFileTable.TABLE + " ON " + CaseFileTable.TABLE
        + ".CASE_ID_ = R.CASE_ID_ WHERE " + caseCondition + " ORDER BY R.CASE_ID_, R.AT_MILLIS_, R.SEQ_",
        (row, i) -> new CaseRating(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getDouble(3)), arguments);
  }
}
