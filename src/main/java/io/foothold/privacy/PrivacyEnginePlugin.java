package io.foothold.privacy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps private notes out of history (every playbook, built-in or plugin) and forgets them when the case ends.
 * Not a HistoryEventHandler bean on purpose: the Camunda starter would add such a bean next to the database
 * writer, where it could not stop anything from being written.
 */
@Component
class PrivacyEnginePlugin extends AbstractProcessEnginePlugin {

  private final PrivateNotesForgotten forget = new PrivateNotesForgotten();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_END, forget);
      }
    });
  }

  /** After init the engine has built its history writer (database plus any custom handlers); every event passes us first. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PrivateNoteHistory(configuration.getHistoryEventHandler()));
  }
}
