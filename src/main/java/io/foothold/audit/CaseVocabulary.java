package io.foothold.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.engine.SystemAccess;
import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.playbook.PlaybookCatalog;
import io.foothold.playbook.PlaybookRegistry;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * The words a playbook gives its answers: each form field's label and each option's label, read from the Camunda
 * Forms as they were deployed (catalog options are filled in at deployment, so they carry the catalog's labels), and
 * the playbook's catalog for ids that no form offers (e.g. a decision's output). HR's timeline and CSV speak these
 * words instead of variable names and ids. A deployment never changes, so each one is read once.
 */
@Component
class CaseVocabulary {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SystemAccess system;
  private final PlaybookRegistry registry;
  private final Map<String, FormWords> byDeployment = new ConcurrentHashMap<>();

  CaseVocabulary(SystemAccess system, PlaybookRegistry registry) {
    this.system = system;
    this.registry = registry;
  }

  /**
   * The words of a playbook (by id), or of the definition's own deployment for a process that belongs to none. Later
   * deployments override earlier ones, as Tasklist shows the latest form.
   */
  AnswerWords of(String playbook, String processDefinitionId) {
    return system.call(() -> {
      RepositoryService repository = system.engine().getRepositoryService();
      List<Deployment> deployments = playbook == null || playbook.isEmpty() ? List.of()
          : repository.createDeploymentQuery().deploymentName(DeploymentNames.of(playbook)).orderByDeploymentTime().asc().list();
      FormWords merged = new FormWords(new HashMap<>(), new HashMap<>(), new HashMap<>());
      if (deployments.isEmpty() && processDefinitionId != null) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult();
        if (definition != null) {
          merged.add(read(repository, definition.getDeploymentId()));
        }
      }
      deployments.forEach(deployment -> merged.add(read(repository, deployment.getId())));
      PlaybookCatalog catalog = playbook == null ? null : registry.catalog(playbook).orElse(null);
      return new AnswerWords(merged, catalog);
    });
  }

  private FormWords read(RepositoryService repository, String deploymentId) {
    return byDeployment.computeIfAbsent(deploymentId, id -> {
      FormWords words = new FormWords(new HashMap<>(), new HashMap<>(), new HashMap<>());
      for (String resource : repository.getDeploymentResourceNames(id)) {
        if (resource.endsWith(".form")) {
          try (InputStream form = repository.getResourceAsStream(id, resource)) {
            words.collect(JSON.readTree(form));
          } catch (IOException | RuntimeException unreadable) {
            // a form that does not parse has no words to give; its fields then read as plain words of their key
          }
        }
      }
      return words;
    });
  }

  /** Labels by field key (fields people fill in win over read-only copies) and option labels by key and value. */
  private record FormWords(Map<String, String> labels, Map<String, String> readOnlyLabels, Map<String, Map<String, String>> options) {

    void collect(JsonNode form) {
      for (FormComponent component : FormComponents.of(form)) {
        JsonNode json = component.json();
        String key = component.key();
        String label = component.text("label");
        if (key != null && label != null && !label.isBlank()) {
          (json.path("readonly").asBoolean(false) ? readOnlyLabels : labels).put(key, label.trim());
        }
        if (key != null && json.path("values").isArray()) {
          for (JsonNode option : json.path("values")) {
            if (option.hasNonNull("value") && option.hasNonNull("label")) {
              options.computeIfAbsent(key, k -> new HashMap<>()).put(option.get("value").asText(), option.get("label").asText());
            }
          }
        }
      }
    }

    void add(FormWords later) {
      labels.putAll(later.labels);
      readOnlyLabels.putAll(later.readOnlyLabels);
      later.options.forEach((key, values) -> options.computeIfAbsent(key, k -> new HashMap<>()).putAll(values));
    }
  }

  /** One playbook's words for answers: the label of a variable, and an answer as text. */
  static final class AnswerWords {

    /** Facts Foothold itself writes on every case; no form declares them. */
    private static final Map<String, String> CASE_FACTS = Map.of(CaseList.MANAGER, "Manager", CaseList.EMPLOYEE, "Employee",
        CaseList.EMPLOYEE_NAME, "Employee", CaseList.OUTCOME, "Outcome", CaseList.ESCALATED, "HR brought in");

    private final FormWords forms;
    private final PlaybookCatalog catalog;
    private final Map<String, String> decisionLabels = new LinkedHashMap<>();

    private AnswerWords(FormWords forms, PlaybookCatalog catalog) {
      this.forms = forms;
      this.catalog = catalog;
    }

    /** A decision's output label (e.g. "Decision" for gateDecision), for variables no form declares. */
    void learnDecisionLabel(String variableName, String label) {
      if (variableName != null && label != null && !label.isBlank()) {
        decisionLabels.putIfAbsent(variableName, label);
      }
    }

    /** The label a person knows the variable by: the case fact's, the form's, the decision's, or its name in plain words. */
    String label(String variableName) {
      if (CASE_FACTS.containsKey(variableName)) {
        return CASE_FACTS.get(variableName);
      }
      return Optional.ofNullable(forms.labels.get(variableName)).or(() -> Optional.ofNullable(forms.readOnlyLabels.get(variableName)))
          .or(() -> Optional.ofNullable(decisionLabels.get(variableName))).orElseGet(() -> plainWords(variableName));
    }

    /** An answer as text: option and catalog labels for ids, names for people, yes/no, list items joined. */
    String text(String variableName, Object value, Function<String, String> names) {
      if (value == null) {
        return "(cleared)";
      }
      if (value instanceof Boolean flag) {
        return flag ? "yes" : "no";
      }
      if (value instanceof JsonNode json) {
        if (json.isArray()) {
          List<Object> items = new ArrayList<>();
          json.forEach(item -> items.add(item.isValueNode() ? (item.isBoolean() ? item.asBoolean() : item.asText()) : item.toString()));
          return text(variableName, items, names);
        }
        return json.isValueNode() ? text(variableName, json.isBoolean() ? json.asBoolean() : json.asText(), names) : json.toString();
      }
      if (value instanceof Collection<?> items) {
        return items.isEmpty() ? "none" : String.join(", ", items.stream().map(item -> text(variableName, item, names)).toList());
      }
      String raw = value.toString();
      if (CaseList.MANAGER.equals(variableName) || CaseList.EMPLOYEE.equals(variableName)) {
        return names.apply(raw);
      }
      if (CaseList.OUTCOME.equals(variableName)) {
        return CaseOutcome.words(raw);
      }
      Map<String, String> options = variableName == null ? null : forms.options.get(variableName);
      if (options != null && options.containsKey(raw)) {
        return options.get(raw);
      }
      return catalogLabel(raw).orElse(raw);
    }

    /** A value with no variable behind it (a decision's input or output): catalog labels for ids, yes/no for flags. */
    String text(Object value) {
      return text(null, value, id -> id);
    }

    private Optional<String> catalogLabel(String id) {
      Optional<String> fromCatalog = catalog == null ? Optional.empty() : catalog.labelOf(id);
      if (fromCatalog.isPresent()) {
        return fromCatalog;
      }
      // an id the catalog no longer has, but a deployed form still offered
      return forms.options.values().stream().filter(values -> values.containsKey(id)).map(values -> values.get(id)).findFirst();
    }

    /** "gateDecision" as "Gate decision": a name no form labels still reads as words. */
    static String plainWords(String name) {
      if (name == null || name.isEmpty()) {
        return "";
      }
      String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
      return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
  }
}
