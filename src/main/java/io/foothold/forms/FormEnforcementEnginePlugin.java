package io.foothold.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.foothold.engine.CauseUnwrapper;
import io.foothold.engine.CommandInterceptors;

/**
 * Makes the engine enforce Camunda Form rules on task completion and process start, whatever the
 * entry point (Tasklist, REST, Java API); Camunda itself checks them only in the browser. People write only what
 * the form of their step declares ({@link PersonWriteGuard}). The limits on every variable write, whoever writes, are
 * io.foothold.values' own plugin.
 */
@Component
public class FormEnforcementEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeployedFormSchemas schemas = new DeployedFormSchemas();
  private final FormEnforcement enforcement;

  /** For engines built without Spring (e.g. camunda.cfg.xml): no dynamic option sources. */
  public FormEnforcementEnginePlugin() {
    this(FormOptionsSources.none());
  }

  @Autowired
  public FormEnforcementEnginePlugin(FormOptionsSources optionsSources) {
    this.enforcement = new FormEnforcement(schemas, optionsSources);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new FormEnforcementParseListener(enforcement));
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new DeployedFormSchemas.TaskFormsOfThisCommand.Factory());

    // A refusal thrown in a task listener reaches REST and Java callers as itself (HTTP 400), not wrapped by the engine.
    CommandInterceptors.add(configuration, new CauseUnwrapper(FormRulesViolatedException.class));
    CommandInterceptors.add(configuration, new OuterCommand());

    // Inside the command context, where forms, tasks and the signed-in person can be looked up.
    List<CommandInterceptor> inContext = configuration.getCustomPostCommandInterceptorsTxRequired();
    if (inContext == null) {
      inContext = new ArrayList<>();
      configuration.setCustomPostCommandInterceptorsTxRequired(inContext);
    }
    inContext.add(new PersonWriteGuard(schemas));
  }
}
