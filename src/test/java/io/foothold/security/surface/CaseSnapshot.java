package io.foothold.security.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every database row that makes up maya's case, read straight from the engine's tables (runtime and history: its
 * variables, tasks, assignees and identity links, executions and state, jobs, incidents, comments, attachments,
 * operation log), plus who may do what (authorizations on the case's ids or on every resource, group and tenant
 * memberships, people). Two snapshots that differ mean a request changed the case or someone's rights.
 */
record CaseSnapshot(Map<String, List<String>> rows) {

  /** The engine's tables that hold rows of a process instance or task, and the columns naming it (read once). */
  private static volatile Map<String, List<String>> keyColumns;

  static CaseSnapshot take(JdbcTemplate jdbc, Collection<String> instanceIds, Collection<String> taskIds, Collection<String> caseIds) {
    Map<String, List<String>> rows = new TreeMap<>();
    if (keyColumns == null) {
      List<Map<String, Object>> columns = jdbc.queryForList("""
          select TABLE_NAME, COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS
          where TABLE_SCHEMA = 'PUBLIC' and TABLE_NAME like 'ACT_%' and COLUMN_NAME in ('PROC_INST_ID_', 'ROOT_PROC_INST_ID_', 'TASK_ID_')""");
      keyColumns = columns.stream().collect(Collectors.groupingBy(c -> (String) c.get("TABLE_NAME"), TreeMap::new,
          Collectors.mapping(c -> (String) c.get("COLUMN_NAME"), Collectors.toList())));
    }
    String instances = inList(instanceIds);
    String tasks = inList(taskIds);
    keyColumns.forEach((table, keys) -> {
      if (table.equals("ACT_RU_METER_LOG") || table.equals("ACT_GE_SCHEMA_LOG")) {
        return;
      }
      List<String> conditions = new ArrayList<>();
      for (String key : keys) {
        conditions.add(key + (key.equals("TASK_ID_") ? " in " + tasks : " in " + instances));
      }
      if (table.equals("ACT_RU_EXECUTION") || table.equals("ACT_HI_PROCINST")) {
        conditions.add("ID_ in " + instances);
      }
      if (table.equals("ACT_RU_TASK") || table.equals("ACT_HI_TASKINST")) {
        conditions.add("ID_ in " + tasks);
      }
      rows.put(table, read(jdbc, "select * from " + table + " where " + String.join(" or ", conditions)));
    });
    rows.put("ACT_RU_AUTHORIZATION", read(jdbc, "select TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ "
        + "from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = '*' or RESOURCE_ID_ in " + inList(caseIds)));
    rows.put("ACT_ID_MEMBERSHIP", read(jdbc, "select * from ACT_ID_MEMBERSHIP"));
    rows.put("ACT_ID_TENANT_MEMBER", read(jdbc, "select * from ACT_ID_TENANT_MEMBER"));
    rows.put("ACT_ID_GROUP", read(jdbc, "select * from ACT_ID_GROUP"));
    rows.put("ACT_ID_USER", read(jdbc, "select ID_, FIRST_, LAST_, EMAIL_, PWD_, SALT_ from ACT_ID_USER"));
    return new CaseSnapshot(rows);
  }

  /** Which tables changed and how, in a few lines; empty when nothing changed. */
  List<String> differencesFrom(CaseSnapshot before) {
    List<String> differences = new ArrayList<>();
    rows.forEach((table, now) -> {
      List<String> then = before.rows().getOrDefault(table, List.of());
      if (!Objects.equals(then, now)) {
        List<String> added = now.stream().filter(row -> !then.contains(row)).toList();
        List<String> removed = then.stream().filter(row -> !now.contains(row)).toList();
        differences.add(table + ": " + added.size() + " row(s) new or changed, " + removed.size() + " gone or changed"
            + (added.isEmpty() ? "" : "; now " + abbreviate(added.get(0))));
      }
    });
    return differences;
  }

  private static String abbreviate(String row) {
    return row.length() > 240 ? row.substring(0, 240) + "…" : row;
  }

  private static List<String> read(JdbcTemplate jdbc, String sql) {
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList(sql)) {
      rows.add(row.entrySet().stream()
          .map(column -> column.getKey() + "=" + (column.getValue() instanceof byte[] bytes ? "bytes#" + Arrays.hashCode(bytes) : column.getValue()))
          .collect(Collectors.joining(", ")));
    }
    rows.sort(null);
    return rows;
  }

  private static String inList(Collection<String> ids) {
    if (ids.isEmpty()) {
      return "('')";
    }
    return ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
