package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.StoredValues;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every playbook, every step, in the real Camunda Tasklist: a manager starts the case from Tasklist's
 * Start-process dialog, and each step is completed in the browser by the person it is assigned to (the manager,
 * the employee for daily steps, HR for referrals), its form filled from its schema by {@link FormFiller}. Timers
 * run through the engine (clock moved to their due date, job executed), never by waiting. A step fails the test
 * when Tasklist cannot complete it — an error notification after Complete, a validation message, or the task
 * still open — and a checklist that does not show the value the case carries (e.g. the recommended supports) fails
 * too. A screenshot of each filled form is kept under target/screenshots/all-forms/&lt;playbook&gt;/.
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class AllFormsBrowserTest extends TasklistBrowserTestBase {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots", "all-forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "demo";
  private static final String HR = "hana";
  private static final int MAX_STEPS = 40;

  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;

  FormFiller filler;
  String signedIn;
  int screenshotNumber;

  @BeforeEach
  void formFiller() {
    filler = new FormFiller(tasklist);
  }

  @Test
  void recoveryAfterAVisibleFailureRunsToRecoveryInTasklist() throws Throwable {
    inBrowser("recovery-arc", () -> {
      String caseId = startInTasklist("maya", "RecoveryArc", Map.of("employeeId", "Sam Okafor", "failureKind", "individual"));

      Walk walk = walk(caseId, Map.of("Task_CheckIn", Map.of("checkInOutcome", "recovered")));

      assertThat(walk.steps()).containsSubsequence("Task_CalmDebrief", "Task_ChooseSupports", "Task_PlanSmallWin", "Task_ConfirmSmallWin",
          "Task_DevelopmentPlan", "Task_ArrangePairedWork", "Task_CheckIn", "Task_RecoverySummary");
      assertRecommendedSupportsCameTickedAndTheCaseClosed(walk, caseId);
    });
  }

  @Test
  void earlyHelpWhenSmallSlipsAddUpRunsToItsCloseInTasklist() throws Throwable {
    inBrowser("micro-failure", () -> {
      // no nearby pattern ticked: the main route, coaching in small steps
      String caseId = startInTasklist("maya", "MicroFailure", Map.of("employeeId", "Sam Okafor", "nearbyPatternFlags", List.of()));

      Walk walk = walk(caseId, Map.of("Task_TrackProgress", Map.of("progressOutcome", "steady")));

      assertThat(walk.steps()).containsSubsequence("Task_PrivateCheckIn", "Task_ChooseSupports", "Task_QuickWin",
          "Task_FeedbackAndBoundaries", "Task_WorkloadAudit", "Task_PeerPairingAndMicroGoals", "Task_TrackProgress", "Task_ClosingSummary");
      assertRecommendedSupportsCameTickedAndTheCaseClosed(walk, caseId);
    });
  }

  @Test
  void smallDailyWinsRunThroughAWeekInTasklistWithTheEmployeeShippingEachDay() throws Throwable {
    inBrowser("micro-confidence", () -> {
      String caseId = startInTasklist("maya", "MicroConfidenceLoop", Map.of("employeeId", "Sam Okafor", "loopWeeks", 1));

      Walk walk = walk(caseId, Map.of());

      assertThat(walk.steps()).containsExactly("Task_DefineAction", "Task_ShipToday", "Task_ShipToday", "Task_ShipToday", "Task_ShipToday",
          "Task_ShipToday", "Task_Expand", "Task_LoopSummary");
      assertThat(walk.people()).as("the employee ships and expands; the manager defines and looks back")
          .containsExactly("maya", "sam", "sam", "sam", "sam", "sam", "sam", "maya");
      assertEnded(caseId, "EndEvent_LoopCompleted");
    });
  }

  @Test
  void aRaisedConcernReachesHrWhoArrangesTheReferralInTasklist() throws Throwable {
    inBrowser("raise-concern", () -> {
      String openCase = openRecoveryCaseThroughTheEngine("maya", "lea");

      // the newest of maya's open cases is listed first: the one just opened (see openRecoveryCaseThroughTheEngine)
      String concernId = startInTasklist("maya", "RaiseConcern", Map.of());
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(concernId).variableName("caseId").singleResult().getValue())
          .as("the concern was raised on the case picked in the form").isEqualTo(openCase);
      assertEnded(concernId, "EndEvent_ConcernForwarded");

      Task review = tasks.createTaskQuery().processInstanceId(openCase).taskDefinitionKey("Task_ReviewSeriousSignal").singleResult();
      assertThat(review).as("HR has a review task on the case").isNotNull();
      completeInTasklist(review, Map.of());
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(openCase).activityId("EndEvent_SignalReviewed")
          .finished().count()).as("the review ended").isEqualTo(1);
      assertThat(StoredValues.javaSerialized(history, openCase)).as("variables stored Java-serialized").isEmpty();
    });
  }

  // ---------------------------------------------------------------- walking a case

  /** The steps done, who did them, and what each checklist showed ticked before it was filled ("task/key"). */
  record Walk(List<String> steps, List<String> people, Map<String, List<String>> tickedBefore) {
  }

  /** The supports the decision recommended arrived ticked in "Confirm the supports", and the case reached its closing end. */
  private void assertRecommendedSupportsCameTickedAndTheCaseClosed(Walk walk, String caseId) {
    assertThat(walk.tickedBefore().get("Task_ChooseSupports/chosenSupports"))
        .as("the recommended supports arrive pre-ticked in 'Confirm the supports'")
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(recommended(caseId));
    assertEnded(caseId, "EndEvent_CaseClosed");
  }

  /** Starts the playbook from Tasklist's Start-process dialog as this person, filling its start form; returns the new case. */
  private String startInTasklist(String person, String processKey, Map<String, Object> choices) throws Exception {
    signInAs(person);
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
    // the new case is the one that was not there before (not "started after now": other tests open cases at fixed dates)
    Set<String> existing = casesStartedBy(person, processKey);
    tasklist.startProcess(definition.getName());
    filler.fill(FormFiller.schema(forms.getDeployedStartForm(definition.getId())), Map.of(), choices);
    screenshot("start");
    tasklist.submitStartForm();
    Set<String> started = casesStartedBy(person, processKey);
    started.removeAll(existing);
    assertThat(started).as("Tasklist started one %s case", processKey).hasSize(1);
    return started.iterator().next();
  }

  private Set<String> casesStartedBy(String person, String processKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).startedBy(person).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toCollection(HashSet::new));
  }

  /** Completes every step of the case in Tasklist, running timers through the engine, until the case ends. */
  private Walk walk(String caseId, Map<String, Map<String, Object>> choicesByStep) throws Exception {
    List<String> steps = new ArrayList<>();
    List<String> people = new ArrayList<>();
    Map<String, List<String>> tickedBefore = new LinkedHashMap<>();
    while (!ended(caseId)) {
      assertThat(steps.size()).as("steps before the case ends (done: %s)", steps).isLessThan(MAX_STEPS);
      String[] ids = StoredValues.caseAndCalled(history, caseId).toArray(String[]::new);
      if (runDueJobs(ids)) {
        continue;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceIdIn(ids).orderByTaskCreateTime().asc().list();
      if (open.isEmpty()) {
        advanceToNextTimer(ids, caseId);
        continue;
      }
      Task task = open.get(0);
      FormFiller.Shown shown = completeInTasklist(task, choicesByStep.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
      steps.add(task.getTaskDefinitionKey());
      people.add(signedIn);
      shown.tickedBefore().forEach((key, values) -> tickedBefore.putIfAbsent(task.getTaskDefinitionKey() + "/" + key, values));
    }
    assertThat(StoredValues.javaSerialized(history, caseId)).as("variables stored Java-serialized").isEmpty();
    return new Walk(steps, people, tickedBefore);
  }

  /** Opens the task in Tasklist as the person it belongs to, fills its form, presses Complete and checks it is done. */
  private FormFiller.Shown completeInTasklist(Task task, Map<String, Object> choices) throws Exception {
    signInAs(personFor(task));
    Map<String, Object> variables = plain(tasks.getVariables(task.getId()));
    tasklist.openTaskById(task.getId());
    JsonNode schema = FormFiller.schema(forms.getDeployedTaskForm(task.getId()));
    FormFiller.Shown shown = filler.fill(schema, variables, choices);
    screenshot(task.getTaskDefinitionKey());
    tasklist.completeTaskOrFail(task.getName());
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("'%s' is completed", task.getName()).isZero();
    assertCarriedForwardChecklistsShown(task, schema, variables, shown);
    return shown;
  }

  /** A checklist bound to a list the case already holds shows exactly that list ticked (Tasklist reads it as JSON). */
  private static void assertCarriedForwardChecklistsShown(Task task, JsonNode schema, Map<String, Object> variables, FormFiller.Shown shown) {
    shown.tickedBefore().forEach((key, ticked) -> {
      if (variables.get(key) instanceof Collection<?> carried) {
        assertThat(ticked).as("'%s' shows %s ticked when it opens", task.getName(), key)
            .containsExactlyInAnyOrderElementsOf(carried.stream().map(String::valueOf).toList());
      }
    });
  }

  private String personFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    assertThat(groups).as("'%s' is assigned to a person or to HR", task.getName()).contains("hr");
    return HR;
  }

  private void signInAs(String person) {
    if (!person.equals(signedIn)) {
      tasklist.signInAs(person, PASSWORD);
      signedIn = person;
    }
  }

  /** Runs the jobs that are due now (async steps, timers already due); true when any ran. */
  private boolean runDueJobs(String[] ids) {
    boolean ran = false;
    for (String id : ids) {
      for (Job job : management.createJobQuery().processInstanceId(id).executable().list()) {
        management.executeJob(job.getId());
        ran = true;
      }
    }
    return ran;
  }

  /** Nothing to do but wait: the engine clock moves to the next timer of the case and the timer fires. */
  private void advanceToNextTimer(String[] ids, String caseId) {
    Job next = null;
    for (String id : ids) {
      for (Job timer : management.createJobQuery().processInstanceId(id).timers().list()) {
        if (next == null || timer.getDuedate().before(next.getDuedate())) {
          next = timer;
        }
      }
    }
    assertThat(next).as("case %s waits for a step or a timer", caseId).isNotNull();
    Date due = new Date(next.getDuedate().getTime() + 1000);
    if (due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(due);
    }
    management.executeJob(next.getId());
  }

  private boolean ended(String instanceId) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndTime() != null;
  }

  private void assertEnded(String instanceId, String endEvent) {
    HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(finished.getEndTime()).as("the case ended").isNotNull();
    assertThat(finished.getEndActivityId()).isEqualTo(endEvent);
  }

  /** What the decision table recommended: its outputs in decision history. */
  private List<String> recommended(String caseId) {
    return history.createHistoricDecisionInstanceQuery().processInstanceId(caseId).decisionDefinitionKeyIn("RecoverySupports",
            "MicroFailureSupports").includeOutputs().list().stream()
        .flatMap(d -> d.getOutputs().stream()).map(o -> String.valueOf(o.getValue())).distinct().toList();
  }

  /**
   * Opens a case as the newest of the manager's open cases, also when other tests left cases of hers opened at a
   * later (fixed, future) date: the concern form lists her open cases newest first.
   */
  private String openRecoveryCaseThroughTheEngine(String manager, String employee) {
    List<String> groups = identity.createGroupQuery().groupMember(manager).list().stream().map(g -> g.getId()).toList();
    history.createHistoricProcessInstanceQuery().unfinished().rootProcessInstances().startedBy(manager)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .map(newest -> new Date(newest.getStartTime().getTime() + 60_000))
        .filter(later -> later.after(ClockUtil.getCurrentTime()))
        .forEach(ClockUtil::setCurrentTime);
    identity.setAuthentication(manager, groups);
    try {
      ProcessInstance instance = runtime.startProcessInstanceByKey("RecoveryArc", Map.of(
          "employeeId", employee,
          "incidentSummary", "A report with wrong figures reached the board on Monday.",
          "incidentDate", LocalDate.now().minusDays(2).toString(),
          "visibility", "senior",
          "failureKind", "individual",
          "dominantDriver", "cognitive",
          "seriousSignal", false));
      return instance.getId();
    } finally {
      identity.clearAuthentication();
      ClockUtil.reset();
    }
  }

  /** Variables as plain Java (Spin JSON as lists and maps), the way FEEL rules read them. */
  private static Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> plain = new HashMap<>();
    variables.forEach((name, value) -> {
      try {
        plain.put(name, value instanceof SpinJsonNode json ? JSON.readValue(json.toString(), Object.class) : value);
      } catch (Exception notJson) {
        plain.put(name, value);
      }
    });
    return plain;
  }

  private void screenshot(String step) throws Exception {
    tasklist.scrollFormToTop();
    screenshotNumber++;
    tasklist.screenshot(SCREENSHOTS.resolve(playbook).resolve(String.format("%02d-%s.png", screenshotNumber, step)));
  }

  private String playbook;

  private void inBrowser(String playbook, HeadlessChromium.Steps steps) throws Throwable {
    this.playbook = playbook;
    HeadlessChromium.onFailureKeepEvidence(tasklist.driver(), SCREENSHOTS.resolve(playbook), testName, steps);
  }
}
