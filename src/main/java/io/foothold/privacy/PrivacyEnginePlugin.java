package io.foothold.privacy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Private notes live outside the engine (every playbook, built-in or plugin): captured from every submission as
 * its command closes, kept in FH_PRIVATE_NOTE, read back only by the case's manager through a task's form
 * variables, forgotten when the case ends and removed with the case's history. Not a HistoryEventHandler bean on
 * purpose: the Camunda starter would add such a bean next to the database writer, where it could not stop anything.
 */
@Component
class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  private final PrivateNotesInterceptor interceptor = new PrivateNotesInterceptor(new PrivateNoteCapture());

  private final ApplicationEventPublisher events;

  /** The table exists before the engine runs its first command. */
  PrivacyEnginePlugin(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.events = events;
    NoteTable.create(jdbc);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Both chains: commands that open their own transaction (e.g. failed-job handling) write variables too.
    configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor));
    List<JobHandler> jobHandlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    jobHandlers.add(new NotesRetention(events));
    configuration.setCustomJobHandlers(jobHandlers);
  }

  /** After init the engine has built its history writer (database plus any custom handlers); every event passes us first. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PrivateNoteHistory(configuration.getHistoryEventHandler()));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    LegacyNotesMigration.run((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
    List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(added);
    return all;
  }
}
