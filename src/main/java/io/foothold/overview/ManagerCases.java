package io.foothold.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.overview.MyCases.ClosedCase;
import io.foothold.overview.MyCases.NextStep;
import io.foothold.overview.MyCases.OpenCase;
import io.foothold.overview.MyCases.Rating;
import io.foothold.security.Roles;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Reads one manager's cases in a fixed number of queries per 50 cases, never one per case.
 *
 * <p>Which cases: the instance queries run as the signed-in manager (the API filter sets the engine's
 * authentication), so the engine's per-case grants decide, on top of the case's {@code managerId}. What each case
 * waits for is then read with system access for exactly those instances, because a manager may not read the
 * employee's or HR's runtime task (she sees the same name and due date in the case's history): the overview shows
 * that the case waits on them, never their form or variables.
 */
@Component
class ManagerCases {

  static final String MANAGER = CaseVariables.MANAGER;
  static final String EMPLOYEE = CaseVariables.EMPLOYEE;
  static final String EMPLOYEE_NAME = "employeeName";
  static final String OUTCOME = CaseVariables.OUTCOME;
  /** The rating field of the check-in forms (recovery-arc check-in, micro-failure track-progress). */
  static final String RATING = "confidenceRating";
  /** Closed cases shown, newest first; the total is counted. */
  static final int CLOSED_SHOWN = 100;
  /**
   * Instance ids per batched history query: H2 compares each row the index finds against the whole IN list, which
   * costs more than an extra query once history is large (see audit.CaseList).
   */
  private static final int CHUNK = 50;
  /** Instance ids per runtime query (tasks, timers): runtime tables hold open cases only, so one query serves 500 cases. */
  private static final int RUNTIME_CHUNK = 500;
  /** Rows per query page, below the engine's query-max-results-limit (2000). */
  private static final int ROWS = 1000;

  private final ProcessEngine engine;
  private final SystemAccess system;
  private final TimerNames timerNames;
  private final String tasklistTask;

  ManagerCases(ProcessEngine engine, SystemAccess system, TimerNames timerNames,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.engine = engine;
    this.system = system;
    this.timerNames = timerNames;
    this.tasklistTask = (webappPath.endsWith("/") ? webappPath : webappPath + "/") + "app/tasklist/default/#/?task=";
  }

  /** The manager's cases; call it with the manager signed in to the engine (IdentityService.setAuthentication). */
  MyCases of(String managerId) {
    HistoryService history = engine.getHistoryService();
    // A case's called playbooks (a micro-confidence loop) carry the same managerId: one query finds both.
    List<HistoricProcessInstance> running = paged(first -> history.createHistoricProcessInstanceQuery()
        .unfinished().variableValueEquals(MANAGER, managerId).orderByProcessInstanceId().asc().listPage(first, ROWS));
    List<HistoricProcessInstance> closed = history.createHistoricProcessInstanceQuery().rootProcessInstances().finished()
        .variableValueEquals(MANAGER, managerId).variableValueLike(EMPLOYEE, "%")
        .orderByProcessInstanceEndTime().desc().orderByProcessInstanceId().asc().listPage(0, CLOSED_SHOWN);
    long closedTotal = closed.size() < CLOSED_SHOWN ? closed.size() : history.createHistoricProcessInstanceQuery()
        .rootProcessInstances().finished().variableValueEquals(MANAGER, managerId).variableValueLike(EMPLOYEE, "%").count();

    Map<String, String> rootOf = running.stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, i -> i.getRootProcessInstanceId() != null ? i.getRootProcessInstanceId() : i.getId()));
    List<HistoricProcessInstance> openRoots = running.stream().filter(i -> i.getSuperProcessInstanceId() == null).toList();

    return system.call(() -> {
      Set<String> roots = new LinkedHashSet<>();
      openRoots.forEach(i -> roots.add(i.getId()));
      closed.forEach(i -> roots.add(i.getId()));
      Map<String, Map<String, Object>> facts = caseVariables(roots);
      Waiting waiting = waiting(rootOf);
      Map<String, List<Rating>> ratings = ratings(rootOf);
      Map<String, User> people = people(waiting.assignees());
      Date now = ClockUtil.getCurrentTime();

      List<OpenCase> open = openRoots.stream()
          .filter(i -> facts.getOrDefault(i.getId(), Map.of()).get(EMPLOYEE) != null)
          .map(i -> {
            Map<String, Object> own = facts.get(i.getId());
            NextStep next = nextStep(managerId, waiting, i.getId(), people, now);
            return new OpenCase(i.getId(), employee(own), playbook(i), instant(i.getStartTime()), next,
                waiting.hrTasks(i.getId()).findAny().isPresent(), ratings.getOrDefault(i.getId(), List.of()));
          })
          .sorted(URGENT_FIRST).toList();
      List<ClosedCase> closedCases = closed.stream().map(i -> {
        Map<String, Object> own = facts.getOrDefault(i.getId(), Map.of());
        String outcome = own.get(OUTCOME) == null ? "closed" : text(own.get(OUTCOME));
        return new ClosedCase(i.getId(), employee(own), playbook(i), instant(i.getStartTime()), instant(i.getEndTime()), outcome);
      }).toList();
      return new MyCases(managerId, open, closedCases, closedTotal);
    });
  }

  /** Overdue steps first, then the nearest date (due or timer), then the oldest case. */
  private static final Comparator<OpenCase> URGENT_FIRST = Comparator
      .comparing((OpenCase c) -> !c.next().overdue())
      .thenComparing(c -> c.next().date(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(OpenCase::opened, Comparator.nullsLast(Comparator.naturalOrder()));

  /**
   * The manager's own step comes first (it is what she can do now), then someone else's step, then HR, then the
   * nearest timer.
   */
  private NextStep nextStep(String managerId, Waiting waiting, String caseId, Map<String, User> people, Date now) {
    List<Task> tasks = waiting.tasks.getOrDefault(caseId, List.of());
    Comparator<Task> byDue = Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Task::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder()));
    var mine = tasks.stream().filter(t -> managerId.equals(t.getAssignee())).min(byDue);
    if (mine.isPresent()) {
      Task task = mine.get();
      return new NextStep("yours", task.getName(), null, instant(task.getDueDate()), overdue(task, now), task.getId(), tasklistTask + task.getId());
    }
    var theirs = tasks.stream().filter(t -> t.getAssignee() != null && !waiting.hrTaskIds.contains(t.getId())).min(byDue);
    if (theirs.isPresent()) {
      Task task = theirs.get();
      User person = people.get(task.getAssignee());
      String who = person != null && person.getFirstName() != null ? person.getFirstName() : task.getAssignee();
      return new NextStep("theirs", task.getName(), who, instant(task.getDueDate()), overdue(task, now), null, null);
    }
    var hr = waiting.hrTasks(caseId).min(byDue);
    if (hr.isPresent()) {
      Task task = hr.get();
      return new NextStep("hr", task.getName(), "HR", instant(task.getDueDate()), overdue(task, now), null, null);
    }
    var timer = waiting.timers.getOrDefault(caseId, List.of()).stream()
        .min(Comparator.comparing(Job::getDuedate, Comparator.nullsLast(Comparator.naturalOrder())));
    if (timer.isPresent()) {
      Job job = timer.get();
      String name = timerNames.of(engine, job);
      return new NextStep("timer", name != null ? name : "Next step due", null, instant(job.getDuedate()), false, null, null);
    }
    return new NextStep("running", "In progress", null, null, false, null, null);
  }

  private static boolean overdue(Task task, Date now) {
    return task.getDueDate() != null && task.getDueDate().before(now);
  }

  /** Open tasks and timers of every running instance, grouped by the case (root instance) they belong to. */
  private Waiting waiting(Map<String, String> rootOf) {
    Map<String, List<Task>> tasks = new HashMap<>();
    Set<String> hrTaskIds = new HashSet<>();
    Map<String, List<Job>> timers = new HashMap<>();
    for (List<String> ids : chunks(rootOf.keySet(), RUNTIME_CHUNK)) {
      String[] idArray = ids.toArray(String[]::new);
      for (Task task : paged(first -> engine.getTaskService().createTaskQuery().processInstanceIdIn(idArray).orderByTaskId().asc().listPage(first, ROWS))) {
        tasks.computeIfAbsent(rootOf.get(task.getProcessInstanceId()), k -> new ArrayList<>()).add(task);
      }
      paged(first -> engine.getTaskService().createTaskQuery().processInstanceIdIn(idArray).taskCandidateGroup(Roles.HR)
          .includeAssignedTasks().orderByTaskId().asc().listPage(first, ROWS)).forEach(task -> hrTaskIds.add(task.getId()));
      Set<String> idSet = new HashSet<>(ids);
      for (Job job : paged(first -> engine.getManagementService().createJobQuery().processInstanceIds(idSet).timers().orderByJobId().asc().listPage(first, ROWS))) {
        timers.computeIfAbsent(rootOf.get(job.getProcessInstanceId()), k -> new ArrayList<>()).add(job);
      }
    }
    return new Waiting(tasks, hrTaskIds, timers);
  }

  private record Waiting(Map<String, List<Task>> tasks, Set<String> hrTaskIds, Map<String, List<Job>> timers) {

    Stream<Task> hrTasks(String caseId) {
      return tasks.getOrDefault(caseId, List.of()).stream().filter(t -> hrTaskIds.contains(t.getId()));
    }

    Set<String> assignees() {
      return tasks.values().stream().flatMap(List::stream).map(Task::getAssignee).filter(a -> a != null).collect(Collectors.toSet());
    }
  }

  /** Every recorded confidence rating of each case, oldest first (each check-in writes one variable update). */
  private Map<String, List<Rating>> ratings(Map<String, String> rootOf) {
    Map<String, List<Rating>> ratings = new HashMap<>();
    for (List<String> ids : chunks(rootOf.keySet())) {
      List<HistoricDetail> updates = engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
          .processInstanceIdIn(ids.toArray(String[]::new)).variableNameLike(RATING)
          .orderByTime().asc().orderByVariableRevision().asc().listPage(0, ROWS);
      for (HistoricDetail detail : updates) {
        if (detail instanceof HistoricVariableUpdate update && RATING.equals(update.getVariableName())
            && update.getValue() instanceof Number rating) {
          ratings.computeIfAbsent(rootOf.get(update.getProcessInstanceId()), k -> new ArrayList<>())
              .add(new Rating(instant(update.getTime()), rating.intValue()));
        }
      }
    }
    return ratings;
  }

  private Map<String, Map<String, Object>> caseVariables(Collection<String> caseIds) {
    Map<String, Map<String, Object>> facts = new HashMap<>();
    for (List<String> ids : chunks(caseIds)) {
      List<HistoricVariableInstance> found = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new)).variableNameIn(EMPLOYEE, EMPLOYEE_NAME, OUTCOME)
          .disableCustomObjectDeserialization().listPage(0, ROWS);
      for (HistoricVariableInstance variable : found) {
        if (variable.getValue() != null) {
          facts.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>()).put(variable.getName(), variable.getValue());
        }
      }
    }
    return facts;
  }

  private Map<String, User> people(Set<String> ids) {
    Map<String, User> people = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      engine.getIdentityService().createUserQuery().userIdIn(chunk.toArray(String[]::new)).listPage(0, ROWS)
          .forEach(user -> people.put(user.getId(), user));
    }
    return people;
  }

  private static <T> List<T> paged(IntFunction<List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += ROWS) {
      List<T> rows = page.apply(first);
      all.addAll(rows);
      if (rows.size() < ROWS) {
        return all;
      }
    }
  }

  private static List<List<String>> chunks(Collection<String> ids) {
    return chunks(ids, CHUNK);
  }

  private static List<List<String>> chunks(Collection<String> ids, int size) {
    List<String> list = List.copyOf(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += size) {
      chunks.add(list.subList(from, Math.min(from + size, list.size())));
    }
    return chunks;
  }

  private static String employee(Map<String, Object> facts) {
    Object name = facts.get(EMPLOYEE_NAME);
    return name != null ? name.toString() : text(facts.get(EMPLOYEE));
  }

  private static String playbook(HistoricProcessInstance instance) {
    return instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
