package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.NamedElement;
import org.camunda.bpm.model.dmn.instance.OutputEntry;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.lint.Finding;
import io.foothold.lint.LintRule;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.Severity;

/**
 * Foothold describes behaviour, never the person: no labelling words in form labels, descriptions and text,
 * BPMN names and documentation, or DMN names, labels, annotations and outputs. The words are a built-in list
 * plus every catalog's top-level {@code avoidWords:}.
 */
public final class LabellingWordsRule implements LintRule {

  static final List<String> DEFAULT_WORDS = List.of("lazy", "incompetent", "weak", "failure as a person", "unstable",
      "broken", "depressed", "disorder", "mentally ill");

  @Override
  public String id() {
    return "labelling-words";
  }

  @Override
  public List<Finding> check(LintWorkspace workspace) {
    Pattern words = pattern(workspace);
    List<Finding> findings = new ArrayList<>();
    for (LintWorkspace.FormFile form : workspace.forms()) {
      for (FormComponent component : FormComponents.of(form.json())) {
        String id = component.id();
        for (String field : List.of("label", "description", "text", "content", "placeholder")) {
          check(workspace, form.path(), id, component.text(field), words, findings);
        }
        component.json().path("values").forEach(v -> check(workspace, form.path(), id, v.path("label").asText(null), words, findings));
      }
    }
    for (LintWorkspace.BpmnFile file : workspace.bpmns()) {
      for (BaseElement element : file.model().getModelElementsByType(BaseElement.class)) {
        check(workspace, file.path(), element.getId(), element.getAttributeValue("name"), words, findings);
        for (Documentation doc : element.getDocumentations()) {
          check(workspace, file.path(), element.getId(), doc.getTextContent(), words, findings);
        }
        if (element instanceof TextAnnotation annotation && annotation.getText() != null) {
          check(workspace, file.path(), element.getId(), annotation.getText().getTextContent(), words, findings);
        }
      }
    }
    for (LintWorkspace.DmnFile file : workspace.dmns()) {
      for (DmnElement element : file.model().getModelElementsByType(DmnElement.class)) {
        if (element instanceof NamedElement named) {
          check(workspace, file.path(), element.getId(), named.getName(), words, findings);
        }
        check(workspace, file.path(), element.getId(), element.getAttributeValue("label"), words, findings);
        Description description = element.getDescription();
        if (description != null) {
          check(workspace, file.path(), element.getId(), description.getTextContent(), words, findings);
        }
        if (element instanceof OutputEntry output && output.getText() != null) {
          check(workspace, file.path(), element.getId(), output.getText().getTextContent(), words, findings);
        }
      }
    }
    return findings;
  }

  private static Pattern pattern(LintWorkspace workspace) {
    Set<String> list = new LinkedHashSet<>(DEFAULT_WORDS);
    workspace.catalogs().values().forEach(c -> c.path("avoidWords").forEach(w -> {
      if (!w.asText("").isBlank()) {
        list.add(w.asText().trim().toLowerCase(Locale.ROOT));
      }
    }));
    String alternatives = String.join("|", list.stream().map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q")).toList());
    return Pattern.compile("(?<![\\p{L}-])(" + alternatives + ")(?![\\p{L}-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private void check(LintWorkspace workspace, String path, String elementId, String text, Pattern words, List<Finding> findings) {
    if (text == null) {
      return;
    }
    Matcher m = words.matcher(text);
    Set<String> found = new LinkedHashSet<>();
    while (m.find()) {
      found.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    for (String word : found) {
      findings.add(workspace.finding(path, elementId, id(), Severity.ERROR,
          "'" + word + "' labels the person: describe what was seen or done instead"));
    }
  }
}
