package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Camunda Modeler draws only what has diagram interchange: every flow node (including boundary events and
 * subprocess children) needs a BPMNShape and every sequence flow a BPMNEdge, or the designer cannot see or
 * edit it (ERROR). A DMN decision without a DMNShape is missing from the decision requirements diagram (WARNING).
 */
public final class DiagramInterchangeRule implements LintRule {

  @Override
  public String id() {
    return "diagram-interchange";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      Set<String> shapes = new HashSet<>();
      file.model().getModelElementsByType(BpmnShape.class).forEach(s -> addId(shapes, s.getBpmnElement()));
      Set<String> edges = new HashSet<>();
      file.model().getModelElementsByType(BpmnEdge.class).forEach(e -> addId(edges, e.getBpmnElement()));
      for (FlowNode node : file.model().getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          findings.add(workspace.finding(file.path(), node.getId(), id(), Severity.ERROR,
              "'" + FormExistsRule.name(node) + "' has no BPMNShape: Camunda Modeler will not show it"));
        }
      }
      for (SequenceFlow flow : file.model().getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) {
          findings.add(workspace.finding(file.path(), flow.getId(), id(), Severity.ERROR,
              "sequence flow '" + FormExistsRule.name(flow) + "' has no BPMNEdge: Camunda Modeler will not show it"));
        }
      }
    }
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      Set<String> shaped = new HashSet<>();
      collectDmnShapes(file.model().getDocument().getRootElement(), shaped);
      for (Decision decision : file.model().getModelElementsByType(Decision.class)) {
        if (!shaped.contains(decision.getId())) {
          findings.add(workspace.finding(file.path(), decision.getId(), id(), Severity.WARNING,
              "decision '" + decision.getName() + "' has no DMNShape: it is missing from the diagram in Camunda Modeler"));
        }
      }
    }
    return findings;
  }

  private static void addId(Set<String> ids, BaseElement element) {
    if (element != null) {
      ids.add(element.getId());
    }
  }

  /** The DMN model API has no DMNDI types, so DMNShapes are read from the document. */
  private static void collectDmnShapes(DomElement element, Set<String> into) {
    if ("DMNShape".equals(element.getLocalName())) {
      String ref = element.getAttribute("dmnElementRef");
      if (ref != null) {
        into.add(ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : ref);
      }
    }
    element.getChildElements().forEach(child -> collectDmnShapes(child, into));
  }
}
