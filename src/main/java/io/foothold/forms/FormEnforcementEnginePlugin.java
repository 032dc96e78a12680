package io.foothold.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes the engine enforce Camunda Form rules on task completion and process start, whatever the
 * entry point (Tasklist, REST, Java API); Camunda itself checks them only in the browser.
 */
@Component
public class FormEnforcementEnginePlugin extends AbstractProcessEnginePlugin {

  private final FormEnforcement enforcement;

  /** For engines built without Spring (e.g. camunda.cfg.xml): no dynamic option sources. */
  public FormEnforcementEnginePlugin() {
    this(FormOptionsSources.none());
  }

  @Autowired
  public FormEnforcementEnginePlugin(FormOptionsSources optionsSources) {
    this.enforcement = new FormEnforcement(optionsSources);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new FormEnforcementParseListener(enforcement));

    List<CommandInterceptor> txRequired = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (txRequired == null) {
      txRequired = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(txRequired);
    }
    txRequired.add(new FormViolationUnwrapper());
  }
}
