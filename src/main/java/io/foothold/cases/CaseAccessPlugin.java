package io.foothold.cases;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link CaseOpened} to the start of every process, whatever playbook deployed it, and has tasks granted
 * by {@link TaskGrantProvider}, which relies on the grants CaseOpened writes.
 */
@Component
class CaseAccessPlugin extends AbstractProcessEnginePlugin {

  private final CaseOpened caseOpened;

  CaseAccessPlugin(CaseOpened caseOpened) {
    this.caseOpened = caseOpened;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskGrantProvider());
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        ((ScopeImpl) processDefinition).addListener(ExecutionListener.EVENTNAME_START, caseOpened);
      }
    });
  }
}
