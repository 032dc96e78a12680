package io.foothold.nudges;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One look at what is coming and what is late: invitations (new, moved, cancelled), overdue nudges and digests, all
 * by the engine clock. Scans take the lock row first, so two nodes never decide the same nudge at the same time; each
 * then sees what the other committed.
 */
final class NudgeScan {

  private static final Duration OUTBOX_KEPT = Duration.ofDays(30);

  private final NudgeSettings settings;
  private final Links links;
  private final MailSwitch mail;

  NudgeScan(NudgeSettings settings, Links links, MailSwitch mail) {
    this.settings = settings;
    this.links = links;
    this.mail = mail;
  }

  void run(CommandContext context) {
    if (!mail.on()) {
      return;
    }
    EngineJdbc.of(context).queryForList("SELECT ID_ FROM " + NudgeTables.SCAN_LOCK + " WHERE ID_ = 1 FOR UPDATE", Integer.class);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    context.runWithoutAuthorization(() -> {
      new UpcomingDates(context, settings, links, mail).run(now);
      new OverdueSteps(context, settings, links).run(now);
      return null;
    });
    // The outbox is a queue, not an archive: the case's history keeps the record of each send.
    EngineJdbc.of(context).update("DELETE FROM " + NudgeTables.MAIL + " WHERE STATE_ <> ? AND CREATED_MILLIS_ < ?", Outbox.PENDING,
        now.minus(OUTBOX_KEPT).toEpochMilli());
  }
}
