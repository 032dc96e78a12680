package io.foothold.casefile;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An engine plugin only so that FH_CASE exists before the engine runs its first command (and writes a case). */
@Component
class CaseFileEnginePlugin extends AbstractProcessEnginePlugin {

  CaseFileEnginePlugin(JdbcTemplate jdbc) {
    CaseFileTable.create(jdbc);
  }
}
