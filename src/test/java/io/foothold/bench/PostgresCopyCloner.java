package io.foothold.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link CaseCloner}'s clones written with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}: a template case's rows
 * are read once, and each clone's copy of them is streamed as CSV with the same changes the H2 cloner makes in SQL —
 * the case's own ids get the clone's suffix in their last 12 characters, the demo manager and employee become the
 * clone's people, every time stamp moves by the clone's shift. Values a clone does not change are encoded once.
 */
final class PostgresCopyCloner {

  private static final int FLUSH_CHARS = 1 << 20;

  /** One table's rows of a template case, each cell ready to be written for any clone. */
  private record TableRows(String table, List<String> columns, List<Cell[]> rows) {
  }

  /** One value of a template row: constant, or what a clone makes of it. */
  private sealed interface Cell {
  }

  private record Constant(String csv) implements Cell {
  }

  /** An id of the case: all but its last 12 characters, then the clone's suffix. */
  private record Id(String prefix) implements Cell {
  }

  /** The demo manager (0), employee (1) or employee's name (2). */
  private record Person(int which) implements Cell {
  }

  private record Time(Timestamp at) implements Cell {
  }

  private final List<TableRows> tables;

  private PostgresCopyCloner(List<TableRows> tables) {
    this.tables = tables;
  }

  /** Reads the template's rows (before anything is cloned). */
  static PostgresCopyCloner of(Connection db, CaseCloner.Template template) throws SQLException {
    List<TableRows> tables = new ArrayList<>();
    for (var entry : template.where().entrySet()) {
      List<String> columns = new ArrayList<>();
      List<Cell[]> rows = new ArrayList<>();
      try (Statement select = db.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + entry.getKey() + " WHERE " + entry.getValue())) {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnName(i));
        }
        while (rs.next()) {
          Cell[] row = new Cell[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = cell(rs.getObject(i + 1), template.localIds());
          }
          rows.add(row);
        }
      }
      tables.add(new TableRows(entry.getKey(), columns, rows));
    }
    return new PostgresCopyCloner(tables);
  }

  private static Cell cell(Object value, Set<String> localIds) {
    if (value == null) {
      return new Constant(""); // unquoted empty: NULL
    }
    if (value instanceof String text) {
      if (localIds.contains(text)) {
        return new Id(text.substring(0, text.length() - 12));
      }
      List<String> people = List.of(TemplateCases.MANAGER, TemplateCases.EMPLOYEE, TemplateCases.EMPLOYEE_NAME);
      return people.contains(text) ? new Person(people.indexOf(text)) : new Constant(quoted(text));
    }
    if (value instanceof Timestamp at) {
      return new Time(at);
    }
    if (value instanceof byte[] bytes) {
      return new Constant("\\x" + HexFormat.of().formatHex(bytes));
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return new Constant(decimal.toPlainString());
    }
    return new Constant(quoted(value.toString()));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** Writes the clones' rows, table by table, one COPY each; answers the rows written. */
  long copy(Connection db, List<CaseDataset.Clone> clones) throws SQLException {
    var copyApi = db.unwrap(PGConnection.class).getCopyAPI();
    long written = 0;
    StringBuilder csv = new StringBuilder(FLUSH_CHARS + 4096);
    for (TableRows table : tables) {
      CopyIn copy = copyApi.copyIn("COPY " + table.table() + " (" + String.join(", ", table.columns()) + ") FROM STDIN WITH (FORMAT csv)");
      try {
        for (CaseDataset.Clone clone : clones) {
          for (Cell[] row : table.rows()) {
            for (int i = 0; i < row.length; i++) {
              if (i > 0) {
                csv.append(',');
              }
              append(csv, row[i], clone);
            }
            csv.append('\n');
          }
          if (csv.length() >= FLUSH_CHARS) {
            flush(copy, csv);
          }
        }
        flush(copy, csv);
        written += copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
    return written;
  }

  private static void append(StringBuilder csv, Cell cell, CaseDataset.Clone clone) {
    if (cell instanceof Constant constant) {
      csv.append(constant.csv());
    } else if (cell instanceof Id id) {
      csv.append('"').append(id.prefix()).append(clone.suffix()).append('"');
    } else if (cell instanceof Person person) {
      csv.append(quoted(person.which() == 0 ? clone.manager() : person.which() == 1 ? clone.employee() : clone.employeeName()));
    } else if (cell instanceof Time time) {
      Timestamp shifted = new Timestamp(time.at().getTime() + clone.shiftSeconds() * 1000L);
      shifted.setNanos(time.at().getNanos());
      csv.append(shifted);
    }
  }

  private static void flush(CopyIn copy, StringBuilder csv) throws SQLException {
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    csv.setLength(0);
  }

  /** Rows per clone, by table (for the log). */
  Map<String, Integer> rowsPerClone() {
    Map<String, Integer> rows = new LinkedHashMap<>();
    tables.forEach(t -> rows.put(t.table(), t.rows().size()));
    return rows;
  }
}
