package io.foothold.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The secondary indexes and foreign keys of the tables clones go into, dropped before the bulk insert and created
 * again from H2's own DDL after it. Inserting row by row into ACT_HI_DETAIL updates 14 indexes per row, and the
 * rows/s fell as they grew; building an index over a full table sorts once.
 */
final class IndexesSetAside {

  private static final Pattern INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX \"PUBLIC\"\\.\"(\\w+)\" ON \"PUBLIC\"\\.\"(\\w+)\".*", Pattern.DOTALL);
  private static final Pattern FOREIGN_KEY = Pattern.compile(
      "ALTER TABLE \"PUBLIC\"\\.\"(\\w+)\" ADD CONSTRAINT \"PUBLIC\"\\.\"(\\w+)\" FOREIGN KEY.* REFERENCES \"PUBLIC\"\\.\"(\\w+)\".*", Pattern.DOTALL);

  private final List<String> indexes = new ArrayList<>();
  private final List<String> foreignKeys = new ArrayList<>();

  /** Drops the indexes of {@code tables} and every foreign key from or to them; answers what puts them back. */
  static IndexesSetAside drop(Connection db, Set<String> tables) throws SQLException {
    IndexesSetAside aside = new IndexesSetAside();
    List<String> drops = new ArrayList<>();
    List<String> indexDrops = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet script = statement.executeQuery("SCRIPT NODATA")) {
      while (script.next()) {
        String ddl = script.getString(1);
        Matcher fk = FOREIGN_KEY.matcher(ddl);
        Matcher index = INDEX.matcher(ddl);
        if (fk.matches() && (tables.contains(fk.group(1)) || tables.contains(fk.group(3)))) {
          aside.foreignKeys.add(ddl);
          drops.add("ALTER TABLE " + fk.group(1) + " DROP CONSTRAINT " + fk.group(2));
        } else if (index.matches() && tables.contains(index.group(2))) {
          aside.indexes.add(ddl);
          indexDrops.add("DROP INDEX " + index.group(1));
        }
      }
    }
    drops.addAll(indexDrops); // a foreign key may use an index: keys first
    try (Statement statement = db.createStatement()) {
      for (String drop : drops) {
        statement.execute(drop);
      }
    }
    return aside;
  }

  int size() {
    return indexes.size() + foreignKeys.size();
  }

  /** Indexes first, so each foreign key finds its index instead of building one of its own. */
  void restore(Connection db) throws SQLException {
    Map<String, Double> secondsByTable = new TreeMap<>();
    try (Statement statement = db.createStatement()) {
      for (String ddl : indexes) {
        long started = System.nanoTime();
        statement.execute(ddl);
        Matcher index = INDEX.matcher(ddl);
        index.matches();
        secondsByTable.merge(index.group(2), (System.nanoTime() - started) / 1e9, Double::sum);
      }
      long started = System.nanoTime();
      for (String ddl : foreignKeys) {
        statement.execute(ddl);
      }
      secondsByTable.put("(foreign keys)", (System.nanoTime() - started) / 1e9);
    }
    System.out.println("dataset: seconds per table to build its indexes: " + secondsByTable.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
  }
}
