package io.foothold.nudges;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The running engine command's own JDBC connection: a nudge row commits, or rolls back, with the step that caused it. */
final class EngineJdbc {

  private EngineJdbc() {
  }

  static JdbcOperations of(CommandContext context) {
    return new JdbcTemplate(new SingleConnectionDataSource(context.getDbSqlSession().getSqlSession().getConnection(), true));
  }
}
