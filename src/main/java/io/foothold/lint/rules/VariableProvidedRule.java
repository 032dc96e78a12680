package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Every variable a sequence flow condition or a DMN input expression reads is provided somewhere in the
 * playbook: a form field key, the start event's initiator, a DMN output or result variable, an output
 * parameter, a call activity's out (or, for a called process, its caller's in) mapping, a
 * {@code setVariable('name'…)} in an expression or script, or {@code providedVariables:} in the descriptor
 * (for variables set by Java). A missing one usually means a renamed form field.
 */
public final class VariableProvidedRule implements LintRule {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern SET_VARIABLE = Pattern.compile("setVariable(?:Local)?\\(\\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]");
  private static final Set<String> MULTI_INSTANCE = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

  @Override
  public String id() {
    return "variable-provided";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    Map<String, Set<String>> provided = providedByPlaybook(workspace);
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      Set<String> known = provided.getOrDefault(file.playbook(), Set.of());
      for (SequenceFlow flow : file.model().getModelElementsByType(SequenceFlow.class)) {
        ConditionExpression condition = flow.getConditionExpression();
        if (condition != null) {
          report(workspace, file.path(), flow.getId(), ExpressionNames.inJuelExpression(condition.getTextContent()), known,
              "the condition of '" + FormExistsRule.name(flow) + "'", findings);
        }
      }
    }
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      Set<String> known = provided.getOrDefault(file.playbook(), Set.of());
      for (Input input : file.model().getModelElementsByType(Input.class)) {
        if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
          report(workspace, file.path(), input.getId(), ExpressionNames.in(input.getInputExpression().getText().getTextContent()),
              known, "the input expression of '" + (input.getLabel() != null ? input.getLabel() : input.getId()) + "'", findings);
        }
      }
    }
    return findings;
  }

  private void report(LintWorkspace workspace, String path, String elementId, Set<String> reads, Set<String> known,
      String where, List<Finding> findings) {
    for (String name : reads) {
      if (!known.contains(name)) {
        findings.add(workspace.finding(path, elementId, id(), Severity.WARNING, where + " reads '" + name
            + "', which no form field, output, mapping or setVariable of the playbook provides"
            + " (list it under providedVariables: in playbook.yaml if Java sets it)"));
      }
    }
  }

  private static Map<String, Set<String>> providedByPlaybook(LintWorkspace workspace) {
    Map<String, Set<String>> provided = new HashMap<>();
    for (String playbook : workspace.playbooks()) {
      provided.put(playbook, providedWithin(workspace, playbook));
    }
    Map<String, String> playbookOfProcess = new HashMap<>();
    workspace.bpmns().forEach(f -> f.model().getModelElementsByType(Process.class).forEach(p -> playbookOfProcess.put(p.getId(), f.playbook())));
    // A called process sees what its caller passes in.
    Map<String, Set<String>> passedIn = new HashMap<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      for (CallActivity call : file.model().getModelElementsByType(CallActivity.class)) {
        String callee = playbookOfProcess.get(call.getCalledElement());
        if (callee == null) {
          continue;
        }
        for (CamundaIn in : call.getChildElementsByType(ExtensionElements.class).stream()
            .flatMap(e -> e.getChildElementsByType(CamundaIn.class).stream()).toList()) {
          if ("all".equals(in.getCamundaVariables())) {
            passedIn.computeIfAbsent(callee, k -> new HashSet<>()).addAll(provided.get(file.playbook()));
          } else if (in.getCamundaTarget() != null) {
            passedIn.computeIfAbsent(callee, k -> new HashSet<>()).add(in.getCamundaTarget());
          }
        }
      }
    }
    passedIn.forEach((playbook, names) -> provided.computeIfAbsent(playbook, k -> new HashSet<>()).addAll(names));
    return provided;
  }

  private static Set<String> providedWithin(LintWorkspace workspace, String playbook) {
    Set<String> names = new HashSet<>(MULTI_INSTANCE);
    workspace.formsOf(playbook).forEach(form -> FormComponents.of(form.json()).stream()
        .map(FormComponent::boundName).filter(k -> k != null).forEach(names::add));
    for (LintWorkspace.BpmnFile file : workspace.bpmnsOf(playbook)) {
      var model = file.model();
      model.getModelElementsByType(StartEvent.class).forEach(s -> add(names, s.getCamundaInitiator()));
      model.getModelElementsByType(FlowElement.class).forEach(e -> add(names, e.getAttributeValueNs(CAMUNDA, "resultVariable")));
      model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> add(names, p.getCamundaName()));
      model.getModelElementsByType(CamundaOut.class).forEach(o -> add(names, o.getCamundaTarget()));
      model.getModelElementsByType(CamundaFormField.class).forEach(f -> add(names, f.getCamundaId()));
      model.getModelElementsByType(MultiInstanceLoopCharacteristics.class).forEach(m -> add(names, m.getCamundaElementVariable()));
    }
    for (LintWorkspace.DmnFile file : workspace.dmnsOf(playbook)) {
      file.model().getModelElementsByType(Output.class).forEach(o -> add(names, o.getName()));
    }
    for (String path : workspace.pathsOf(playbook)) {
      Matcher set = SET_VARIABLE.matcher(workspace.text(path));
      while (set.find()) {
        names.add(set.group(1));
      }
    }
    var descriptor = workspace.descriptor(playbook);
    descriptor.path("providedVariables").forEach(v -> names.add(v.asText()));
    descriptor.path("delegates").forEach(v -> names.add(v.asText()));
    return names;
  }

  private static void add(Set<String> names, String name) {
    if (name != null && !name.isBlank()) {
      names.add(name);
    }
  }
}
