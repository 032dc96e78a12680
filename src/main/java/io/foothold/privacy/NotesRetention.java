package io.foothold.privacy;

import java.time.Instant;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import io.foothold.engine.events.HistoryCleanedUp;

/**
 * Camunda's history cleanup job, which also removes the private-note records of every case whose history it
 * removes (due by its removal time) or has already removed (e.g. deleted through the REST API), in the same run,
 * and announces {@link HistoryCleanedUp} so other modules' records of those cases go too. The engine keeps one
 * handler per job type, so the announcement comes from here rather than from a second handler.
 */
class NotesRetention extends HistoryCleanupJobHandler {

  private static final Logger log = LoggerFactory.getLogger(NotesRetention.class);

  private final ApplicationEventPublisher events;

  NotesRetention(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void execute(HistoryCleanupJobHandlerConfiguration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    super.execute(configuration, execution, commandContext, tenantId);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int removed = NoteTable.eraseExpired(EngineConnection.of(commandContext), now);
    if (removed > 0) {
      log.info("History cleanup removed {} private-note records of cases whose history has expired", removed);
    }
    events.publishEvent(new HistoryCleanedUp(now));
  }
}
