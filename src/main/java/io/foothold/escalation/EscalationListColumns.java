package io.foothold.escalation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.people.Teams;
import io.foothold.playbook.PlaybookCatalog;
import io.foothold.playbook.PlaybookRegistry;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Writes what HR's Escalations list in Tasklist shows on each HR task, as the task is created: the employee and the
 * manager by name, and the kind of signal in the catalog's words (the serious signal's kinds, else the reason the
 * check-ins or the triage gave). They are the task's own variables, so Tasklist's filter columns find them; no form
 * declares them, so nobody can write them (forms/PersonWriteGuard). How long a task has waited is Tasklist's own
 * "Created … ago" on every card.
 */
public final class EscalationListColumns implements TaskListener {

  public static final String EMPLOYEE = "escalationEmployee";
  public static final String MANAGER = "escalationManager";
  public static final String SIGNAL = "escalationSignal";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REASONS = List.of("gateReason", "routeReason");

  private final PlaybookRegistry playbooks;

  EscalationListColumns(PlaybookRegistry playbooks) {
    this.playbooks = playbooks;
  }

  @Override
  public void notify(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    // The person whose step led here may not read the directory; the names are Foothold's to look up.
    context.runWithoutAuthorization(() -> {
      String employee = text(task.getVariable("employeeName"));
      if (employee == null) {
        employee = nameOf(text(task.getVariable(CaseVariables.EMPLOYEE)));
      }
      set(task, EMPLOYEE, employee);
      set(task, MANAGER, nameOf(text(task.getVariable(CaseVariables.MANAGER))));
      set(task, SIGNAL, signal(task));
      return null;
    });
  }

  private static void set(DelegateTask task, String name, String value) {
    if (value != null && !value.isBlank()) {
      task.setVariableLocal(name, value);
    }
  }

  private String signal(DelegateTask task) {
    List<String> kinds = items(task.getVariableTyped("reviewSignalKinds"));
    if (!kinds.isEmpty()) {
      PlaybookCatalog catalog = catalogOf(task.getProcessDefinitionId());
      return String.join(", ", kinds.stream().map(kind -> labelOf(catalog, kind)).toList());
    }
    return REASONS.stream().map(reason -> text(task.getVariable(reason))).filter(reason -> reason != null && !reason.isBlank())
        .findFirst().orElse(null);
  }

  private String labelOf(PlaybookCatalog own, String id) {
    Optional<String> label = own == null ? Optional.empty() : own.labelOf(id);
    return label.or(() -> playbooks.all().stream().map(state -> playbooks.catalog(state.id())).flatMap(Optional::stream)
        .map(catalog -> catalog.labelOf(id)).flatMap(Optional::stream).findFirst()).orElse(id);
  }

  /** A playbook's resources are deployed as "&lt;playbook&gt;/…". */
  private PlaybookCatalog catalogOf(String processDefinitionId) {
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    String resource = definition == null ? null : definition.getResourceName();
    int slash = resource == null ? -1 : resource.indexOf('/');
    return slash > 0 ? playbooks.catalog(resource.substring(0, slash)).orElse(null) : null;
  }

  /** A list variable's items, whether stored as a Java list or as JSON. */
  private static List<String> items(TypedValue value) {
    Object raw = value == null ? null : value.getValue();
    List<String> items = new ArrayList<>();
    if (raw instanceof Collection<?> list) {
      list.forEach(item -> items.add(String.valueOf(item)));
    } else if (raw != null && raw.getClass().getName().startsWith("org.camunda.spin")) {
      try {
        JsonNode json = JSON.readTree(raw.toString());
        json.forEach(item -> items.add(item.asText()));
      } catch (IOException unreadable) {
        items.add(raw.toString());
      }
    } else if (raw instanceof String one && !one.isBlank()) {
      items.add(one);
    }
    return items;
  }

  private static String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = Context.getProcessEngineConfiguration().getIdentityService().createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : Teams.displayName(user);
    return name.isEmpty() ? userId : name;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
