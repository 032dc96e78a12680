package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/** A call activity's calledElement and a business rule task's decisionRef name a process or decision that exists. */
public final class CalledElementExistsRule implements LintRule {

  @Override
  public String id() {
    return "called-element-exists";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    Set<String> processes = workspace.processKeys();
    Set<String> decisions = workspace.decisionKeys();
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      for (CallActivity call : file.model().getModelElementsByType(CallActivity.class)) {
        String key = call.getCalledElement();
        if (key == null || key.isBlank()) {
          findings.add(workspace.finding(file.path(), call.getId(), id(), Severity.ERROR,
              "call activity '" + FormExistsRule.name(call) + "' has no calledElement"));
        } else if (!key.contains("${") && !processes.contains(key)) {
          findings.add(workspace.finding(file.path(), call.getId(), id(), Severity.ERROR,
              "call activity '" + FormExistsRule.name(call) + "' calls process '" + key + "', which is neither among the models nor deployed"));
        }
      }
      for (BusinessRuleTask task : file.model().getModelElementsByType(BusinessRuleTask.class)) {
        String key = task.getCamundaDecisionRef();
        if (key != null && !key.contains("${") && !decisions.contains(key)) {
          findings.add(workspace.finding(file.path(), task.getId(), id(), Severity.ERROR,
              "business rule task '" + FormExistsRule.name(task) + "' evaluates decision '" + key + "', which is neither among the models nor deployed"));
        }
      }
    }
    return findings;
  }
}
