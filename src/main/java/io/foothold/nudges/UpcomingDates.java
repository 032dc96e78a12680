package io.foothold.nudges;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Calendar invitations for check-in and small-win dates: a timer or a step's due date of one of
 * {@code foothold.nudges.invitation-elements}. The invitation goes out {@code reminder-lead} before the date; when the
 * date moves (a changed timer, a new due date) an update with the same UID and the next SEQUENCE follows; when it no
 * longer stands before it comes (the case ended, the step was done early) a cancellation does. Each invitation's UID,
 * date and SEQUENCE are kept in FH_NUDGE_INVITATION, written in the same transaction as the mail.
 */
final class UpcomingDates {

  private static final int PAGE = 1000;
  private static final Map<String, String> ELEMENT_NAMES = new ConcurrentHashMap<>();

  private final CommandContext context;
  private final JdbcOperations jdbc;
  private final NudgeSettings settings;
  private final Links links;
  private final MailSwitch mail;
  private final CaseFacts cases;

  UpcomingDates(CommandContext context, NudgeSettings settings, Links links, MailSwitch mail) {
    this.context = context;
    this.jdbc = EngineJdbc.of(context);
    this.settings = settings;
    this.links = links;
    this.mail = mail;
    this.cases = new CaseFacts(context);
  }

  /** One dated meeting: a timer job or a step with a due date. */
  record Dated(String key, String caseId, String recipient, String summary, Instant start, String link) {
  }

  record Invitation(String uid, String key, String caseId, String recipient, String summary, Instant start, int sequence) {
  }

  void run(Instant now) {
    List<Invitation> standing = jdbc.query("SELECT UID_, ITEM_KEY_, CASE_ID_, RECIPIENT_, SUMMARY_, START_MILLIS_, SEQUENCE_ FROM "
            + NudgeTables.INVITATION + " WHERE STATE_ = 'SENT' AND START_MILLIS_ > ?",
        (row, i) -> new Invitation(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
            Instant.ofEpochMilli(row.getLong(6)), row.getInt(7)), now.toEpochMilli());
    for (Invitation sent : standing) {
      Dated now_ = find(sent.key());
      if (now_ == null) {
        cancel(sent);
      } else if (!now_.start().equals(sent.start())) {
        move(sent, now_);
      }
    }
    Date from = Date.from(now);
    Date until = Date.from(now.plus(settings.getReminderLead()));
    ManagementService management = context.getProcessEngineConfiguration().getManagementService();
    TaskService tasks = context.getProcessEngineConfiguration().getTaskService();
    for (String element : settings.getInvitationElements()) {
      for (Job timer : management.createJobQuery().timers().activityId(element).duedateHigherThan(from).duedateLowerThan(until)
          .listPage(0, PAGE)) {
        invite(ofTimer(timer, element));
      }
      for (Task step : tasks.createTaskQuery().taskDefinitionKey(element).dueAfter(from).dueBefore(until).listPage(0, PAGE)) {
        invite(ofTask(step));
      }
    }
  }

  private void invite(Dated dated) {
    if (dated == null || dated.recipient() == null) {
      return;
    }
    String uid = uidOf(dated.key());
    if (!jdbc.queryForList("SELECT UID_ FROM " + NudgeTables.INVITATION + " WHERE UID_ = ?", String.class, uid).isEmpty()) {
      return;
    }
    if (Preferences.of(jdbc, dated.recipient()) != Preference.EVERY_STEP) {
      return;
    }
    String address = Recipients.addressOf(context, dated.recipient());
    if (address == null) {
      return;
    }
    Invitation invitation = new Invitation(uid, dated.key(), dated.caseId(), dated.recipient(), dated.summary(), dated.start(), 0);
    jdbc.update("INSERT INTO " + NudgeTables.INVITATION + " (UID_, ITEM_KEY_, CASE_ID_, RECIPIENT_, SUMMARY_, START_MILLIS_, SEQUENCE_, STATE_) "
            + "VALUES (?, ?, ?, ?, ?, ?, 0, 'SENT')", uid, dated.key(), dated.caseId(), dated.recipient(), dated.summary(),
        dated.start().toEpochMilli());
    MailWriter.Words words = MailWriter.invitation(dated.summary(), dated.start(), dated.link(), false);
    send(MailKind.INVITATION, invitation, address, words, Invitations.request(meeting(invitation, address, dated.link())));
  }

  private void move(Invitation sent, Dated moved) {
    String address = Recipients.addressOf(context, sent.recipient());
    Invitation updated = new Invitation(sent.uid(), sent.key(), sent.caseId(), sent.recipient(), sent.summary(), moved.start(), sent.sequence() + 1);
    jdbc.update("UPDATE " + NudgeTables.INVITATION + " SET START_MILLIS_ = ?, SEQUENCE_ = ? WHERE UID_ = ?", moved.start().toEpochMilli(),
        updated.sequence(), sent.uid());
    if (address != null) {
      MailWriter.Words words = MailWriter.invitation(sent.summary(), moved.start(), moved.link(), true);
      send(MailKind.INVITATION_UPDATE, updated, address, words, Invitations.request(meeting(updated, address, moved.link())));
    }
  }

  private void cancel(Invitation sent) {
    String address = Recipients.addressOf(context, sent.recipient());
    Invitation cancelled = new Invitation(sent.uid(), sent.key(), sent.caseId(), sent.recipient(), sent.summary(), sent.start(), sent.sequence() + 1);
    jdbc.update("UPDATE " + NudgeTables.INVITATION + " SET STATE_ = 'CANCELLED', SEQUENCE_ = ? WHERE UID_ = ?", cancelled.sequence(), sent.uid());
    if (address != null) {
      MailWriter.Words words = MailWriter.cancelled(sent.summary(), sent.start(), links.tasklist());
      send(MailKind.INVITATION_CANCELLED, cancelled, address, words, Invitations.cancel(meeting(cancelled, address, links.tasklist())));
    }
  }

  private void send(MailKind kind, Invitation invitation, String address, MailWriter.Words words, String ics) {
    Outbox.enqueue(context, new Mail(kind, invitation.recipient(), address, List.of(invitation.caseId()), words.subject(), words.text(),
        words.html(), ics, false));
  }

  private Invitations.Meeting meeting(Invitation invitation, String address, String link) {
    return new Invitations.Meeting(invitation.uid(), invitation.sequence(), invitation.summary(), invitation.start(),
        settings.getMeetingLength(), mail.fromAddress(), address, link);
  }

  /** The dated item behind an invitation as it stands now, or null when it is gone (fired, done, case ended). */
  private Dated find(String key) {
    String id = key.substring(key.indexOf(':') + 1);
    if (key.startsWith("job:")) {
      Job job = context.getProcessEngineConfiguration().getManagementService().createJobQuery().jobId(id).singleResult();
      return job == null ? null : ofTimer(job, null);
    }
    Task task = context.getProcessEngineConfiguration().getTaskService().createTaskQuery().taskId(id).singleResult();
    return task == null || task.getDueDate() == null ? null : ofTask(task);
  }

  private Dated ofTimer(Job timer, String element) {
    if (timer.getDuedate() == null || timer.getProcessInstanceId() == null) {
      return null;
    }
    String activity = element != null ? element
        : context.getProcessEngineConfiguration().getManagementService().createJobDefinitionQuery()
            .jobDefinitionId(timer.getJobDefinitionId()).singleResult().getActivityId();
    String name = elementName(timer.getProcessDefinitionId(), activity);
    String instance = timer.getProcessInstanceId();
    return new Dated("job:" + timer.getId(), cases.rootOf(instance), cases.managerOf(instance),
        summary(name, cases.employeeNameOf(instance)), timer.getDuedate().toInstant(), links.overview());
  }

  private Dated ofTask(Task task) {
    if (task.getDueDate() == null || task.getProcessInstanceId() == null) {
      return null;
    }
    return new Dated("task:" + task.getId(), cases.rootOf(task.getProcessInstanceId()), task.getAssignee(),
        summary(task.getName(), cases.employeeNameOf(task.getProcessInstanceId())), task.getDueDate().toInstant(), links.task(task.getId()));
  }

  private static String summary(String name, String employee) {
    return name + " (" + employee + ")";
  }

  private String elementName(String processDefinitionId, String activityId) {
    return ELEMENT_NAMES.computeIfAbsent(processDefinitionId + "#" + activityId, ignored -> {
      RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
      FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
      return element == null || element.getName() == null ? activityId : element.getName().trim();
    });
  }

  /** Stable for the life of the dated item, so every update and the cancellation replace the same calendar event. */
  static String uidOf(String key) {
    return "foothold-" + key.replace(':', '-') + "@foothold";
  }
}
