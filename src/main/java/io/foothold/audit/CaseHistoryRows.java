package io.foothold.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricIdentityLinkLogEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * History rows of a whole case (its root instance and every playbook it called) that Camunda's query API can only
 * read per task or per instance: assignments and who completed each task. Read by the root instance id that
 * Camunda stamps on every history row, one query each, whatever the number of tasks.
 */
@Component
class CaseHistoryRows {

  private final JdbcTemplate jdbc;
  private final ManagementService management;

  CaseHistoryRows(JdbcTemplate jdbc, ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  /** An assignee added to a task: by whom, when. */
  record Assignment(String assignee, String assigner, Instant at) {
  }

  /** Each task's assignments, oldest first, by task id. */
  Map<String, List<Assignment>> assignmentsByTask(String caseId) {
    Map<String, List<Assignment>> byTask = new LinkedHashMap<>();
    jdbc.query("SELECT TASK_ID_, USER_ID_, ASSIGNER_ID_, TIMESTAMP_ FROM " + management.getTableName(HistoricIdentityLinkLogEntity.class)
        + " WHERE ROOT_PROC_INST_ID_ = ? AND TYPE_ = ? AND OPERATION_TYPE_ = ? AND TASK_ID_ IS NOT NULL ORDER BY ID_", row -> {
          Timestamp at = row.getTimestamp("TIMESTAMP_");
          byTask.computeIfAbsent(row.getString("TASK_ID_"), task -> new ArrayList<>())
              .add(new Assignment(row.getString("USER_ID_"), row.getString("ASSIGNER_ID_"), at == null ? null : at.toInstant()));
        }, caseId, IdentityLinkType.ASSIGNEE, "add");
    return byTask;
  }

  /** Who completed each task, by task id (the user operation log's "Complete" entries). */
  Map<String, String> completedBy(String caseId) {
    Map<String, String> byTask = new HashMap<>();
    jdbc.query("SELECT TASK_ID_, USER_ID_ FROM " + management.getTableName(UserOperationLogEntryEventEntity.class)
        + " WHERE ROOT_PROC_INST_ID_ = ? AND OPERATION_TYPE_ = ? AND TASK_ID_ IS NOT NULL AND USER_ID_ IS NOT NULL ORDER BY TIMESTAMP_, ID_",
        row -> {
          byTask.put(row.getString("TASK_ID_"), row.getString("USER_ID_"));
        }, caseId, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    return byTask;
  }
}
