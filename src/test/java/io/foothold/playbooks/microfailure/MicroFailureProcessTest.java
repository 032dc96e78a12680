package io.foothold.playbooks.microfailure;

import static io.foothold.support.ProcessTests.date;
import static io.foothold.support.ProcessTests.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.foothold.engine.WorkingDays;
import io.foothold.support.ProcessTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The micro-failure playbook end to end on an engine without Spring: the manager "maya" drives every form. */
@Deployment(resources = {
    "processes/micro-failure/micro-failure.bpmn",
    "processes/micro-failure/micro-failure-triage.dmn",
    "processes/micro-failure/micro-failure-supports.dmn",
    "processes/micro-failure/micro-failure-extra-support.dmn"})
class MicroFailureProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  static final String MANAGER = "maya";
  static final List<String> ALWAYS = List.of("private-check-in", "quick-visible-win", "peer-pairing", "micro-goals", "track-weekly");

  /** 2025-06-06 is a Friday: the check-in due "one working day later" is the Monday. */
  static final Date FRIDAY_MORNING = date("2025-06-06T09:00");

  CaseClusterStandIn caseCluster;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    Mocks.register("workingDays", new WorkingDays());
    useTeamCaseCount(1);
    ClockUtil.setCurrentTime(FRIDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  // ---------------------------------------------------------------------------------------------
  // Coaching path

  @Test
  void coachPathClosesOnceConfidenceIsSteady() {
    // given: nothing flagged that changes the route
    ProcessInstance pi = openCase(intakeForm());

    // then: straight to the private check-in, due one working day later (over the weekend)
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn");
    assertThat(task(pi)).isAssignedTo(MANAGER).hasDueDate(date("2025-06-09T09:00"));
    assertThat(pi).variables().containsEntry("route", "coach");

    // when: check-in held, then the suggested supports
    complete(task(pi), privateCheckInForm());

    // then: feedback-timing driver plus a slip seen by clients
    assertThat(pi).isWaitingAt("Task_ChooseSupports");
    assertThat(supportsOf(pi)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        plus(ALWAYS, "strengths-first-feedback", "timely-specific-feedback", "consent-before-group"));

    // when: the coaching steps, one after the other
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    assertThat(pi).isWaitingAt("Task_QuickWin");
    complete(task(pi), quickWinForm());
    assertThat(pi).isWaitingAt("Task_FeedbackAndBoundaries");
    complete(task(pi), feedbackAndBoundariesForm());
    assertThat(pi).isWaitingAt("Task_WorkloadAudit");
    complete(task(pi), workloadAuditForm());
    assertThat(pi).isWaitingAt("Task_PeerPairingAndMicroGoals");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    complete(task(pi), peerPairingForm("P7D", 4));

    // then: tracking waits a week
    assertThat(pi).isWaitingAt("Timer_NextProgressCheck");
    assertThat(pi).variables().containsEntry("trackedWeeks", 0L);
    fireTimer(pi, 7);

    // when: first week keeps going (the check is due two working days after it opens: Friday to Tuesday)
    assertThat(pi).isWaitingAt("Task_TrackProgress");
    assertThat(task(pi)).isAssignedTo(MANAGER).hasDueDate(new Date(ClockUtil.getCurrentTime().getTime() + 4 * 24L * 60 * 60 * 1000));
    complete(task(pi), trackProgressForm("continue", 3, false, false));

    // then
    assertThat(pi).isWaitingAt("Timer_NextProgressCheck");
    assertThat(pi).variables().containsEntry("trackedWeeks", 1L).containsEntry("gateDecision", "continue");
    fireTimer(pi, 7);

    // when: second week is steady
    complete(task(pi), trackProgressForm("steady", 4, false, false));

    // then: closing summary, case recovered
    assertThat(pi).isWaitingAt("Task_ClosingSummary");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    complete(task(pi), closingSummaryForm());
    assertThat(pi).isEnded().hasPassedInOrder(
        "StartEvent_CaseOpened", "Decision_TriageNearbyPatterns", "Gateway_Route", "Gateway_JoinCoaching",
        "Task_PrivateCheckIn", "Decision_RecommendSupports", "Task_ChooseSupports", "Task_QuickWin",
        "Task_FeedbackAndBoundaries", "Task_WorkloadAudit", "Task_PeerPairingAndMicroGoals",
        "Timer_NextProgressCheck", "Task_TrackProgress", "Decision_ExtraSupportGate", "Gateway_ExtraSupportDecision",
        "Timer_NextProgressCheck", "Task_TrackProgress", "Decision_ExtraSupportGate", "Gateway_ExtraSupportDecision",
        "Task_ClosingSummary", "EndEvent_CaseClosed");
    assertThat(pi).hasNotPassed("Task_SystemicReview", "Task_ConsiderWiderSupport", "Task_TalkAboutBelonging",
        "Task_ArrangeExtraSupport", "Task_ReviewSeriousSignal", "Task_ConsiderOrganisationalSupport");
    assertThat(pi).variables()
        .containsEntry("caseOutcome", "recovered")
        .containsEntry("confidenceRestored", true)
        .containsEntry("trackedWeeks", 2L);
  }

  @Test
  void withoutChoicesTrackingRunsWeeklyForFourWeeksThenCloses() {
    // given: the manager leaves cadence and number of weeks to the defaults
    ProcessInstance pi = openCase(intakeForm());
    walkToTracking(pi, null, null);

    // when: four weeks without a clear change; each timer is due 7 days after the last step
    for (int week = 1; week <= 4; week++) {
      assertThat(pi).isWaitingAt("Timer_NextProgressCheck");
      fireTimer(pi, 7);
      complete(task(pi), trackProgressForm("continue", 3, false, false));
    }

    // then: the weeks are used up, the case closes without a claim of recovery
    assertThat(pi).isWaitingAt("Task_ClosingSummary");
    assertThat(historyCount(pi, "Task_TrackProgress")).isEqualTo(4);
    assertThat(pi).variables().containsEntry("gateDecision", "close").containsEntry("confidenceRestored", false);
    complete(task(pi), closingSummaryForm());
    assertThat(pi).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(pi).variables().containsEntry("caseOutcome", "closed").containsEntry("trackingCadence", "P7D");
  }

  @Test
  void fortnightlyTrackingFollowsTheChosenCadence() {
    // given
    ProcessInstance pi = openCase(intakeForm());
    walkToTracking(pi, "P14D", 2);

    // when / then: every check is 14 days after the previous step, and two rounds close the case
    fireTimer(pi, 14);
    complete(task(pi), trackProgressForm("stalled", 3, false, false));
    assertThat(pi).isWaitingAt("Timer_NextProgressCheck");
    fireTimer(pi, 14);
    complete(task(pi), trackProgressForm("continue", 3, false, false));
    assertThat(pi).isWaitingAt("Task_ClosingSummary");
  }

  // ---------------------------------------------------------------------------------------------
  // Routes chosen at intake

  @Test
  void systemicFailureGoesToAProcessReviewAndCanEndThere() {
    // given
    ProcessInstance pi = openCase(intakeForm("systemic-failure", "impostor-feelings"));

    // then: process review instead of personal coaching
    assertThat(pi).isWaitingAt("Task_SystemicReview");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables().containsEntry("route", "systemic-review");

    // when
    complete(task(pi), systemicReviewForm(false));

    // then
    assertThat(pi).isEnded()
        .hasPassedInOrder("Gateway_Route", "Task_SystemicReview", "Gateway_AlsoSupportPerson", "EndEvent_ProcessReviewed")
        .hasNotPassed("Task_PrivateCheckIn", "Task_TalkAboutBelonging");
    assertThat(pi).variables().containsEntry("caseOutcome", "process-review");
  }

  @Test
  void systemicFailureCanStillSupportThePerson() {
    // given
    ProcessInstance pi = openCase(intakeForm("systemic-failure"));

    // when
    complete(task(pi), systemicReviewForm(true));

    // then
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn")
        .hasPassedInOrder("Task_SystemicReview", "Gateway_AlsoSupportPerson", "Gateway_JoinCoaching")
        .hasNotPassed("EndEvent_ProcessReviewed");
    assertThat(task(pi)).isAssignedTo(MANAGER);
  }

  @ParameterizedTest(name = "[{index}] {0} flagged")
  @ValueSource(strings = {"burnout-risk", "learned-helplessness"})
  void widerPatternsBringInHrWhileTheManagerKeepsALightTouch(String flag) {
    // given
    ProcessInstance pi = openCase(intakeForm(flag, "impostor-feelings"));

    // then: HR considers wider support, the manager starts the check-in at the same time
    assertThat(pi).isWaitingAt("Task_ConsiderWiderSupport", "Task_PrivateCheckIn");
    assertThat(task("Task_ConsiderWiderSupport", pi)).hasCandidateGroup("hr").isNotAssigned();
    assertThat(task("Task_PrivateCheckIn", pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables().containsEntry("route", "refer-to-hr");

    // when: HR records its decision
    complete(task("Task_ConsiderWiderSupport", pi), widerSupportForm());

    // then: the manager's path is untouched
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn").hasPassed("EndEvent_WiderSupportConsidered")
        .hasNotPassed("Task_TalkAboutBelonging");

    // when: the manager goes on
    complete(task(pi), privateCheckInForm());

    // then
    assertThat(pi).isWaitingAt("Task_ChooseSupports");
  }

  @Test
  void impostorFeelingsAddABelongingTalkBeforeTheUsualSteps() {
    // given
    ProcessInstance pi = openCase(intakeForm("impostor-feelings", "role-clarity"));

    // then
    assertThat(pi).isWaitingAt("Task_TalkAboutBelonging");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables().containsEntry("route", "impostor-support");

    // when
    complete(task(pi), belongingTalkForm());

    // then
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn")
        .hasPassedInOrder("Gateway_Route", "Task_TalkAboutBelonging", "Gateway_JoinCoaching");
  }

  // ---------------------------------------------------------------------------------------------
  // Extra support after a progress check

  @Test
  void impairedFunctioningAtAProgressCheckHandsTheCaseToHr() {
    // given
    ProcessInstance pi = openCase(intakeForm());
    walkToTracking(pi, "P7D", 4);
    fireTimer(pi, 7);

    // when
    complete(task(pi), trackProgressForm("continue", 3, false, true));

    // then: HR task with the gate's reason as context, kept local to the task
    assertThat(pi).isWaitingAt("Task_ArrangeExtraSupport");
    Task hrTask = task(pi);
    assertThat(hrTask).hasCandidateGroup("hr").isNotAssigned();
    assertThat(pi).variables().containsEntry("gateDecision", "escalate").containsEntry("gateCriterion", "functioning-impaired");
    assertThat(engine.getTaskService().getVariable(hrTask.getId(), "reviewSignalKinds")).isEqualTo(List.of("functioning-impaired"));
    assertThat(engine.getTaskService().getVariable(hrTask.getId(), "reviewSignalNote"))
        .isEqualTo(engine.getRuntimeService().getVariable(pi.getId(), "gateReason"));
    assertThat(pi).variables().doesNotContainKeys("reviewSignalKinds", "reviewSignalNote");

    // when
    complete(hrTask, referralForm());

    // then
    assertThat(pi).isEnded()
        .hasPassedInOrder("Task_TrackProgress", "Decision_ExtraSupportGate", "Gateway_ExtraSupportDecision",
            "Task_ArrangeExtraSupport", "EndEvent_ExtraSupportArranged")
        .hasNotPassed("Task_ClosingSummary");
    assertThat(pi).variables().containsEntry("caseOutcome", "escalated");
  }

  @Test
  void withdrawalThatLastsThroughTwoWeeksOfSupportIsEscalated() {
    // given
    ProcessInstance pi = openCase(intakeForm());
    walkToTracking(pi, "P7D", 6);

    // when: the first week still shows withdrawal, which is not yet prolonged
    fireTimer(pi, 7);
    complete(task(pi), trackProgressForm("continue", 3, true, false));
    assertThat(pi).isWaitingAt("Timer_NextProgressCheck");

    // when: the second week too
    fireTimer(pi, 7);
    complete(task(pi), trackProgressForm("continue", 3, true, false));

    // then
    assertThat(pi).isWaitingAt("Task_ArrangeExtraSupport");
    assertThat(pi).variables().containsEntry("gateCriterion", "prolonged-withdrawal");
  }

  // ---------------------------------------------------------------------------------------------
  // Serious signals reach HR from any step

  @Test
  void seriousSignalMidWayStartsAnHrReviewWhileCoachingContinues() {
    // given
    ProcessInstance pi = openCase(intakeForm());
    complete(task(pi), privateCheckInForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    assertThat(pi).isWaitingAt("Task_QuickWin");

    // when: the manager ticks a serious signal on the quick-win form (checkbox first, as the form lays it out)
    VariableMap quickWin = quickWinForm();
    quickWin.putAll(seriousSignal("severe-distress-outside-work"));
    complete(task("Task_QuickWin", pi), quickWin);

    // then: HR reviews, the manager goes on
    assertThat(pi).isWaitingAt("Task_FeedbackAndBoundaries", "Task_ReviewSeriousSignal");
    Task review = task("Task_ReviewSeriousSignal", pi);
    assertThat(review).hasCandidateGroup("hr").isNotAssigned();
    assertThat(task("Task_FeedbackAndBoundaries", pi)).isAssignedTo(MANAGER);
    assertThat(engine.getTaskService().getVariable(review.getId(), "reviewSignalKinds")).isEqualTo(List.of("severe-distress-outside-work"));
    assertThat(engine.getTaskService().getVariable(review.getId(), "reviewSignalNote")).isEqualTo(SIGNAL_NOTE);
    assertThat(pi).variables().containsEntry("seriousSignal", false).containsEntry("escalated", true)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "reviewSignalKinds", "reviewSignalNote");

    // when: the next form arrives without a signal
    complete(task("Task_FeedbackAndBoundaries", pi), feedbackAndBoundariesForm());

    // then: no second review
    assertThat(pi).isWaitingAt("Task_WorkloadAudit", "Task_ReviewSeriousSignal");
    assertThat(openTasks(pi, "Task_ReviewSeriousSignal")).isEqualTo(1);

    // when: a second, different signal a step later
    VariableMap audit = workloadAuditForm();
    audit.putAll(seriousSignal("prolonged-withdrawal"));
    complete(task("Task_WorkloadAudit", pi), audit);

    // then: its own review, with its own context
    assertThat(openTasks(pi, "Task_ReviewSeriousSignal")).isEqualTo(2);
    List<Object> kinds = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewSeriousSignal").list().stream()
        .map(t -> engine.getTaskService().getVariable(t.getId(), "reviewSignalKinds")).toList();
    assertThat(kinds).containsExactlyInAnyOrder(List.of("severe-distress-outside-work"), List.of("prolonged-withdrawal"));

    // when: HR finishes the first review
    complete(review, referralForm());

    // then
    assertThat(pi).isWaitingAt("Task_PeerPairingAndMicroGoals").hasPassed("EndEvent_SignalReviewed").isNotEnded();
    assertThat(openTasks(pi, "Task_ReviewSeriousSignal")).isEqualTo(1);
  }

  @Test
  void seriousSignalOnTheIntakeStartsAnHrReviewRightAway() {
    // given
    VariableMap form = intakeForm();
    form.putAll(seriousSignal("functioning-impaired"));

    // when
    ProcessInstance pi = openCase(form);

    // then
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn", "Task_ReviewSeriousSignal");
    assertThat(task("Task_ReviewSeriousSignal", pi)).hasCandidateGroup("hr");
    assertThat(pi).variables().containsEntry("seriousSignal", false).containsEntry("escalated", true);
  }

  @Test
  void aSignalSetFromOutsideTheFormsAlsoReachesHr() {
    // given: a case between steps
    ProcessInstance pi = openCase(intakeForm());

    // when: a raised concern writes kinds, note and last the flag (as ForwardConcernToCase does)
    engine.getRuntimeService().setVariables(pi.getId(), Variables.createVariables()
        .putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[\"organisational-pattern\"]").create())
        .putValue("seriousSignalNote", SIGNAL_NOTE));
    engine.getRuntimeService().setVariable(pi.getId(), "seriousSignal", true);

    // then
    assertThat(pi).isWaitingAt("Task_PrivateCheckIn", "Task_ReviewSeriousSignal");
    assertThat(engine.getTaskService().getVariable(task("Task_ReviewSeriousSignal", pi).getId(), "reviewSignalNote")).isEqualTo(SIGNAL_NOTE);
  }

  // ---------------------------------------------------------------------------------------------
  // Organisational rule: several cases in one team

  @ParameterizedTest(name = "[{index}] {0} cases in the team -> HR task: {1}")
  @CsvSource({"1, false", "2, false", "3, true", "4, true"})
  void aClusterOfCasesInOneTeamAsksHrToConsiderOrganisationalSupport(long teamCases, boolean hrAsked) {
    // given
    useTeamCaseCount(teamCases);
    ProcessInstance pi = openCaseWithoutCounting(intakeForm());

    // then: the count runs after the case is saved, the manager can start at once
    assertThat(pi).isWaitingAt("Task_CountTeamCases", "Task_PrivateCheckIn");
    assertThat(caseCluster.calls()).isEmpty();

    // when
    execute(job("Task_CountTeamCases", pi));

    // then: asked for this manager's team, this process, the last 90 days; compared with the default threshold 3
    assertThat(caseCluster.calls()).containsExactly(MANAGER + "|MicroFailure|90");
    assertThat(pi).variables().containsEntry("teamCaseCount", teamCases).containsEntry("clusterThreshold", 3L);
    if (hrAsked) {
      assertThat(pi).isWaitingAt("Task_PrivateCheckIn", "Task_ConsiderOrganisationalSupport");
      assertThat(task("Task_ConsiderOrganisationalSupport", pi)).hasCandidateGroup("hr").isNotAssigned();
      complete(task("Task_ConsiderOrganisationalSupport", pi), organisationalReviewForm());
      assertThat(pi).hasPassed("EndEvent_OrganisationalSupportConsidered").isWaitingAtExactly("Task_PrivateCheckIn");
    } else {
      assertThat(pi).isWaitingAtExactly("Task_PrivateCheckIn").hasPassed("EndEvent_NoTeamCluster")
          .hasNotPassed("Task_ConsiderOrganisationalSupport");
    }
  }

  @Test
  void clusterSettingsCannotBeOverriddenFromTheStartForm() {
    // given: a start submission that tries to raise the threshold
    useTeamCaseCount(3);
    VariableMap form = intakeForm();
    form.putValue("clusterThreshold", 50).putValue("clusterWindowDays", 1);

    // when
    ProcessInstance pi = openCase(form);

    // then
    assertThat(caseCluster.calls()).containsExactly(MANAGER + "|MicroFailure|90");
    assertThat(pi).isWaitingAt("Task_ConsiderOrganisationalSupport");
  }

  // ---------------------------------------------------------------------------------------------
  // What Tasklist actually submits

  @Test
  void checklistsSubmittedAsJsonDriveTriageAndSupports() {
    // given: Tasklist sends checklists as Json variables
    VariableMap form = intakeForm();
    form.putValue("mainDriver", "workload-fatigue");
    form.putValueTyped("likelyDrivers", SpinValues.jsonValue("[\"workload-fatigue\",\"unclear-role\"]").create());
    form.putValueTyped("worseningFactors", SpinValues.jsonValue("[\"scope-creep\",\"unclear-metrics\"]").create());
    form.putValueTyped("signalsObserved", SpinValues.jsonValue("[\"reactive-work\"]").create());
    form.putValueTyped("nearbyPatternFlags", SpinValues.jsonValue("[\"role-clarity\"]").create());
    form.putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[]").create());
    ProcessInstance pi = openCase(form);

    // when
    complete(task(pi), privateCheckInForm());

    // then
    assertThat(pi).isWaitingAt("Task_ChooseSupports");
    assertThat(supportsOf(pi)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        plus(ALWAYS, "workload-audit", "clarify-decision-boundaries"));

    // when: the confirmed supports come back as Json too
    VariableMap choose = chooseSupportsForm(List.of());
    choose.putValueTyped("chosenSupports", SpinValues.jsonValue("[\"workload-audit\",\"micro-goals\"]").create());
    complete(task(pi), choose);

    // then
    assertThat(pi).isWaitingAt("Task_QuickWin");
  }

  // ---------------------------------------------------------------------------------------------
  // Walking helpers

  private void walkToTracking(ProcessInstance pi, String cadence, Integer weeks) {
    complete(task(pi), privateCheckInForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    complete(task(pi), quickWinForm());
    complete(task(pi), feedbackAndBoundariesForm());
    complete(task(pi), workloadAuditForm());
    complete(task(pi), peerPairingForm(cadence, weeks));
    assertThat(pi).isWaitingAt("Timer_NextProgressCheck");
  }

  /** Checks the next progress check is due exactly {@code days} calendar days from now, moves the engine clock there and fires it. */
  private void fireTimer(ProcessInstance pi, int days) {
    Job timer = job("Timer_NextProgressCheck", pi);
    Date now = ClockUtil.getCurrentTime();
    assertThat(timer.getDuedate()).isEqualTo(new Date(now.getTime() + days * 24L * 60 * 60 * 1000));
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    assertThat(pi).isWaitingAt("Task_TrackProgress");
  }

  private void useTeamCaseCount(long count) {
    caseCluster = new CaseClusterStandIn(count);
    Mocks.register("caseCluster", caseCluster);
  }

  /** Opens a case as the manager and lets the team count run (it is asynchronous). */
  private ProcessInstance openCase(VariableMap startForm) {
    ProcessInstance pi = openCaseWithoutCounting(startForm);
    execute(job("Task_CountTeamCases", pi));
    return pi;
  }

  private ProcessInstance openCaseWithoutCounting(VariableMap startForm) {
    return ProcessTests.startAs(engine.getProcessEngine(), MANAGER, "MicroFailure", startForm);
  }

  @SuppressWarnings("unchecked")
  private List<String> supportsOf(ProcessInstance pi) {
    return (List<String>) engine.getRuntimeService().getVariable(pi.getId(), "chosenSupports");
  }

  private long historyCount(ProcessInstance pi, String activityId) {
    return ProcessTests.historyCount(engine.getProcessEngine(), pi, activityId);
  }

  private long openTasks(ProcessInstance pi, String taskKey) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count();
  }

  // ---------------------------------------------------------------------------------------------
  // Form payloads (keys as the forms define them, values as Tasklist types them)

  static final String SIGNAL_NOTE = "Said they barely sleep and dread opening their inbox at home.";

  private static VariableMap noSignal() {
    return ProcessTests.noSignal();
  }

  /** Checkbox first, then kinds and note: the order the form lays them out. */
  private static Map<String, Object> seriousSignal(String... kinds) {
    return ProcessTests.seriousSignal(SIGNAL_NOTE, kinds);
  }

  private static VariableMap intakeForm(String... nearbyPatterns) {
    return noSignal()
        .putValue("employeeId", "emp-042")
        .putValue("whatHasBeenHappening", "Three small slips in release notes over two weeks; one was spotted by the client.")
        .putValue("signalsObserved", List.of("approval-reliance", "quieter-in-meetings"))
        .putValue("likelyDrivers", List.of("feedback-timing", "attention-bias"))
        .putValue("mainDriver", "feedback-timing")
        .putValue("worseningFactors", List.of("visible-mistake"))
        .putValue("nearbyPatternFlags", List.of(nearbyPatterns));
  }

  private static VariableMap systemicReviewForm(boolean alsoSupportPerson) {
    return noSignal()
        .putValue("processGap", "Release notes are written after the freeze with no second reader.")
        .putValue("processFix", "Add a second reader to the release checklist.")
        .putValue("fixOwner", "Release lead")
        .putValue("alsoSupportPerson", alsoSupportPerson);
  }

  private static VariableMap belongingTalkForm() {
    return noSignal()
        .putValue("competenceEvidence", "Led the migration last quarter without a single rollback.")
        .putValue("belongingNote", "Said plainly that their place on the team is not in question.")
        .putValue("belongingResponse", "Relieved; wants to talk again in a month.");
  }

  private static VariableMap privateCheckInForm() {
    return noSignal()
        .putValue("checkInHeldOn", date("2025-06-09T00:00"))
        .putValue("slipInFacts", "A wrong version number went into the client release notes.")
        .putValue("oneImprovement", "Read the notes aloud before sending")
        .putValue("theirView", "Feels they keep getting small things wrong.");
  }

  private static VariableMap chooseSupportsForm(List<String> supports) {
    return noSignal()
        .putValue("chosenSupports", new ArrayList<>(supports))
        .putValue("supportNotes", "Start with the quick win.");
  }

  private static VariableMap quickWinForm() {
    return noSignal()
        .putValue("quickWinTask", "Tidy the onboarding checklist and share it with the team.")
        .putValue("quickWinDueOn", date("2025-06-11T00:00"))
        .putValue("quickWinSeenBy", "Whole team in stand-up");
  }

  private static VariableMap feedbackAndBoundariesForm() {
    return noSignal()
        .putValue("strengthsNoted", "Clear, friendly notes that the client praised last month.")
        .putValue("oneAdjustment", "Check version numbers against the build")
        .putValue("feedbackGivenOn", date("2025-06-10T00:00"))
        .putValue("priorities", "Release notes first, documentation second.")
        .putValue("decisionBoundaries", "Wording changes without sign-off; scope changes with me.")
        .putValue("groupDiscussion", "private-only");
  }

  private static VariableMap workloadAuditForm() {
    return noSignal()
        .putValue("pausedResponsibility", "Weekly metrics report")
        .putValue("pausedUntil", date("2025-07-04T00:00"))
        .putValue("pausedCoveredBy", "Jonas");
  }

  private static VariableMap peerPairingForm(String cadence, Integer weeks) {
    VariableMap form = noSignal()
        .putValue("pairPartner", "Jonas")
        .putValue("pairedWork", "Write the next two release notes together.")
        .putValue("microGoal1", "Zero version errors in the next release")
        .putValue("microGoal1Measure", "Checked by the release lead")
        .putValue("microGoal2", null)
        .putValue("microGoal2Measure", null);
    if (cadence != null) {
      form.putValue("trackingCadence", cadence);
    }
    if (weeks != null) {
      form.putValue("trackingWeeks", weeks);
    }
    return form;
  }

  private static VariableMap trackProgressForm(String outcome, int confidence, boolean withdrawal, boolean impaired) {
    return noSignal()
        .putValue("progressNote", "Shipped the notes with the second reader; no errors.")
        .putValue("confidenceRating", confidence)
        .putValue("winsToCelebrate", "Client thanked the team for clear notes.")
        .putValue("signalsSeen", List.of("approval-reliance"))
        .putValue("progressOutcome", outcome)
        .putValue("withdrawalPersists", withdrawal)
        .putValue("functioningImpaired", impaired);
  }

  private static VariableMap closingSummaryForm() {
    return noSignal()
        .putValue("summaryWhatWorked", "The second reader and the quick win took the pressure off.")
        .putValue("summarySupportsThatHelped", List.of("quick-visible-win", "peer-pairing"))
        .putValue("summaryNextSteps", "Keep the second reader for a month; mention wins in one-to-ones.");
  }

  private static VariableMap referralForm() {
    return Variables.createVariables()
        .putValue("referralRoute", "employee-assistance")
        .putValue("referralOfferedOn", date("2025-06-12T00:00"))
        .putValue("referralNote", "Offered in a private meeting.");
  }

  private static VariableMap widerSupportForm() {
    return Variables.createVariables()
        .putValue("widerSupportRoute", "occupational-health")
        .putValue("widerSupportOfferedOn", date("2025-06-10T00:00"))
        .putValue("widerSupportNote", "Offered an occupational health appointment.");
  }

  private static VariableMap organisationalReviewForm() {
    return Variables.createVariables()
        .putValue("organisationalDecision", "engage-consultant")
        .putValue("organisationalPattern", "Three people in the same team pulled back after public code reviews.")
        .putValue("organisationalNextStep", "Ask two consultancies for a proposal.");
  }
}
