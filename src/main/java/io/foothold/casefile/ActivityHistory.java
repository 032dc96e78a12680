package io.foothold.casefile;

import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Figures over the engine's activity history (ACT_HI_ACTINST) of the cases in the case file, which does not copy
 * it: summed, counted and their medians taken in the database, so a reader receives one row per step, not one per
 * visit. Plain SQL for H2 and PostgreSQL.
 */
final class ActivityHistory {

  private ActivityHistory() {
  }

  /**
   * Per user task (of the cases or of playbooks they called) over the closed cases whose row meets {@code caseCondition}:
   * how many spent a finished visit in it and the median of their time there (each case's visits added up), in the
   * order cases first reached them.
   */
  static List<StepMedian> stepMediansOfClosedCases(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    String perCase = "SELECT A.ACT_ID_ AS ACT_, MAX(A.ACT_NAME_) AS NAME_, SUM(A.DURATION_) AS MILLIS_, MIN(A.START_TIME_) AS FIRST_ "
        + "FROM ACT_HI_ACTINST A JOIN " + CaseFileTable.TABLE + " ON " + CaseFileTable.TABLE + ".CASE_ID_ = A.ROOT_PROC_INST_ID_ "
        + "WHERE A.ACT_TYPE_ = 'userTask' AND A.DURATION_ IS NOT NULL AND " + CaseFileTable.TABLE + ".CLOSED_MILLIS_ IS NOT NULL AND "
        + caseCondition + " GROUP BY A.ROOT_PROC_INST_ID_, A.ACT_ID_";
    return jdbc.query("SELECT ACT_, MAX(NAME_), COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY MILLIS_) FROM (" + perCase
        + ") V GROUP BY ACT_ ORDER BY MIN(FIRST_), ACT_",
        (row, i) -> new StepMedian(row.getString(1), row.getString(2), row.getInt(3), row.getDouble(4)), arguments);
  }

  /**
   * Per process and element of its diagrams (a multi-instance body aside), over the cases whose row meets
   * {@code caseCondition} and that run that process: how many reached it, how many spent a finished visit in it, and
   * the median of the time each of those spent there (its finished visits added up). Elements in the order cases
   * first reached them.
   */
  static List<StepPassage> stepPassages(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    String perCase = "SELECT " + CaseFileTable.TABLE + ".PROCESS_KEY_ AS KEY_, A.ACT_ID_ AS ACT_, MAX(A.ACT_NAME_) AS NAME_, "
        + "MAX(A.ACT_TYPE_) AS TYPE_, SUM(A.DURATION_) AS MILLIS_, MIN(A.START_TIME_) AS FIRST_ FROM ACT_HI_ACTINST A JOIN "
        + CaseFileTable.TABLE + " ON " + CaseFileTable.TABLE + ".CASE_ID_ = A.PROC_INST_ID_ WHERE A.ACT_TYPE_ <> 'multiInstanceBody' AND "
        + caseCondition + " GROUP BY " + CaseFileTable.TABLE + ".PROCESS_KEY_, A.PROC_INST_ID_, A.ACT_ID_";
    return jdbc.query("SELECT KEY_, ACT_, MAX(NAME_), MAX(TYPE_), COUNT(*), COUNT(MILLIS_), "
        + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY MILLIS_) FROM (" + perCase + ") V GROUP BY KEY_, ACT_ ORDER BY KEY_, MIN(FIRST_), ACT_",
        (row, i) -> {
          double median = row.getDouble(7);
          return new StepPassage(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5), row.getInt(6),
              row.wasNull() ? null : median);
        }, arguments);
  }

  /** How many cases whose row meets {@code caseCondition} run each process. */
  static List<ProcessCases> casesPerProcess(JdbcOperations jdbc, String caseCondition, Object... arguments) {
    return jdbc.query("SELECT PROCESS_KEY_, COUNT(*) FROM " + CaseFileTable.TABLE + " WHERE " + caseCondition
        + " GROUP BY PROCESS_KEY_ ORDER BY PROCESS_KEY_", (row, i) -> new ProcessCases(row.getString(1), row.getInt(2)), arguments);
  }
}
