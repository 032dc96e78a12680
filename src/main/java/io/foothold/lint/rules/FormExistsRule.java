package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Every user task, and every start event a person starts from Tasklist, has a Camunda Form
 * ({@code camunda:formRef}, or a {@code camunda:formKey}) and a formRef names a form that exists.
 * Start events that need none: inside a (event) subprocess, with a trigger (message, timer, signal,
 * conditional), or of a process that is only ever called (called by a call activity and not an entry process).
 */
public final class FormExistsRule implements LintRule {

  @Override
  public String id() {
    return "form-exists";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    Set<String> formIds = workspace.formIds();
    Set<String> called = calledProcessKeys(workspace);
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      List<String> entries = new ArrayList<>();
      workspace.descriptor(file.playbook()).path("entryProcesses").forEach(e -> entries.add(e.asText()));
      for (UserTask task : file.model().getModelElementsByType(UserTask.class)) {
        check(workspace, file.path(), task, task.getCamundaFormRef(), task.getCamundaFormKey(), "user task", formIds, findings);
      }
      for (StartEvent start : file.model().getModelElementsByType(StartEvent.class)) {
        if (needsForm(start, called, entries)) {
          check(workspace, file.path(), start, start.getCamundaFormRef(), start.getCamundaFormKey(), "start event", formIds, findings);
        } else if (start.getCamundaFormRef() != null) {
          check(workspace, file.path(), start, start.getCamundaFormRef(), null, "start event", formIds, findings);
        }
      }
    }
    return findings;
  }

  private static boolean needsForm(StartEvent start, Set<String> called, List<String> entries) {
    if (!(start.getParentElement() instanceof Process process)) {
      return false; // event subprocess or embedded subprocess
    }
    if (!start.getEventDefinitions().isEmpty()) {
      return false; // started by a message, timer, signal or condition, not by a person
    }
    return !called.contains(process.getId()) || entries.contains(process.getId());
  }

  private void check(LintWorkspace workspace, String path, FlowElement element, String formRef, String formKey,
      String what, Set<String> formIds, List<Finding> findings) {
    if (blank(formRef) && blank(formKey)) {
      findings.add(workspace.finding(path, element.getId(), id(), Severity.ERROR,
          what + " '" + name(element) + "' has no form: set camunda:formRef to a Camunda Form id (binding latest)"));
    } else if (!blank(formRef) && !formRef.contains("${") && !formIds.contains(formRef)) {
      findings.add(workspace.finding(path, element.getId(), id(), Severity.ERROR,
          what + " '" + name(element) + "' refers to form '" + formRef + "', which is neither among the forms nor deployed"));
    }
  }

  private static Set<String> calledProcessKeys(LintWorkspace workspace) {
    Set<String> keys = new HashSet<>();
    workspace.bpmns().forEach(f -> f.model().getModelElementsByType(CallActivity.class)
        .forEach(call -> keys.add(call.getCalledElement())));
    return keys;
  }

  static String name(FlowElement element) {
    return element.getName() != null ? element.getName() : element.getId();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
