package io.foothold.overview;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.foothold.casefile.CaseFile;
import io.foothold.casefile.CaseFiles;
import io.foothold.casefile.CaseRating;
import io.foothold.casefile.CaseStep;
import io.foothold.casefile.CaseTimer;
import io.foothold.engine.SystemAccess;
import io.foothold.overview.MyCases.ClosedCase;
import io.foothold.overview.MyCases.NextStep;
import io.foothold.overview.MyCases.OpenCase;
import io.foothold.overview.MyCases.Rating;

/**
 * Reads one manager's cases from the case file: her open cases with their open steps, timers and ratings, her newest
 * closed cases and how many she has, and the first names of the people her cases wait on — a fixed number of
 * queries (six, seven with more than {@value #CLOSED_SHOWN} closed cases), whatever the number of cases.
 *
 * <p>Which cases: the rows whose manager is the signed-in manager. That is the set the engine's per-case grants
 * give her: cases.CaseOpened sets a root case's {@code managerId} to the signed-in user who opens it, whatever the
 * start form sent, and grants that same manager (a called playbook: its parent's manager) read on the instance and
 * its history; people cannot change {@code managerId} afterwards (forms.PersonWriteGuard). The case file keeps it
 * from the engine's own history stream. A manager may not read the employee's or HR's task itself, and does not
 * here: the overview shows that a case waits on them, their name and due date, never a form or variables.
 */
@Component
class ManagerCases {

  /** Closed cases shown, newest first; the total is counted. */
  static final int CLOSED_SHOWN = 100;
  /** User ids per directory query. */
  private static final int PEOPLE_CHUNK = 100;

  private final CaseFiles caseFiles;
  private final SystemAccess system;
  private final String tasklistTask;

  ManagerCases(CaseFiles caseFiles, SystemAccess system, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.caseFiles = caseFiles;
    this.system = system;
    this.tasklistTask = (webappPath.endsWith("/") ? webappPath : webappPath + "/") + "app/tasklist/default/#/?task=";
  }

  /** The cases of {@code managerId}, the signed-in manager (see the class comment for why her id decides). */
  MyCases of(String managerId) {
    CaseFiles.OpenCases open = caseFiles.openCasesOf(managerId);
    CaseFiles.ClosedCases closed = caseFiles.closedCasesOf(managerId, CLOSED_SHOWN);
    Map<String, List<CaseStep>> steps = open.steps().stream().collect(Collectors.groupingBy(CaseStep::caseId));
    Map<String, List<CaseTimer>> timers = open.timers().stream().collect(Collectors.groupingBy(CaseTimer::caseId));
    Map<String, List<Rating>> ratings = open.ratings().stream().collect(Collectors.groupingBy(CaseRating::caseId,
        Collectors.mapping(rating -> new Rating(rating.at(), (int) rating.value()), Collectors.toList())));
    Map<String, String> firstNames = firstNames(open.steps().stream().filter(theirs(managerId)).map(CaseStep::assignee)
        .collect(Collectors.toSet()));
    Instant now = ClockUtil.getCurrentTime().toInstant();

    List<OpenCase> openCases = open.cases().stream().map(file -> {
      List<CaseStep> waiting = steps.getOrDefault(file.caseId(), List.of());
      NextStep next = nextStep(managerId, waiting, timers.getOrDefault(file.caseId(), List.of()), firstNames, now);
      return new OpenCase(file.caseId(), employee(file), playbook(file), file.openedAt(), next,
          waiting.stream().anyMatch(CaseStep::hrTask), ratings.getOrDefault(file.caseId(), List.of()));
    }).sorted(URGENT_FIRST).toList();
    List<ClosedCase> closedCases = closed.newest().stream()
        .map(file -> new ClosedCase(file.caseId(), employee(file), playbook(file), file.openedAt(), file.closedAt(), file.outcome()))
        .toList();
    return new MyCases(managerId, openCases, closedCases, closed.total());
  }

  /** Overdue steps first, then the nearest date (due or timer), then the oldest case. */
  private static final Comparator<OpenCase> URGENT_FIRST = Comparator
      .comparing((OpenCase c) -> !c.next().overdue())
      .thenComparing(c -> c.next().date(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(OpenCase::opened, Comparator.nullsLast(Comparator.naturalOrder()));

  /** Nearest due date first (undated last), then the oldest. */
  private static final Comparator<CaseStep> BY_DUE = Comparator.comparing(CaseStep::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(CaseStep::createdAt, Comparator.nullsLast(Comparator.naturalOrder()));

  /**
   * The manager's own step comes first (it is what she can do now), then someone else's step, then HR, then the
   * nearest timer.
   */
  private NextStep nextStep(String managerId, List<CaseStep> steps, List<CaseTimer> timers, Map<String, String> firstNames, Instant now) {
    Optional<CaseStep> mine = steps.stream().filter(step -> managerId.equals(step.assignee())).min(BY_DUE);
    if (mine.isPresent()) {
      CaseStep step = mine.get();
      return new NextStep("yours", step.name(), null, step.dueAt(), overdue(step, now), step.taskId(), tasklistTask + step.taskId());
    }
    Optional<CaseStep> theirs = steps.stream().filter(theirs(managerId)).min(BY_DUE);
    if (theirs.isPresent()) {
      CaseStep step = theirs.get();
      return new NextStep("theirs", step.name(), firstNames.getOrDefault(step.assignee(), step.assignee()), step.dueAt(), overdue(step, now),
          null, null);
    }
    Optional<CaseStep> hr = steps.stream().filter(CaseStep::hrTask).min(BY_DUE);
    if (hr.isPresent()) {
      CaseStep step = hr.get();
      return new NextStep("hr", step.name(), "HR", step.dueAt(), overdue(step, now), null, null);
    }
    Optional<CaseTimer> timer = timers.stream().min(Comparator.comparing(CaseTimer::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
    if (timer.isPresent()) {
      CaseTimer next = timer.get();
      return new NextStep("timer", next.name() != null ? next.name() : "Next step due", null, next.dueAt(), false, null, null);
    }
    return new NextStep("running", "In progress", null, null, false, null, null);
  }

  /** Someone else's step: claimed by another person, not offered to HR. */
  private static Predicate<CaseStep> theirs(String managerId) {
    return step -> step.assignee() != null && !managerId.equals(step.assignee()) && !step.hrTask();
  }

  private static boolean overdue(CaseStep step, Instant now) {
    return step.dueAt() != null && step.dueAt().isBefore(now);
  }

  /** First names by user id (the directory is read as Foothold: a manager need not be allowed to list users). */
  private Map<String, String> firstNames(Set<String> userIds) {
    Map<String, String> names = new HashMap<>();
    List<String> ids = List.copyOf(userIds);
    for (int from = 0; from < ids.size(); from += PEOPLE_CHUNK) {
      String[] chunk = ids.subList(from, Math.min(from + PEOPLE_CHUNK, ids.size())).toArray(String[]::new);
      system.run(() -> system.engine().getIdentityService().createUserQuery().userIdIn(chunk).listPage(0, chunk.length)
          .forEach(user -> {
            if (user.getFirstName() != null) {
              names.put(user.getId(), user.getFirstName());
            }
          }));
    }
    return names;
  }

  private static String employee(CaseFile file) {
    return file.employeeName() != null ? file.employeeName() : file.employeeId();
  }

  private static String playbook(CaseFile file) {
    return file.processName() != null ? file.processName() : file.processKey();
  }
}
