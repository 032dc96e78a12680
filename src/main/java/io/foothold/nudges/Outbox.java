package io.foothold.nudges;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The outbox: a mail is a row in FH_NUDGE_MAIL plus one engine job that sends it, both written in the engine command
 * that decided to send it. So a rolled-back step leaves neither (no mail for a step that never happened), and only
 * after the commit can the job executor see the job. Why an engine job per mail rather than our own poller: the job
 * executor already locks each job for one node of a cluster (optimistic locking on ACT_RU_JOB), retries failures and
 * takes over a crashed node's jobs, so no mail is sent twice by two nodes and none is forgotten. The mail's text lives
 * in our row because a job's configuration holds at most 4000 characters.
 */
final class Outbox {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String GIVEN_UP = "GIVEN_UP";

  private Outbox() {
  }

  static String enqueue(CommandContext context, Mail mail) {
    String id = UUID.randomUUID().toString();
    EngineJdbc.of(context).update("INSERT INTO " + NudgeTables.MAIL + " (ID_, KIND_, RECIPIENT_, ADDRESS_, CASE_IDS_, SUBJECT_, TEXT_, HTML_, "
            + "ICS_, URGENT_, STATE_, ATTEMPTS_, CREATED_MILLIS_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        id, mail.kind().name(), mail.recipient(), mail.address(), String.join(",", mail.caseIds()), mail.subject(), mail.text(),
        mail.html(), mail.ics(), mail.urgent(), PENDING, ClockUtil.getCurrentTime().getTime());
    schedule(context, id, null);
    return id;
  }

  /** A job that sends the mail at {@code due} (null: as soon as the transaction commits). */
  static void schedule(CommandContext context, String mailId, Date due) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(MailJobHandler.TYPE);
    job.setJobHandlerConfigurationRaw(mailId);
    job.setDuedate(due);
    context.getJobManager().send(job);
  }

  static Waiting find(JdbcOperations jdbc, String mailId) {
    List<Waiting> found = jdbc.query("SELECT KIND_, RECIPIENT_, ADDRESS_, CASE_IDS_, SUBJECT_, TEXT_, HTML_, ICS_, URGENT_, STATE_, ATTEMPTS_ FROM "
        + NudgeTables.MAIL + " WHERE ID_ = ?", (row, i) -> new Waiting(mailId, new Mail(MailKind.valueOf(row.getString(1)), row.getString(2),
        row.getString(3), row.getString(4) == null || row.getString(4).isEmpty() ? List.of() : Arrays.asList(row.getString(4).split(",")),
        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getBoolean(9)), row.getString(10), row.getInt(11)), mailId);
    return found.isEmpty() ? null : found.get(0);
  }

  static void markSent(JdbcOperations jdbc, String mailId) {
    jdbc.update("UPDATE " + NudgeTables.MAIL + " SET STATE_ = ?, ATTEMPTS_ = ATTEMPTS_ + 1, SENT_MILLIS_ = ? WHERE ID_ = ?", SENT,
        ClockUtil.getCurrentTime().getTime(), mailId);
  }

  static void markFailedAttempt(JdbcOperations jdbc, String mailId, boolean givenUp) {
    jdbc.update("UPDATE " + NudgeTables.MAIL + " SET STATE_ = ?, ATTEMPTS_ = ATTEMPTS_ + 1 WHERE ID_ = ?", givenUp ? GIVEN_UP : PENDING, mailId);
  }

  /** A mail in the outbox with its state and how many times sending it has been tried. */
  record Waiting(String id, Mail mail, String state, int attempts) {
  }
}
