package io.foothold.escalation;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

import io.foothold.playbook.spi.CaseVariables;
import io.foothold.playbook.spi.ExpressionBeans;

/**
 * Which processes only raise a concern about another case (they forward it with the SPI's
 * {@link ExpressionBeans#FORWARD_CONCERN_TO_CASE}): such an instance is not a case of its own. HR sees the concern
 * inside the case it concerns, whose id the concern keeps in {@link #CASE_VARIABLE}.
 */
public final class ConcernProcesses {

  public static final String CASE_VARIABLE = CaseVariables.CONCERNED_CASE;
  public static final String KINDS_VARIABLE = CaseVariables.SERIOUS_SIGNAL_KINDS;
  private static final String FORWARD = "${" + ExpressionBeans.FORWARD_CONCERN_TO_CASE + "}";

  private ConcernProcesses() {
  }

  public static boolean raisesConcerns(BpmnModelInstance model) {
    return model.getModelElementsByType(ServiceTask.class).stream()
        .anyMatch(task -> FORWARD.equals(task.getCamundaDelegateExpression()));
  }
}
