package io.foothold.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Walks a case to its end the way people and time do: whenever a step is open, the person it belongs to
 * fills its form through the REST API; when nothing is open, the engine clock moves a day and the jobs then
 * due run (the job executor is off in tests). Answers come from a function of the task definition key.
 */
public final class CaseDriver implements BeforeEachCallback, AfterEachCallback {

  // set in beforeEach when the driver runs as a per-test extension (forEachTest)
  private ManagementService management;
  private HistoryService history;
  /** The day a walk counts from; null counts from the real clock. */
  private final Instant start;
  private long offsetDays;

  public CaseDriver(ManagementService management, HistoryService history) {
    this(management, history, null);
  }

  /** Counts the days from {@code start} instead of today, so what the walk produces does not depend on the calendar. */
  public CaseDriver(ManagementService management, HistoryService history, Instant start) {
    this.management = management;
    this.history = history;
    this.start = start;
  }

  /**
   * A driver for each test of a {@link FootholdSpringTest}, registered with {@code @RegisterExtension}: it takes the
   * engine's services from the test's application context and resets the engine clock after the test.
   */
  public static CaseDriver forEachTest() {
    return new CaseDriver(null, null);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    var spring = SpringExtension.getApplicationContext(context);
    management = spring.getBean(ManagementService.class);
    history = spring.getBean(HistoryService.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    offsetDays = 0;
    resetClock();
  }

  public record Step(String taskDefinitionKey, String assignee) {
  }

  /**
   * Drives the case (and anything it calls) until it ends; returns the steps in the order they were done.
   * {@code people} gives the REST client of a task's assignee, or of HR for unassigned HR tasks.
   */
  public List<Step> walk(String caseId, Function<String, EngineRest> people, Function<String, Map<String, Object>> answers, int maxSteps) {
    return walk(caseId, people, answers, maxSteps, null);
  }

  /** As above, but stops (without doing it) when a step with this task definition key is open. */
  public List<Step> walk(String caseId, Function<String, EngineRest> people, Function<String, Map<String, Object>> answers, int maxSteps,
      String stopAt) {
    List<Step> done = new ArrayList<>();
    for (int i = 0; i < maxSteps * 3 && !ended(caseId) && done.size() < maxSteps; i++) {
      runDueJobs(caseId);
      List<Map<String, Object>> tasks = people.apply("admin").getList("/task?sortBy=created&sortOrder=asc&processInstanceIdIn=" + String.join(",", caseAndCalled(caseId)));
      if (tasks.isEmpty()) {
        nextDay();
        continue;
      }
      Map<String, Object> task = tasks.get(0);
      String key = (String) task.get("taskDefinitionKey");
      if (key.equals(stopAt)) {
        return done;
      }
      String assignee = (String) task.get("assignee");
      EngineRest person = people.apply(assignee != null ? assignee : "hana");
      var response = person.submitTaskForm((String) task.get("id"), answers.apply(key));
      if (!response.getStatusCode().is2xxSuccessful()) {
        throw new IllegalStateException(key + " was rejected: " + response.getBody());
      }
      done.add(new Step(key, assignee));
    }
    if (!ended(caseId)) {
      throw new IllegalStateException("Case " + caseId + " did not " + (stopAt == null ? "end" : "reach " + stopAt)
          + " within " + maxSteps + " steps; done: " + done);
    }
    return done;
  }

  public void nextDay() {
    offsetDays++;
    long from = start == null ? System.currentTimeMillis() : start.toEpochMilli();
    ClockUtil.setCurrentTime(new Date(from + offsetDays * 24L * 3600 * 1000 + 3600_000));
  }

  public void runDueJobs(String caseId) {
    List<Job> due = management.createJobQuery().processInstanceId(caseId).executable().list();
    due.forEach(job -> management.executeJob(job.getId()));
    management.createJobQuery().executable().list().stream()
        // Engine-wide jobs (e.g. history cleanup) belong to no case.
        .filter(job -> job.getProcessInstanceId() != null && isCalledBy(job.getProcessInstanceId(), caseId))
        .forEach(job -> management.executeJob(job.getId()));
  }

  /** The case and the running instances it called (e.g. a micro-confidence loop inside a recovery arc). */
  private List<String> caseAndCalled(String caseId) {
    List<String> ids = new ArrayList<>(List.of(caseId));
    history.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId).unfinished().list()
        .forEach(called -> ids.add(called.getId()));
    return ids;
  }

  private boolean isCalledBy(String instanceId, String caseId) {
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    return instance != null && caseId.equals(instance.getSuperProcessInstanceId());
  }

  public boolean ended(String caseId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndTime() != null;
  }

  public static void resetClock() {
    ClockUtil.reset();
  }
}
