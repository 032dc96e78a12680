package io.foothold.nudges;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import io.foothold.security.Roles;

/**
 * A new step: its assignee gets a mail (if they want every step), and a step offered to HR (a referral) reaches
 * every HR member, marked urgent, whatever they chose. Runs inside the engine command that created or assigned the
 * task, so the mail is in the outbox only if that command commits. Someone who takes a step themselves (claims it)
 * is not told about it.
 */
final class StepListener implements TaskListener {

  private final MailSwitch mail;
  private final Links links;

  StepListener(MailSwitch mail, Links links) {
    this.mail = mail;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!mail.on()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String caseId = ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId();
    if (EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null && offeredToHr(task)) {
      MailWriter.Words words = MailWriter.hrReferral(task.getName(), links.task(task.getId()));
      for (User member : Recipients.membersOf(context, Roles.HR)) {
        String address = Recipients.addressOf(context, member.getId());
        if (address != null) {
          Outbox.enqueue(context, new Mail(MailKind.HR_REFERRAL, member.getId(), address, List.of(caseId), words.subject(), words.text(),
              words.html(), null, true));
        }
      }
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null && !claimsItThemselves(context, task)) {
      String assignee = task.getAssignee();
      if (Preferences.of(EngineJdbc.of(context), assignee) != Preference.EVERY_STEP) {
        return;
      }
      String address = Recipients.addressOf(context, assignee);
      if (address != null) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        MailWriter.Words words = MailWriter.stepAssigned(task.getName(), links.task(task.getId()), due);
        Outbox.enqueue(context, new Mail(MailKind.STEP_ASSIGNED, assignee, address, List.of(caseId), words.subject(), words.text(),
            words.html(), null, false));
      }
    }
  }

  private static boolean offeredToHr(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && Roles.HR.equals(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The person took an existing step themselves (a claim). A step created by their own submission (the next step of
   * their case) still gets its mail: it may be due days later.
   */
  private static boolean claimsItThemselves(CommandContext context, DelegateTask task) {
    Authentication person = context.getAuthentication();
    if (person == null || !task.getAssignee().equals(person.getUserId())) {
      return false;
    }
    CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, task.getId());
    return cached != null && cached.getEntityState() != DbEntityState.TRANSIENT;
  }
}
