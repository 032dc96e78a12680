package io.foothold.escalation;

import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.foothold.modelguard.CallableFromModels;
import io.foothold.playbook.spi.CaseVariables;
import io.foothold.playbook.spi.ExpressionBeans;

/**
 * Service task of a concern process (the recovery arc's {@code RaiseConcern}): copies a serious signal onto one of
 * the manager's open cases, of any playbook that listens for serious signals. Setting {@code seriousSignal=true}
 * there starts the case's own HR review (conditional event subprocess), so the concern does not wait for the
 * manager's next form.
 *
 * <p>Platform, not one playbook's: it writes into other playbooks' cases, only the escalation module knows which
 * cases hear serious signals ({@link SeriousSignals}), and audit and analytics tell concerns from cases by this
 * bean's expression ({@link ConcernProcesses}). Playbooks call it by the name the SPI publishes.
 */
@Component(ExpressionBeans.FORWARD_CONCERN_TO_CASE)
@CallableFromModels
public class ForwardConcernToCase implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
    Object caseIdValue = execution.getVariable(CaseVariables.CONCERNED_CASE);
    String caseId = caseIdValue == null ? null : caseIdValue.toString();
    Object managerId = execution.getVariable(CaseVariables.MANAGER);

    // One answer for "missing", "closed" and "someone else's": a manager must not learn about other cases.
    if (caseId == null || caseId.isBlank() || managerId == null || !isOpenCaseOf(runtimeService, caseId, managerId)) {
      throw new FormFieldValidationException(CaseVariables.CONCERNED_CASE, CaseVariables.CONCERNED_CASE + ": choose one of your own open cases");
    }

    runtimeService.setVariable(caseId, CaseVariables.SERIOUS_SIGNAL_KINDS, execution.getVariableTyped(CaseVariables.SERIOUS_SIGNAL_KINDS));
    runtimeService.setVariable(caseId, CaseVariables.SERIOUS_SIGNAL_NOTE, execution.getVariableTyped(CaseVariables.SERIOUS_SIGNAL_NOTE));
    runtimeService.setVariable(caseId, CaseVariables.SERIOUS_SIGNAL_SOURCE, "concern");
    // Last on purpose: the flag triggers the HR review, which should already see kinds, note and source.
    runtimeService.setVariable(caseId, SeriousSignals.VARIABLE, Boolean.TRUE);
  }

  private static boolean isOpenCaseOf(RuntimeService runtimeService, String caseId, Object managerId) {
    ProcessInstance openCase = runtimeService.createProcessInstanceQuery()
        .processInstanceId(caseId)
        .rootProcessInstances()
        .active()
        .singleResult();
    return openCase != null
        && SeriousSignals.areHeardBy(openCase.getProcessDefinitionId())
        && Objects.equals(managerId, runtimeService.getVariable(caseId, CaseVariables.MANAGER));
  }
}
