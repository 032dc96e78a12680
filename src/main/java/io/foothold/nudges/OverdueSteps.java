package io.foothold.nudges;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Overdue steps: one nudge to the person whose step it is, then, while a manager's cases have steps waiting longer
 * than {@code digest-interval}, one digest per interval listing them ("Sam Okafor: Check in on progress, overdue 3
 * days"). What has been decided is kept in FH_NUDGE_SENT by key, written with the mail, so neither repeats.
 */
final class OverdueSteps {

  private static final int PAGE = 2000;

  private final CommandContext context;
  private final JdbcOperations jdbc;
  private final NudgeSettings settings;
  private final Links links;
  private final CaseFacts cases;

  OverdueSteps(CommandContext context, NudgeSettings settings, Links links) {
    this.context = context;
    this.jdbc = EngineJdbc.of(context);
    this.settings = settings;
    this.links = links;
    this.cases = new CaseFacts(context);
  }

  void run(Instant now) {
    List<Task> overdue = context.getProcessEngineConfiguration().getTaskService().createTaskQuery().dueBefore(Date.from(now)).active()
        .orderByDueDate().asc().listPage(0, PAGE);
    Map<String, List<Task>> byManager = new LinkedHashMap<>();
    for (Task step : overdue) {
      if (step.getAssignee() == null || step.getProcessInstanceId() == null) {
        continue;
      }
      nudgeOnce(step, now);
      String manager = cases.managerOf(step.getProcessInstanceId());
      if (manager != null) {
        byManager.computeIfAbsent(manager, m -> new ArrayList<>()).add(step);
      }
    }
    byManager.forEach((manager, steps) -> digest(manager, steps, now));
  }

  private void nudgeOnce(Task step, Instant now) {
    String key = "overdue:" + step.getId();
    if (sentAt(key) != null) {
      return;
    }
    record(key, now);
    if (Preferences.of(jdbc, step.getAssignee()) != Preference.EVERY_STEP) {
      return; // recorded all the same: the digest counts from here
    }
    String address = Recipients.addressOf(context, step.getAssignee());
    if (address != null) {
      MailWriter.Words words = MailWriter.overdue(step.getName(), step.getDueDate().toInstant(), links.task(step.getId()));
      Outbox.enqueue(context, new Mail(MailKind.OVERDUE, step.getAssignee(), address, List.of(cases.rootOf(step.getProcessInstanceId())),
          words.subject(), words.text(), words.html(), null, false));
    }
  }

  private void digest(String manager, List<Task> steps, Instant now) {
    Instant intervalAgo = now.minus(settings.getDigestInterval());
    boolean waitedLong = steps.stream().map(step -> sentAt("overdue:" + step.getId())).anyMatch(at -> at != null && !at.isAfter(intervalAgo));
    String key = "digest:" + manager;
    Instant last = sentAt(key);
    if (!waitedLong || (last != null && last.isAfter(intervalAgo))) {
      return;
    }
    if (last == null) {
      record(key, now);
    } else {
      jdbc.update("UPDATE " + NudgeTables.SENT + " SET SENT_MILLIS_ = ? WHERE KEY_ = ?", now.toEpochMilli(), key);
    }
    String address = Preferences.of(jdbc, manager) == Preference.NONE ? null : Recipients.addressOf(context, manager);
    if (address == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    Set<String> caseIds = new LinkedHashSet<>();
    for (Task step : steps) {
      long days = Math.max(1, Duration.between(step.getDueDate().toInstant(), now).toDays());
      lines.add(cases.employeeNameOf(step.getProcessInstanceId()) + ": " + step.getName() + ", overdue " + days + (days == 1 ? " day" : " days"));
      caseIds.add(cases.rootOf(step.getProcessInstanceId()));
    }
    MailWriter.Words words = MailWriter.digest(lines, links.overview());
    Outbox.enqueue(context, new Mail(MailKind.DIGEST, manager, address, List.copyOf(caseIds), words.subject(), words.text(), words.html(),
        null, false));
  }

  private Instant sentAt(String key) {
    List<Long> found = jdbc.queryForList("SELECT SENT_MILLIS_ FROM " + NudgeTables.SENT + " WHERE KEY_ = ?", Long.class, key);
    return found.isEmpty() ? null : Instant.ofEpochMilli(found.get(0));
  }

  private void record(String key, Instant now) {
    jdbc.update("INSERT INTO " + NudgeTables.SENT + " (KEY_, SENT_MILLIS_) VALUES (?, ?)", key, now.toEpochMilli());
  }
}
