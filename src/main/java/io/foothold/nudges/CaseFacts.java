package io.foothold.nudges;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import io.foothold.playbook.spi.CaseVariables;

/** What a nudge needs to know about a running case: its root, its manager, the employee's name. Read, never written. */
final class CaseFacts {

  private final CommandContext context;
  private final RuntimeService runtime;

  CaseFacts(CommandContext context) {
    this.context = context;
    this.runtime = context.getProcessEngineConfiguration().getRuntimeService();
  }

  String rootOf(String processInstanceId) {
    ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
    return instance == null ? processInstanceId : instance.getRootProcessInstanceId();
  }

  String managerOf(String processInstanceId) {
    return text(processInstanceId, CaseVariables.MANAGER);
  }

  String employeeNameOf(String processInstanceId) {
    String employee = text(processInstanceId, CaseVariables.EMPLOYEE);
    return employee == null ? "Your report" : Recipients.nameOf(context, employee);
  }

  private String text(String processInstanceId, String name) {
    Object value = runtime.getVariable(processInstanceId, name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
