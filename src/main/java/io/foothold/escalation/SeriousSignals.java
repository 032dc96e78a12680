package io.foothold.escalation;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Which cases can take a serious signal from outside: those whose process starts an HR review when the
 * variable {@code seriousSignal} is set (a conditional start event listening to it). Every playbook that
 * follows a person has one; a concern must not be sent where nobody would hear it.
 */
public final class SeriousSignals {

  public static final String VARIABLE = CaseVariables.SERIOUS_SIGNAL;

  private SeriousSignals() {
  }

  /** Must run inside an engine command (a delegate, listener or command): it reads the deployment cache. */
  public static boolean areHeardBy(String processDefinitionId) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    return model.getModelElementsByType(ConditionalEventDefinition.class).stream()
        .anyMatch(condition -> condition.getParentElement() instanceof StartEvent
            && VARIABLE.equals(condition.getCamundaVariableName()));
  }
}
