package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.instance.Decision;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/** The engine refuses to deploy an executable process or a decision without camunda:historyTimeToLive. */
public final class HistoryTimeToLiveRule implements LintRule {

  @Override
  public String id() {
    return "history-time-to-live";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      for (Process process : file.model().getModelElementsByType(Process.class)) {
        if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
          findings.add(workspace.finding(file.path(), process.getId(), id(), Severity.ERROR,
              "executable process '" + process.getId() + "' has no camunda:historyTimeToLive (e.g. P180D): the engine will refuse it"));
        }
      }
    }
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      for (Decision decision : file.model().getModelElementsByType(Decision.class)) {
        if (blank(decision.getCamundaHistoryTimeToLiveString())) {
          findings.add(workspace.finding(file.path(), decision.getId(), id(), Severity.ERROR,
              "decision '" + decision.getId() + "' has no camunda:historyTimeToLive (e.g. P180D): the engine will refuse it"));
        }
      }
    }
    return findings;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
