package io.foothold.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

import io.foothold.casefile.CaseFile;
import io.foothold.casefile.CaseFileFilter;
import io.foothold.casefile.CaseFiles;
import io.foothold.casefile.Outcomes;
import io.foothold.engine.SystemAccess;
import io.foothold.people.Teams;
import io.foothold.playbook.spi.CaseVariables;

/**
 * HR's case list, paged in the database: one count, one page of root instances, and a few variable queries for
 * the few case variables of the whole page (never a query per case). The CSV export reads the case file instead:
 * one row per case, the same summaries.
 */
@Component
class CaseList {

  static final String MANAGER = CaseVariables.MANAGER;
  static final String EMPLOYEE = CaseVariables.EMPLOYEE;
  static final String EMPLOYEE_NAME = "employeeName";
  static final String OUTCOME = CaseVariables.OUTCOME;
  static final String ESCALATED = CaseVariables.ESCALATED;
  private static final String[] CASE_VARIABLES = {MANAGER, EMPLOYEE, EMPLOYEE_NAME, OUTCOME, ESCALATED};
  /**
   * Case ids per variable query. H2 checks every row the index finds against the whole IN list, one comparison per
   * id: 500 ids cost 160 ms a page with 10,000 closed cases in history, 50 ids at a time a third of that.
   */
  private static final int VARIABLE_CHUNK = 50;

  private final SystemAccess system;
  private final Playbooks playbooks;
  private final ConcernCases concerns;
  private final CaseFiles caseFiles;

  CaseList(SystemAccess system, Playbooks playbooks, ConcernCases concerns, CaseFiles caseFiles) {
    this.system = system;
    this.caseFiles = caseFiles;
    this.playbooks = playbooks;
    this.concerns = concerns;
  }

  CasePage page(CaseFilter filter, int page, int size) {
    return system.call(() -> {
      HistoricProcessInstanceQuery query = query(filter);
      if (query == null) {
        return new CasePage(page, size, 0, List.of());
      }
      long total = query.count();
      List<HistoricProcessInstance> instances = ordered(query).listPage(page * size, size);
      return new CasePage(page, size, total, summaries(instances));
    });
  }

  /**
   * Hands every matching case to {@code sink} from the case file, one page at a time (one row per case, no variable
   * queries): memory holds one page, however many cases there are.
   */
  void forEach(CaseFilter filter, int pageSize, Consumer<CaseSummary> sink) {
    CaseFileFilter caseFileFilter = new CaseFileFilter(filter.playbook(), filter.state() == null ? null : "open".equals(filter.state()),
        filter.manager(), filter.openedFrom(), filter.openedTo(), filter.closedFrom(), filter.closedTo(), filter.outcome());
    caseFiles.forEach(caseFileFilter, pageSize, page -> {
      Map<String, String> managerNames = system.call(() -> displayNames(page.stream().map(CaseFile::managerId).filter(Objects::nonNull)
          .distinct().toArray(String[]::new)));
      page.forEach(file -> sink.accept(summary(file, managerNames)));
    });
  }

  /** The case itself (a root instance) or null: a called playbook's instance is not a case of its own. */
  CaseSummary one(String caseId) {
    return system.call(() -> {
      HistoricProcessInstance instance = history().createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
      if (instance == null || instance.getSuperProcessInstanceId() != null
          || concerns.processKeys().contains(instance.getProcessDefinitionKey())) {
        return null;
      }
      return summaries(List.of(instance)).get(0);
    });
  }

  private HistoricProcessInstanceQuery query(CaseFilter filter) {
    HistoricProcessInstanceQuery query = history().createHistoricProcessInstanceQuery().rootProcessInstances();
    // a raised concern belongs to the case it concerns (its timeline), not to the list as a case of its own
    List<String> concernKeys = concerns.processKeys();
    if (!concernKeys.isEmpty()) {
      query.processDefinitionKeyNotIn(concernKeys);
    }
    if (filter.playbook() != null) {
      List<String> keys = playbooks.processKeys(filter.playbook());
      if (keys.isEmpty()) {
        return null;
      }
      query.processDefinitionKeyIn(keys.toArray(String[]::new));
    }
    if ("open".equals(filter.state())) {
      query.unfinished();
    } else if ("closed".equals(filter.state())) {
      query.finished();
    }
    if (filter.manager() != null) {
      query.variableValueEquals(MANAGER, filter.manager());
    }
    if (filter.openedFrom() != null) {
      query.startedAfter(Date.from(filter.openedFrom()));
    }
    if (filter.openedTo() != null) {
      query.startedBefore(Date.from(filter.openedTo()));
    }
    if (filter.closedFrom() != null) {
      query.finishedAfter(Date.from(filter.closedFrom()));
    }
    if (filter.closedTo() != null) {
      query.finishedBefore(Date.from(filter.closedTo()));
    }
    if (filter.outcome() != null) {
      CaseOutcome.restrict(query, filter.outcome());
    }
    return query;
  }

  /** Newest cases first; the id breaks ties so that pages never overlap. */
  private static HistoricProcessInstanceQuery ordered(HistoricProcessInstanceQuery query) {
    return query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().asc();
  }

  private List<CaseSummary> summaries(List<HistoricProcessInstance> instances) {
    if (instances.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();
    for (int from = 0; from < ids.size(); from += VARIABLE_CHUNK) {
      List<HistoricVariableInstance> found = history().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(from + VARIABLE_CHUNK, ids.size())).toArray(String[]::new))
          .variableNameIn(CASE_VARIABLES).disableCustomObjectDeserialization().list();
      for (HistoricVariableInstance variable : found) {
        if (variable.getValue() != null) {
          variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
        }
      }
    }
    Map<String, String> managerNames = displayNames(variables.values().stream().map(v -> v.get(MANAGER)).filter(String.class::isInstance)
        .map(String.class::cast).distinct().toArray(String[]::new));
    return instances.stream().map(instance -> summary(instance, variables.getOrDefault(instance.getId(), Map.of()), managerNames)).toList();
  }

  /** "First Last" by user id, one query for a whole page; someone no longer in the directory keeps their id. */
  private Map<String, String> displayNames(String[] ids) {
    Map<String, String> names = new HashMap<>();
    for (int from = 0; from < ids.length; from += VARIABLE_CHUNK) {
      String[] chunk = Arrays.copyOfRange(ids, from, Math.min(from + VARIABLE_CHUNK, ids.length));
      system.engine().getIdentityService().createUserQuery().userIdIn(chunk).listPage(0, chunk.length).forEach(user -> {
        String name = Teams.displayName(user);
        names.put(user.getId(), name.isEmpty() ? user.getId() : name);
      });
    }
    return names;
  }

  private CaseSummary summary(HistoricProcessInstance instance, Map<String, Object> variables, Map<String, String> managerNames) {
    boolean open = instance.getEndTime() == null;
    String outcome = CaseOutcome.of(!open, variables.get(OUTCOME));
    boolean escalated = Outcomes.escalated(outcome, variables.get(ESCALATED));
    String playbook = playbooks.of(instance.getProcessDefinitionId());
    return new CaseSummary(instance.getId(), playbook.isEmpty() ? null : playbook, instance.getProcessDefinitionKey(),
        text(variables.get(EMPLOYEE)), text(variables.get(EMPLOYEE_NAME)), text(variables.get(MANAGER)),
        instant(instance.getStartTime()), instant(instance.getEndTime()), open ? "open" : "closed", outcome, escalated,
        managerNames.getOrDefault(text(variables.get(MANAGER)), text(variables.get(MANAGER))));
  }

  private static CaseSummary summary(CaseFile file, Map<String, String> managerNames) {
    return new CaseSummary(file.caseId(), file.playbook(), file.processKey(), file.employeeId(), file.employeeName(), file.managerId(),
        file.openedAt(), file.closedAt(), file.closedAt() == null ? "open" : "closed", file.outcome(), file.escalated(),
        managerNames.getOrDefault(file.managerId(), file.managerId()));
  }

  private HistoryService history() {
    return system.engine().getHistoryService();
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
