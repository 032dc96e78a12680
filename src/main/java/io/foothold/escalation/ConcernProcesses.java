package io.foothold.escalation;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * Which processes only raise a concern about another case (they forward it with {@code forwardConcernToCase}):
 * such an instance is not a case of its own. HR sees the concern inside the case it concerns, whose id the
 * concern keeps in {@link #CASE_VARIABLE}.
 */
public final class ConcernProcesses {

  public static final String CASE_VARIABLE = "caseId";
  public static final String KINDS_VARIABLE = "seriousSignalKinds";
  private static final String FORWARD = "${forwardConcernToCase}";

  private ConcernProcesses() {
  }

  public static boolean raisesConcerns(BpmnModelInstance model) {
    return model.getModelElementsByType(ServiceTask.class).stream()
        .anyMatch(task -> FORWARD.equals(task.getCamundaDelegateExpression()));
  }
}
