package io.foothold.casefile;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An engine plugin only so that FH_CASE exists before the engine runs its first command (and writes a case). Tables
 * from an older release get their new columns here, and their rows are written again at start-up ({@link #upgraded}).
 */
@Component
class CaseFileEnginePlugin extends AbstractProcessEnginePlugin {

  private final boolean upgraded;

  CaseFileEnginePlugin(JdbcTemplate jdbc) {
    upgraded = CaseFileTable.create(jdbc);
  }

  /** The tables lacked columns this release fills: their rows must be written again from history. */
  boolean upgraded() {
    return upgraded;
  }
}
