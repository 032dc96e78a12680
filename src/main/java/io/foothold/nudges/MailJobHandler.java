package io.foothold.nudges;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.mail.MailException;

/**
 * The engine job that sends one mail of the outbox. A mail server that does not take it is tried again after the next
 * wait of {@code foothold.nudges.retry-backoff} (a new job with that due date, so the engine clock decides when), and
 * given up after the last one, with a line in the log. A mail already sent is never sent again, whoever runs the job.
 * Each send is recorded in the history of the cases it concerns.
 */
final class MailJobHandler implements JobHandler<MailJobHandler.MailId> {

  static final String TYPE = "foothold-nudge-mail";
  private static final Logger log = LoggerFactory.getLogger(MailJobHandler.class);

  private final Supplier<MailDelivery> delivery;
  private final List<Duration> backoff;

  MailJobHandler(Supplier<MailDelivery> delivery, List<Duration> backoff) {
    this.delivery = delivery;
    this.backoff = backoff;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(MailId configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
    JdbcOperations jdbc = EngineJdbc.of(context);
    Outbox.Waiting waiting = Outbox.find(jdbc, configuration.id());
    if (waiting == null || !Outbox.PENDING.equals(waiting.state())) {
      return;
    }
    MailDelivery mailer = delivery.get();
    if (mailer == null) {
      log.info("Mail is switched off (no spring.mail.host): nudge {} stays unsent", configuration.id());
      return;
    }
    Mail mail = waiting.mail();
    try {
      mailer.send(mail);
    } catch (MailException refused) {
      int attempt = waiting.attempts() + 1;
      boolean givenUp = attempt > backoff.size();
      Outbox.markFailedAttempt(jdbc, waiting.id(), givenUp);
      if (givenUp) {
        log.warn("Gave up sending {} to {} after {} attempts: {}", mail.kind().description(), mail.recipient(), attempt, refused.getMessage());
      } else {
        Duration wait = backoff.get(attempt - 1);
        log.info("The mail server did not take {} to {} ({}); trying again in {}", mail.kind().description(), mail.recipient(),
            refused.getMessage(), wait);
        Outbox.schedule(context, waiting.id(), Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait)));
      }
      return;
    }
    Outbox.markSent(jdbc, waiting.id());
    for (String caseId : mail.caseIds()) {
      CaseHistoryNote.record(context, caseId, "Nudge e-mailed to " + mail.recipient() + ": " + mail.kind().description() + " — " + mail.subject());
    }
  }

  @Override
  public MailId newConfiguration(String canonicalString) {
    return new MailId(canonicalString);
  }

  @Override
  public void onDelete(MailId configuration, JobEntity jobEntity) {
    // the outbox row stays as the record of what was (or was not) sent
  }

  record MailId(String id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return id;
    }
  }
}
