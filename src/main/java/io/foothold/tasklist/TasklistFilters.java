package io.foothold.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.foothold.escalation.EscalationListColumns;
import io.foothold.security.Grants;
import io.foothold.security.Roles;

/**
 * The Tasklist filters each role starts from. Created once (matched by name) and shared read-only
 * with the role; nobody gets a "show all tasks" filter.
 */
@Component
class TasklistFilters implements ApplicationRunner {

  static final String MY_CASES = "My cases";
  static final String DUE_THIS_WEEK = "Due this week";
  static final String ESCALATIONS = "Escalations";

  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "employeeName", "label", "Employee"),
      Map.of("name", "gateReason", "label", "Last gate decision"));
  /** HR's list: who the escalation is about, whose case it is, and the kind of signal (Tasklist adds "Created … ago"). */
  private static final List<Map<String, String>> ESCALATION_COLUMNS = List.of(
      Map.of("name", EscalationListColumns.EMPLOYEE, "label", "Employee"),
      Map.of("name", EscalationListColumns.MANAGER, "label", "Manager"),
      Map.of("name", EscalationListColumns.SIGNAL, "label", "Signal"));

  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = new Grants(authorizations);
  }

  @Override
  public void run(ApplicationArguments args) {
    Filter myCases = ensure(MY_CASES, -10, CASE_COLUMNS, "Steps of the cases you opened, soonest due first.",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    Filter dueThisWeek = ensure(DUE_THIS_WEEK, -5, CASE_COLUMNS, "Your steps that fall due within the next seven days.",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}").orderByDueDate().asc());
    Filter escalations = ensure(ESCALATIONS, 0, ESCALATION_COLUMNS,
        "Serious signals and gate escalations waiting for HR, oldest first: the employee, the manager and the kind of signal.",
        tasks.createTaskQuery().taskCandidateGroup(Roles.HR).includeAssignedTasks().orderByTaskCreateTime().asc());

    for (Filter filter : List.of(myCases, dueThisWeek)) {
      grants.toGroup(Roles.MANAGERS, FILTER, filter.getId(), READ);
      grants.toGroup(Roles.EMPLOYEES, FILTER, filter.getId(), READ);
      grants.toGroup(Roles.HR, FILTER, filter.getId(), READ);
    }
    grants.toGroup(Roles.HR, FILTER, escalations.getId(), READ);
  }

  /** Creates the filter, or brings an existing one's columns and description up to date (its query stays as it is). */
  private Filter ensure(String name, int priority, List<Map<String, String>> columns, String description, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", columns);
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      if (!properties.equals(existing.getProperties())) {
        existing.setProperties(properties);
        return filters.saveFilter(existing);
      }
      return existing;
    }
    Filter filter = filters.newTaskFilter(name).setOwner(null).setProperties(properties).setQuery(query);
    return filters.saveFilter(filter);
  }
}
