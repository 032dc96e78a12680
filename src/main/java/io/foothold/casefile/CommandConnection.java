package io.foothold.casefile;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The running engine command's own JDBC connection, so the case file's rows share the command's transaction. */
final class CommandConnection {

  private CommandConnection() {
  }

  static JdbcOperations of(CommandContext command) {
    return new JdbcTemplate(new SingleConnectionDataSource(command.getDbSqlSession().getSqlSession().getConnection(), true));
  }
}
