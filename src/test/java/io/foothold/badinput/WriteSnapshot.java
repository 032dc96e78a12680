package io.foothold.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a request could have written, taken before and after it: the row count of every runtime and
 * history table of the engine, the non-deployment byte arrays and Foothold's own tables; plus the target case's
 * and task's variables and whether the task is still open. Metrics tables are left out: the engine's reporter
 * writes them on its own schedule, whatever the request did.
 */
record WriteSnapshot(Map<String, Long> rows, Map<String, Object> caseVariables, boolean taskOpen, Map<String, Object> taskVariables) {

  static WriteSnapshot take(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, String caseId, String taskId) {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : tables(jdbc)) {
      String where = table.equals("ACT_GE_BYTEARRAY") ? " WHERE DEPLOYMENT_ID_ IS NULL" : "";
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + where, Long.class));
    }
    Map<String, Object> caseVariables = caseId == null ? Map.of() : comparable(runtime.getVariablesTyped(caseId, false));
    boolean taskOpen = taskId != null && tasks.createTaskQuery().taskId(taskId).count() == 1;
    Map<String, Object> taskVariables = taskOpen ? comparable(tasks.getVariablesLocalTyped(taskId, false)) : Map.of();
    return new WriteSnapshot(rows, caseVariables, taskOpen, taskVariables);
  }

  /** Asserts that nothing was written between {@code before} and this snapshot. */
  void assertNothingWrittenSince(WriteSnapshot before, String what) {
    Map<String, String> changed = new TreeMap<>();
    before.rows.forEach((table, count) -> {
      Long now = rows.get(table);
      if (!count.equals(now)) {
        changed.put(table, count + " -> " + now);
      }
    });
    assertThat(changed).as("%s: row counts that changed", what).isEmpty();
    assertThat(caseVariables).as("%s: the case's variables are unchanged", what).isEqualTo(before.caseVariables);
    assertThat(taskOpen).as("%s: the task is still open", what).isEqualTo(before.taskOpen);
    assertThat(taskVariables).as("%s: the task's local variables are unchanged", what).isEqualTo(before.taskVariables);
  }

  /** Type and value (serialized values as their text): Spin JSON nodes and dates are not equal to their copies. */
  private static Map<String, Object> comparable(VariableMap variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.keySet().forEach(name -> {
      TypedValue value = variables.getValueTyped(name);
      Object shown = value instanceof SerializableValue serializable ? serializable.getValueSerialized()
          : value.getValue() instanceof Date date ? date.getTime() : value.getValue();
      values.put(name, value.getType().getName() + ":" + shown);
    });
    return values;
  }

  private static List<String> tables(JdbcTemplate jdbc) {
    return jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'"
        + " AND (TABLE_NAME LIKE 'ACT\\_RU\\_%' OR TABLE_NAME LIKE 'ACT\\_HI\\_%' OR TABLE_NAME = 'ACT_GE_BYTEARRAY' OR TABLE_NAME LIKE 'FH\\_%')"
        + " AND TABLE_NAME NOT LIKE '%METER%' ORDER BY TABLE_NAME", String.class);
  }
}
