package io.foothold.privacy;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Before Foothold kept notes in its own table, a note was an engine variable, with a placeholder (or, earlier still,
 * the text) in history. At every start-up, before anyone can sign in, this moves what is left: each running case's
 * {@code privateNote…} variable becomes a note in FH_PRIVATE_NOTE and leaves ACT_RU_VARIABLE ({@link PrivateNoteCapture}
 * does the move, as for any submission), and every history row of a note is replaced by the record that a note was
 * written. Idempotent: what was moved is gone from the engine, so a second run finds nothing.
 */
final class LegacyNotesMigration {

  private static final Logger log = LoggerFactory.getLogger(LegacyNotesMigration.class);
  private static final String NOTE = "'" + PrivateNotes.PREFIX + "%'";
  private static final int BATCH = 500;

  private LegacyNotesMigration() {
  }

  static void run(ProcessEngineConfigurationImpl configuration) {
    int history = configuration.getCommandExecutorTxRequired().execute(LegacyNotesMigration::history);
    int runtime = 0;
    int moved;
    do {
      moved = configuration.getCommandExecutorTxRequired().execute(LegacyNotesMigration::runtimeBatch);
      runtime += moved;
    } while (moved == BATCH);
    if (history + runtime > 0) {
      log.info("Private notes moved out of the engine: {} from running cases, {} history rows replaced by a record that a note was written",
          runtime, history);
    }
  }

  /** Loads a batch of note variables into the command's cache; when the command closes, the capture moves them. */
  private static int runtimeBatch(CommandContext context) {
    JdbcOperations jdbc = EngineConnection.of(context);
    // Notes that cannot be a case's text note (no running case, not a string) have no owner to move them to.
    int unowned = jdbc.update("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE NAME_ LIKE " + NOTE
        + " AND (PROC_INST_ID_ IS NULL OR TYPE_ NOT IN ('string', 'null')))")
        + jdbc.update("DELETE FROM ACT_RU_VARIABLE WHERE NAME_ LIKE " + NOTE + " AND (PROC_INST_ID_ IS NULL OR TYPE_ NOT IN ('string', 'null'))");
    if (unowned > 0) {
      log.warn("Deleted {} private-note rows outside any case or not text: they cannot be moved to a case's manager", unowned);
    }
    List<String> ids = jdbc.queryForList("SELECT ID_ FROM ACT_RU_VARIABLE WHERE NAME_ LIKE " + NOTE + " ORDER BY ID_", String.class)
        .stream().limit(BATCH).toList();
    ids.forEach(id -> context.getDbEntityManager().selectById(VariableInstanceEntity.class, id));
    return ids.size();
  }

  private static int history(CommandContext context) {
    JdbcOperations jdbc = EngineConnection.of(context);
    List<Map<String, Object>> written = jdbc.queryForList("SELECT ROOT_PROC_INST_ID_, PROC_INST_ID_, NAME_, TIME_ FROM ACT_HI_DETAIL "
        + "WHERE NAME_ LIKE " + NOTE + " AND TYPE_ = 'VariableUpdate' ORDER BY TIME_");
    for (Map<String, Object> row : written) {
      Object root = row.get("ROOT_PROC_INST_ID_") != null ? row.get("ROOT_PROC_INST_ID_") : row.get("PROC_INST_ID_");
      if (root != null) {
        NoteTable.recordWithoutText(jdbc, root.toString(), row.get("NAME_").toString(), null, ((Timestamp) row.get("TIME_")).toInstant());
      }
    }
    int removed = 0;
    for (String table : List.of("ACT_HI_DETAIL", "ACT_HI_VARINST")) {
      removed += jdbc.update("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM " + table + " WHERE NAME_ LIKE " + NOTE + ")");
      removed += jdbc.update("DELETE FROM " + table + " WHERE NAME_ LIKE " + NOTE);
    }
    return removed;
  }
}
