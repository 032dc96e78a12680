package io.foothold.privacy;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The running engine command's own JDBC connection, so Foothold's rows share the command's transaction. */
final class EngineConnection {

  private EngineConnection() {
  }

  static JdbcOperations of(CommandContext context) {
    return new JdbcTemplate(new SingleConnectionDataSource(context.getDbSqlSession().getSqlSession().getConnection(), true));
  }
}
