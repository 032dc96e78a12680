package io.foothold.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's counterpart of {@link IndexesSetAside}: the secondary indexes of the tables clones go into and every
 * foreign key from or to them, dropped before the COPY and made again from the catalog's own definitions after it
 * (one sort per index instead of an index update per row). Primary keys stay: they catch a clone id written twice.
 */
final class PostgresIndexes {

  /** Room for the index sorts (the session's, not the server's setting). */
  private static final String SORT_MEMORY = "512MB";

  private final List<String> indexes = new ArrayList<>();
  private final List<String> foreignKeys = new ArrayList<>();

  static PostgresIndexes drop(Connection db, Set<String> tables) throws SQLException {
    PostgresIndexes aside = new PostgresIndexes();
    Array names = db.createArrayOf("text", tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray());
    List<String> drops = new ArrayList<>();
    try (PreparedStatement keys = db.prepareStatement("SELECT conname, conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND (conrelid::regclass::text = ANY(?) "
        + "OR confrelid::regclass::text = ANY(?))")) {
      keys.setArray(1, names);
      keys.setArray(2, names);
      try (ResultSet rs = keys.executeQuery()) {
        while (rs.next()) {
          aside.foreignKeys.add("ALTER TABLE " + rs.getString(2) + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(3));
          drops.add("ALTER TABLE " + rs.getString(2) + " DROP CONSTRAINT " + rs.getString(1));
        }
      }
    }
    try (PreparedStatement select = db.prepareStatement("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        + "WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(?) "
        + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)")) {
      select.setArray(1, names);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          aside.indexes.add(rs.getString(2));
          drops.add("DROP INDEX " + rs.getString(1)); // after the keys, which may rely on it
        }
      }
    }
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

  /** Indexes first, then the keys (checking a key reads the referencing table once). */
  void restore(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("SET maintenance_work_mem = '" + SORT_MEMORY + "'");
      for (String ddl : indexes) {
        statement.execute(ddl);
      }
      for (String ddl : foreignKeys) {
        statement.execute(ddl);
      }
    }
  }
}
