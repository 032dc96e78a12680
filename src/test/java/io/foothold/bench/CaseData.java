package io.foothold.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The case dataset on one database: where the server under test finds it, and a connection of the benchmark's own
 * for the plain SQL baselines (the same database the server reads).
 */
interface CaseData {

  /** "H2" or "PostgreSQL", the prefix of every figure measured on it. */
  String label();

  CaseDataset.Info info();

  String jdbcUrl();

  String user();

  String password();

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  /** The server's datasource settings; the password goes through the environment, not the command line. */
  default List<String> serverProperties() {
    return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + user());
  }
}
