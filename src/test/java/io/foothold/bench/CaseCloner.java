package io.foothold.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Copies every row one real case left in the engine's tables (runtime, history, byte arrays, authorizations) as
 * many times as asked, inside the database ({@code INSERT … SELECT}, no row travels through JDBC), so a clone is
 * what the engine itself would have written for another case: same tables, same indexes, same shape.
 *
 * <p>Per clone, every id that belongs to the case (instances, executions, activity instances, tasks, variables,
 * details, byte arrays, operations…) gets a fresh one: its last 12 characters (the UUID's node part) become
 * "f00d" and the clone's number, which keeps ids unique and references between the rows intact. Ids shared with
 * other cases (definitions, deployments, job definitions) stay. The demo manager and employee become the clone's
 * own people, and every time stamp moves by the clone's shift, so cases are spread over months.
 */
final class CaseCloner {

  /** A UUID at the end of an id: activity instance ids are "<activityId>:<uuid>", definitions "<key>:<version>:<uuid>". */
  private static final Pattern ENDS_WITH_UUID = Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  static final String CLONE_MARK = "f00d";

  /** Tables a case does not own rows in (definitions, identity, metrics, engine properties, Foothold's own). */
  private static final Pattern NOT_PER_CASE = Pattern.compile(
      "ACT_RE_.*|ACT_ID_.*|ACT_GE_PROPERTY|ACT_GE_SCHEMA_LOG|ACT_RU_JOBDEF|ACT_RU_FILTER|ACT_RU_METER_LOG|ACT_RU_TASK_METER_LOG"
          + "|ACT_RU_BATCH|ACT_HI_BATCH|.*CASE.*|FH_.*");

  private final Connection db;
  private final Map<String, List<Column>> tables = new LinkedHashMap<>();
  private final Set<String> sharedIds = new HashSet<>();

  CaseCloner(Connection db) throws SQLException {
    this.db = db;
    // H2 keeps unquoted names in upper case, PostgreSQL in lower case; SQL here spells them unquoted, in upper case.
    String schema = db.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "public" : "PUBLIC";
    List<String> names = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    for (String stored : names) {
      String table = stored.toUpperCase(Locale.ROOT);
      List<Column> columns = new ArrayList<>();
      try (ResultSet rs = db.getMetaData().getColumns(null, schema, stored, "%")) {
        while (rs.next()) {
          columns.add(new Column(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("DATA_TYPE")));
        }
      }
      if (table.startsWith("BENCH_")) {
        continue; // the generator's own
      }
      if (NOT_PER_CASE.matcher(table).matches()) {
        if (columns.stream().anyMatch(c -> c.name().equals("ID_"))) {
          sharedIds.addAll(strings(db, "SELECT ID_ FROM " + table));
        }
      } else {
        tables.put(table, columns);
      }
    }
    // A deployment's resources live in ACT_GE_BYTEARRAY too; they belong to no case.
    sharedIds.addAll(strings(db, "SELECT ID_ FROM ACT_GE_BYTEARRAY WHERE DEPLOYMENT_ID_ IS NOT NULL"));
  }

  /** The tables a case owns rows in, the ones clones are inserted into. */
  Set<String> perCaseTables() {
    return Set.copyOf(tables.keySet());
  }

  /** One case's rows, found by its root process instance id. */
  Template template(String rootId) throws SQLException {
    List<String> instances = strings(db, "SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = ?", rootId);
    String inInstances = instances.stream().map(CaseCloner::quote).collect(Collectors.joining(", "));
    Map<String, String> where = new LinkedHashMap<>();
    for (var table : tables.entrySet()) {
      Set<String> names = table.getValue().stream().map(Column::name).collect(Collectors.toSet());
      if (table.getKey().equals("ACT_RU_AUTHORIZATION")) {
        continue; // by resource id, once the case's ids are known
      }
      if (table.getKey().equals("ACT_GE_BYTEARRAY")) {
        // History's byte arrays carry the root instance; a running variable's value does not.
        where.put(table.getKey(), "ROOT_PROC_INST_ID_ = " + quote(rootId) + " OR ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE "
            + "WHERE PROC_INST_ID_ IN (" + inInstances + "))");
      } else if (table.getKey().equals("ACT_RU_IDENTITYLINK")) {
        where.put(table.getKey(), "TASK_ID_ IN (SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + inInstances + "))");
      } else if (names.contains("ROOT_PROC_INST_ID_")) {
        where.put(table.getKey(), "ROOT_PROC_INST_ID_ = " + quote(rootId));
      } else if (names.contains("PROC_INST_ID_")) {
        where.put(table.getKey(), "PROC_INST_ID_ IN (" + inInstances + ")");
      } else if (names.contains("PROCESS_INSTANCE_ID_")) {
        where.put(table.getKey(), "PROCESS_INSTANCE_ID_ IN (" + inInstances + ")");
      }
    }
    Set<String> localIds = new LinkedHashSet<>(instances);
    for (var entry : where.entrySet()) {
      collectIds(entry.getKey(), entry.getValue(), localIds);
    }
    where.put("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ IN (" + localIds.stream().map(CaseCloner::quote).collect(Collectors.joining(", ")) + ")");
    collectIds("ACT_RU_AUTHORIZATION", where.get("ACT_RU_AUTHORIZATION"), localIds);
    checkRenamable(localIds);

    Map<String, Long> rows = new LinkedHashMap<>();
    for (var entry : where.entrySet()) {
      long count = count("SELECT COUNT(*) FROM " + entry.getKey() + " WHERE " + entry.getValue());
      if (count > 0) {
        rows.put(entry.getKey(), count);
      }
    }
    where.keySet().retainAll(rows.keySet());
    return new Template(rootId, where, rows, localIds);
  }

  /**
   * Inserts the clones listed in BENCH_CLONE for this template kind (columns N_, KIND_, SUFFIX_, SHIFT_S_,
   * MANAGER_, EMPLOYEE_, EMPLOYEE_NAME_) with numbers in [first, last]. Answers the rows written.
   */
  long cloneRange(Template template, String kind, Map<String, String> people, int first, int last) throws SQLException {
    long written = 0;
    for (var entry : template.where().entrySet()) {
      String table = entry.getKey();
      List<Column> columns = tables.get(table);
      Map<String, Set<String>> valuesByColumn = templateValues(staged(kind, table), "TRUE", columns);
      List<String> expressions = new ArrayList<>();
      for (Column column : columns) {
        expressions.add(expression(column, valuesByColumn.getOrDefault(column.name(), Set.of()), template.localIds(), people));
      }
      String sql = "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") SELECT "
          + String.join(", ", expressions) + " FROM " + staged(kind, table) + " T JOIN BENCH_CLONE C ON C.KIND_ = ? AND C.N_ BETWEEN ? AND ?";
      try (PreparedStatement insert = db.prepareStatement(sql)) {
        insert.setString(1, kind);
        insert.setInt(2, first);
        insert.setInt(3, last);
        written += insert.executeUpdate();
      }
    }
    return written;
  }

  /**
   * Copies the template's rows of every table into small tables of their own (BENCH_SRC_…), once. Clones are then
   * read from there: selecting them from the engine's tables, which grow with every chunk, made each chunk slower
   * than the last (some filters, like the byte arrays' OR, cannot use an index).
   */
  void stage(Template template, String kind) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (var entry : template.where().entrySet()) {
        statement.execute("CREATE TABLE " + staged(kind, entry.getKey()) + " AS SELECT * FROM " + entry.getKey() + " WHERE " + entry.getValue());
      }
    }
  }

  void dropStaged(Template template, String kind) throws SQLException {
    try (Statement statement = db.createStatement()) {
      for (String table : template.where().keySet()) {
        statement.execute("DROP TABLE " + staged(kind, table));
      }
    }
  }

  private static String staged(String kind, String table) {
    return "BENCH_SRC_" + kind + "_" + table;
  }

  private String expression(Column column, Set<String> values, Set<String> localIds, Map<String, String> people) {
    String ref = "T." + column.name();
    if (column.type() == Types.TIMESTAMP) {
      return "DATEADD(SECOND, C.SHIFT_S_, " + ref + ")";
    }
    if (column.type() != Types.VARCHAR && column.type() != Types.CHAR && column.type() != Types.NVARCHAR) {
      return ref;
    }
    List<String> ids = values.stream().filter(localIds::contains).toList();
    List<String> whens = new ArrayList<>();
    if (!ids.isEmpty()) {
      whens.add("WHEN " + ref + " IN (" + ids.stream().map(CaseCloner::quote).collect(Collectors.joining(", ")) + ") THEN CONCAT(LEFT("
          + ref + ", CHAR_LENGTH(" + ref + ") - 12), C.SUFFIX_)");
    }
    for (var person : people.entrySet()) {
      if (values.contains(person.getKey())) {
        whens.add("WHEN " + ref + " = " + quote(person.getKey()) + " THEN C." + person.getValue());
      }
    }
    return whens.isEmpty() ? ref : "CASE " + String.join(" ", whens) + " ELSE " + ref + " END";
  }

  private Map<String, Set<String>> templateValues(String table, String where, List<Column> columns) throws SQLException {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    try (Statement select = db.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table + " WHERE " + where)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          int type = meta.getColumnType(i);
          if (type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR) {
            String value = rs.getString(i);
            if (value != null) {
              values.computeIfAbsent(meta.getColumnName(i).toUpperCase(Locale.ROOT), c -> new HashSet<>()).add(value);
            }
          }
        }
      }
    }
    return values;
  }

  private void collectIds(String table, String where, Set<String> ids) throws SQLException {
    for (Set<String> values : templateValues(table, where, tables.get(table)).values()) {
      for (String value : values) {
        if (ENDS_WITH_UUID.matcher(value).matches() && !sharedIds.contains(value)) {
          ids.add(value);
        }
      }
    }
  }

  /** Renaming keeps everything but the last 12 characters, so those prefixes must tell the case's ids apart. */
  private static void checkRenamable(Set<String> ids) {
    Set<String> prefixes = new HashSet<>();
    for (String id : ids) {
      if (id.startsWith(CLONE_MARK, id.length() - 12)) {
        throw new IllegalStateException("Template id already looks like a clone's: " + id);
      }
      if (!prefixes.add(id.substring(0, id.length() - 12))) {
        throw new IllegalStateException("Two ids of the template share everything but their last 12 characters: " + id);
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> strings(Connection db, String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private record Column(String name, int type) {
  }

  /** A case to clone: which rows of which table belong to it, and the ids it owns. */
  record Template(String rootId, Map<String, String> where, Map<String, Long> rows, Set<String> localIds) {

    long rowsPerCase() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
