package io.foothold.nudges;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Wires nudges into the engine: the step listener on every user task (through a parse listener, so models stay as
 * they are), the mail job and the scan job. Everything runs as the engine's own work (listeners, the job executor),
 * never as a person's command, so the rule that people write only their forms' fields is not in play; nudges write
 * no case variable at all, only Foothold's own tables, jobs and history comments.
 */
@Component
class NudgesEnginePlugin extends AbstractProcessEnginePlugin {

  private final MailSwitch mail;
  private final NudgeScan scan;
  private final NudgeSettings settings;
  private final Links links;

  NudgesEnginePlugin(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, NudgeSettings settings, Links links) {
    NudgeTables.create(jdbc);
    this.settings = settings;
    this.links = links;
    this.mail = new MailSwitch(sender, settings);
    this.scan = new NudgeScan(settings, links, mail);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new NudgeParseListener(new StepListener(mail, links)));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
    List<JobHandler> jobHandlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    jobHandlers.add(new MailJobHandler(mail::delivery, settings.getRetryBackoff()));
    jobHandlers.add(new ScanJobHandler(scan, settings));
    configuration.setCustomJobHandlers(jobHandlers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      ScanJobHandler.bookUnlessBooked(context);
      return null;
    });
  }

  /** The scan, for Foothold's own code and tests that run it at once instead of waiting for its job. */
  NudgeScan scan() {
    return scan;
  }
}
