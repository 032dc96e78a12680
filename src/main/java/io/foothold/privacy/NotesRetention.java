package io.foothold.privacy;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's history cleanup job, which also removes the private-note records of every case whose history it
 * removes (due by its removal time) or has already removed (e.g. deleted through the REST API), in the same run.
 */
class NotesRetention extends HistoryCleanupJobHandler {

  private static final Logger log = LoggerFactory.getLogger(NotesRetention.class);

  @Override
  public void execute(HistoryCleanupJobHandlerConfiguration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    super.execute(configuration, execution, commandContext, tenantId);
    int removed = NoteTable.eraseExpired(EngineConnection.of(commandContext), ClockUtil.getCurrentTime().toInstant());
    if (removed > 0) {
      log.info("History cleanup removed {} private-note records of cases whose history has expired", removed);
    }
  }
}
