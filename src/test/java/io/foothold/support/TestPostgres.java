package io.foothold.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server the integration tests run against: loopback, started and given a test role by
 * .ci/postgres. Connection settings come from FOOTHOLD_TEST_PG_URL / _USER / _PASSWORD, else from the file
 * that script writes (~/.foothold-test-postgres). Each test makes a database of its own and drops it after.
 * No server is a failure with instructions, never a skip: these tests are part of the suite.
 */
public final class TestPostgres {

  private final String serverUrl;
  private final String user;
  private final String password;

  private TestPostgres(String serverUrl, String user, String password) {
    this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
    this.user = user;
    this.password = password;
  }

  public static TestPostgres server() {
    Properties file = new Properties();
    Path secrets = Path.of(System.getProperty("user.home"), ".foothold-test-postgres");
    if (Files.isReadable(secrets)) {
      try (Reader in = Files.newBufferedReader(secrets)) {
        file.load(in);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + secrets, e);
      }
    }
    String url = setting("FOOTHOLD_TEST_PG_URL", file.getProperty("url"));
    String user = setting("FOOTHOLD_TEST_PG_USER", file.getProperty("user"));
    String password = setting("FOOTHOLD_TEST_PG_PASSWORD", file.getProperty("password"));
    if (url == null || user == null || password == null) {
      throw new IllegalStateException("No PostgreSQL for the integration tests: run .ci/postgres (installs and starts Debian's "
          + "PostgreSQL on loopback) or set FOOTHOLD_TEST_PG_URL, FOOTHOLD_TEST_PG_USER and FOOTHOLD_TEST_PG_PASSWORD.");
    }
    return new TestPostgres(url, user, password);
  }

  private static String setting(String environmentVariable, String fallback) {
    String value = System.getenv(environmentVariable);
    return value != null && !value.isBlank() ? value : fallback;
  }

  /** The server's JDBC URL without a database name (ends with a slash). */
  public String serverUrl() {
    return serverUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A new, empty database owned by the test role. */
  public Database createDatabase(String purpose) {
    String name = "foothold_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + serverUrl + " as " + user
          + " (is PostgreSQL running? run .ci/postgres): " + e.getMessage(), e);
    }
    return new Database(name);
  }

  public final class Database implements AutoCloseable {

    private final String name;

    private Database(String name) {
      this.name = name;
    }

    public String jdbcUrl() {
      return serverUrl + name;
    }

    public String user() {
      return user;
    }

    public String password() {
      return password;
    }

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Drops the database (closing what the app left connected). */
    @Override
    public void close() throws SQLException {
      try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
          Statement statement = admin.createStatement()) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }
}
