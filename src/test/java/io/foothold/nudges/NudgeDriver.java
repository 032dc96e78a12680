package io.foothold.nudges;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Lets time pass for nudges the way the job executor would (the tests run without it): the scan at once, and every
 * mail job that is due by the engine clock. Reads what the demo's mail catcher (a real SMTP server) received.
 */
final class NudgeDriver {

  private final ProcessEngine engine;
  private final NudgesEnginePlugin plugin;
  private final DemoMailCatcher catcher;

  NudgeDriver(ProcessEngine engine, NudgesEnginePlugin plugin, DemoMailCatcher catcher) {
    this.engine = engine;
    this.plugin = plugin;
    this.catcher = catcher;
  }

  void scan() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      plugin.scan().run(context);
      return null;
    });
  }

  /** Runs every mail job due now (by the engine clock), as the job executor would. */
  int sendDueMails() {
    ManagementService management = engine.getManagementService();
    List<Job> due = management.createJobQuery().messages().executable().list().stream()
        .filter(job -> MailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
    due.forEach(job -> management.executeJob(job.getId()));
    return due.size();
  }

  List<CaughtMail> caught() {
    return catcher.caught().stream().map(CaughtMail::of).toList();
  }

  /** Mails to this address whose text mentions {@code mark} (a task id, a job id, a step name). */
  List<CaughtMail> to(String address, String mark) {
    return caught().stream().filter(mail -> mail.to().equals(address) && (mail.text().contains(mark) || mail.subject().contains(mark)
        || (mail.calendar() != null && mail.calendar().contains(mark)))).toList();
  }
}
