package io.foothold.playbooks.recoveryarc;

import static io.foothold.support.ProcessTests.date;
import static io.foothold.support.ProcessTests.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.foothold.engine.WorkingDays;
import io.foothold.escalation.ForwardConcernToCase;
import io.foothold.playbooks.recoveryarc.CaseSoFar;
import io.foothold.support.ProcessTests;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recovery arc end to end on an engine without Spring: the manager "maya" drives every form. */
@Deployment(resources = {
    "processes/recovery-arc/recovery-arc.bpmn",
    "processes/recovery-arc/raise-concern.bpmn",
    "processes/recovery-arc/recovery-supports.dmn",
    "processes/recovery-arc/recovery-escalation-gate.dmn"})
class RecoveryArcProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  static final String MANAGER = "maya";
  static final List<String> ALWAYS = List.of(
      "calm-debrief", "small-visible-win", "development-plan", "paired-work", "track-in-one-on-ones");

  /** 2025-06-06 is a Friday: due dates in working days have to jump the weekend. */
  static final Date FRIDAY_MORNING = date("2025-06-06T09:00");

  /** Deployment of the stand-in MicroConfidenceLoop, so these tests do not depend on the real loop playbook. */
  private String standInLoopDeployment;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    Mocks.register("workingDays", new WorkingDays());
    Mocks.register("forwardConcernToCase", new ForwardConcernToCase());
    Mocks.register("caseSoFar", new CaseSoFar());
    ClockUtil.setCurrentTime(FRIDAY_MORNING);
    standInLoopDeployment = engine.getRepositoryService().createDeployment()
        .name("stand-in MicroConfidenceLoop")
        .addModelInstance("micro-confidence-loop-stand-in.bpmn", Bpmn.createExecutableProcess("MicroConfidenceLoop")
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_LoopStarted")
            .userTask("Task_RunLoop").camundaAssignee("${managerId}")
            .endEvent("EndEvent_LoopDone")
            .done())
        .deploy().getId();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(standInLoopDeployment, true);
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  // ---------------------------------------------------------------------------------------------
  // Paths through the arc

  @Test
  void happyPathReachesRecoveryAfterTwoCheckIns() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    assertThat(pi).isWaitingAt("Task_CalmDebrief");
    assertThat(task(pi)).isAssignedTo(MANAGER).hasDueDate(date("2025-06-10T09:00"));

    // when: debrief, then the suggested supports
    complete(task(pi), debriefForm());

    // then: the decision suggested cognitive supports plus the context (team visibility, tight timelines)
    assertThat(pi).isWaitingAt("Task_ChooseSupports");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    assertThat(supportsOf(pi)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        plus(ALWAYS, "behaviour-not-person", "micro-experiments", "private-correction", "recalibrate-goals"));

    // when: supports confirmed and a small win planned for 3 working days
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    assertThat(pi).isWaitingAt("Task_PlanSmallWin");
    complete(task(pi), planSmallWinForm(3));

    // then
    assertThat(pi).isWaitingAt("Task_ConfirmSmallWin");
    assertThat(task(pi)).isAssignedTo(MANAGER).hasDueDate(date("2025-06-11T09:00"));

    // when: win delivered, plan written, paired work set up
    complete(task(pi), confirmSmallWinForm("yes"));
    assertThat(pi).isWaitingAt("Task_DevelopmentPlan");
    complete(task(pi), developmentPlanForm("P7D", 6));
    assertThat(pi).isWaitingAt("Task_ArrangePairedWork");
    assertThat(pi).variables().containsEntry("checkInCount", 0L);
    complete(task(pi), pairedWorkForm());

    // then: the first check-in waits for the cadence
    assertThat(pi).isWaitingAt("Timer_NextCheckIn");
    fireTimer(pi, "Timer_NextCheckIn", 7);

    // when: first check-in keeps going
    assertThat(pi).isWaitingAt("Task_CheckIn");
    complete(task(pi), checkInForm("continue", 3, false, false));

    // then: back to the timer
    assertThat(pi).isWaitingAt("Timer_NextCheckIn");
    assertThat(pi).variables()
        .containsEntry("checkInCount", 1L)
        .containsEntry("gateDecision", "continue")
        .containsEntry("recovered", false);
    fireTimer(pi, "Timer_NextCheckIn", 7);

    // when: second check-in reports recovery
    assertThat(pi).isWaitingAt("Task_CheckIn");
    complete(task(pi), checkInForm("recovered", 4, false, false));

    // then: the case is closed with a summary
    assertThat(pi).isWaitingAt("Task_RecoverySummary");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    complete(task(pi), summaryForm());

    assertThat(pi).isEnded().hasPassedInOrder(
        "StartEvent_CaseOpened", "Gateway_FailureKind", "Task_CalmDebrief", "Decision_RecommendSupports",
        "Task_ChooseSupports", "Task_PlanSmallWin", "Task_ConfirmSmallWin", "Gateway_SmallWinDelivered",
        "Task_DevelopmentPlan", "Task_ArrangePairedWork",
        "Timer_NextCheckIn", "Task_CheckIn", "Decision_EscalationGate", "Gateway_GateDecision",
        "Timer_NextCheckIn", "Task_CheckIn", "Decision_EscalationGate", "Gateway_GateDecision",
        "Task_RecoverySummary", "EndEvent_CaseClosed");
    assertThat(historyCount(pi, "Task_CheckIn")).isEqualTo(2);
    assertThat(pi).variables()
        .containsEntry("caseOutcome", "recovered")
        .containsEntry("recovered", true)
        .containsEntry("gateDecision", "close")
        .containsEntry("checkInCount", 2L);
    assertThat(pi).hasNotPassed("Task_AfterActionReview", "Task_ArrangeReferral", "Task_ReviewSeriousSignal",
        "CallActivity_SmallWinLoop", "CallActivity_PracticeLoop");
  }

  @Test
  void laterStepsShowWhatWasAgreedAndWhereTheCaseStands() {
    // given a case opened on Friday
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    assertThat(shown(task(pi), "caseStep")).isEqualTo("Step 2 of 9");
    complete(task(pi), debriefForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    assertThat(shown(task(pi), "caseStep")).isEqualTo("Step 4 of 9");

    // when the small win is agreed for three working days
    complete(task(pi), planSmallWinForm(3));

    // then the confirmation shows it with its dates
    Task confirm = task(pi);
    assertThat(shown(confirm, "caseStep")).isEqualTo("Step 5 of 9");
    assertThat(shown(confirm, "agreedWin")).isEqualTo("Own the rerun of the data load and share the result.\n"
        + "Agreed on Fri 6 Jun 2025, to be done by Wed 11 Jun 2025 (3 working days).\n"
        + "Seen by: Project team");

    // when the win is delivered and the plan written
    complete(confirm, confirmSmallWinForm("yes"));
    complete(task(pi), developmentPlanForm("P7D", 4));

    // then paired work shows the plan
    Task paired = task(pi);
    assertThat(shown(paired, "caseStep")).isEqualTo("Step 7 of 9");
    assertThat(shown(paired, "agreedPlan"))
        .contains("Practice task 1: Run two dry runs (by Fri 13 Jun 2025)")
        .contains("Micro-goals: One idea raised per client meeting.")
        .contains("Check-ins: every week, at most 4.");
    assertThat(shown(paired, "agreedWin")).contains("Outcome: delivered. What you both took from it: Felt better");
    complete(paired, pairedWorkForm());

    // when the first check-in comes a week later
    fireTimer(pi, "Timer_NextCheckIn", 7);

    // then it is due two working days later and has no earlier check-in to show
    Task first = task(pi);
    assertThat(first).hasDueDate(date("2025-06-17T09:00"));
    assertThat(shown(first, "caseStep")).isEqualTo("Step 8 of 9 · check-in 1 of at most 4");
    assertThat(engine.getTaskService().getVariablesLocal(first.getId())).doesNotContainKey("lastCheckIn");
    assertThat(shown(first, "agreedPlan")).contains("Paired work: Co-present the next client demo. (with Jonas)");
    complete(first, checkInForm("continue", 3, false, false));

    // when the second check-in comes
    fireTimer(pi, "Timer_NextCheckIn", 7);

    // then it shows the first one's rating and notes
    Task second = task(pi);
    assertThat(shown(second, "caseStep")).isEqualTo("Step 8 of 9 · check-in 2 of at most 4");
    assertThat(shown(second, "lastCheckIn"))
        .startsWith("Check-in 1: their confidence 3 of 5.")
        .contains("Progress: Presented one section and answered questions.");

    // when what the read-only fields send back is changed (Tasklist submits the form, read-only fields included)
    engine.getFormService().submitTaskForm(second.getId(), checkInForm("continue", 4, false, false)
        .putValue("agreedWin", "Something else entirely").putValue("caseStep", "Step 9 of 9"));

    // then it stayed on the finished task: the case's facts are what the steps agreed
    assertThat(pi).variables()
        .containsEntry("smallWinDescription", "Own the rerun of the data load and share the result.")
        .doesNotContainKeys("agreedWin", "caseStep", "agreedPlan", "lastCheckIn");
  }

  private String shown(Task task, String name) {
    return (String) engine.getTaskService().getVariableLocal(task.getId(), name);
  }

  @Test
  void systemicFailureEndsAfterTheAfterActionReview() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("systemic"));
    assertThat(pi).isWaitingAt("Task_AfterActionReview");
    assertThat(task(pi)).isAssignedTo(MANAGER);

    // when
    complete(task(pi), afterActionReviewForm(false));

    // then
    assertThat(pi).isEnded()
        .hasPassedInOrder("Gateway_FailureKind", "Task_AfterActionReview", "Gateway_AlsoSupportPerson", "EndEvent_ProcessReviewed")
        .hasNotPassed("Task_CalmDebrief");
    assertThat(pi).variables().containsEntry("caseOutcome", "process-review");
  }

  @Test
  void systemicFailureThatAlsoShookThePersonGoesOnToTheDebrief() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("systemic"));

    // when
    complete(task(pi), afterActionReviewForm(true));

    // then
    assertThat(pi).isWaitingAt("Task_CalmDebrief")
        .hasPassedInOrder("Task_AfterActionReview", "Gateway_AlsoSupportPerson")
        .hasNotPassed("EndEvent_ProcessReviewed");
    assertThat(task(pi)).isAssignedTo(MANAGER);
  }

  @Test
  void undeliveredSmallWinIsPlannedAgain() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    walkToConfirmSmallWin(pi, 2);

    // when
    complete(task(pi), confirmSmallWinForm("no"));

    // then
    // (hasPassed* only sees finished activities, so the open second planning task is checked with isWaitingAt)
    assertThat(pi).isWaitingAt("Task_PlanSmallWin")
        .hasPassedInOrder("Task_PlanSmallWin", "Task_ConfirmSmallWin", "Gateway_SmallWinDelivered")
        .hasNotPassed("Task_DevelopmentPlan");
    assertThat(historyCount(pi, "Task_PlanSmallWin")).isEqualTo(2);
    assertThat(task(pi)).isAssignedTo(MANAGER);

    // when: the second attempt is partly delivered
    complete(task(pi), planSmallWinForm(2));
    complete(task(pi), confirmSmallWinForm("partly"));

    // then: partly counts as enough to move on
    assertThat(pi).isWaitingAt("Task_DevelopmentPlan")
        .hasPassedInOrder("Task_PlanSmallWin", "Task_ConfirmSmallWin", "Gateway_SmallWinDelivered",
            "Task_PlanSmallWin", "Task_ConfirmSmallWin", "Gateway_SmallWinDelivered");
  }

  @Test
  void overdueSmallWinRaisesAReminderWhileTheConfirmationStaysOpen() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    walkToConfirmSmallWin(pi, 3);

    // then: the task is due after 3 working days (Wed), the reminder one working day later (Thu)
    assertThat(task(pi)).hasDueDate(date("2025-06-11T09:00"));
    assertThat(job("Timer_SmallWinOverdue", pi).getDuedate()).isEqualTo(date("2025-06-12T09:00"));

    // when: the boundary timer comes due
    fireTimerAt(pi, "Timer_SmallWinOverdue", date("2025-06-12T09:00"));

    // then
    assertThat(pi).isWaitingAt("Task_ConfirmSmallWin", "Task_SmallWinReminder");
    assertThat(task("Task_SmallWinReminder", pi)).isAssignedTo(MANAGER);

    // when: the manager follows up
    complete(task("Task_SmallWinReminder", pi), withVariables(
        "reminderFollowUp", "Talked it through, the data export was blocked; new day agreed.",
        "seriousSignal", false));

    // then: the confirmation is still there and the arc goes on from it
    assertThat(pi).isWaitingAt("Task_ConfirmSmallWin").hasPassed("EndEvent_ReminderHandled");
    complete(task("Task_ConfirmSmallWin", pi), confirmSmallWinForm("yes"));
    assertThat(pi).isWaitingAt("Task_DevelopmentPlan");
  }

  @Test
  void gateEscalationHandsTheCaseToHr() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    walkToFirstCheckIn(pi, "P7D", 6);

    // when: the check-in shows the team's results are affected
    complete(task(pi), checkInForm("continue", 3, false, true));

    // then
    assertThat(pi).isWaitingAt("Task_ArrangeReferral");
    assertThat(task(pi)).hasCandidateGroup("hr").isNotAssigned();
    assertThat(pi).variables().containsEntry("gateDecision", "escalate");

    // when
    complete(task(pi), referralForm());

    // then
    assertThat(pi).isEnded()
        .hasPassedInOrder("Task_CheckIn", "Decision_EscalationGate", "Gateway_GateDecision", "Task_ArrangeReferral", "EndEvent_Referred")
        .hasNotPassed("Task_RecoverySummary");
    assertThat(pi).variables().containsEntry("caseOutcome", "escalated");
  }

  @Test
  void checkInsUsedUpCloseTheCaseWithoutRecovery() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    walkToFirstCheckIn(pi, "P3D", 2);

    // when: two check-ins without a clear recovery, three working days apart (Wednesday, then Monday)
    complete(task(pi), checkInForm("continue", 3, false, false));
    assertThat(pi).isWaitingAt("Timer_NextCheckIn");
    fireTimerAt(pi, "Timer_NextCheckIn", date("2025-06-16T09:00"));
    complete(task(pi), checkInForm("continue", 3, false, false));

    // then
    assertThat(pi).isWaitingAt("Task_RecoverySummary");
    assertThat(pi).variables().containsEntry("gateDecision", "close").containsEntry("recovered", false);
    complete(task(pi), summaryForm());
    assertThat(pi).isEnded().hasPassed("EndEvent_CaseClosed");
    assertThat(pi).variables().containsEntry("caseOutcome", "closed");
    assertThat(historyCount(pi, "Task_CheckIn")).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------
  // Micro-confidence loops called from the arc (MicroConfidenceLoop is a stand-in here)

  @Test
  void aSmallWinBuiltAsADailyLoopRunsTheMicroLoopInsteadOfTheConfirmation() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    engine.getRuntimeService().setVariable(pi.getId(), "employeeName", "Sam Lee");
    complete(task(pi), debriefForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));

    // when: the manager ticks the daily micro-loop for the small win
    complete(task(pi), planSmallWinForm(3).putValue("buildAsDailyLoop", true));

    // then: the loop runs with the case's people and the win as its seed; no confirmation, no overdue timer
    assertThat(pi).isWaitingAtExactly("CallActivity_SmallWinLoop")
        .hasPassedInOrder("Task_PlanSmallWin", "Gateway_SmallWinFormat");
    assertThat(jobQuery().processInstanceId(pi.getId()).count()).isZero();
    ProcessInstance loop = calledLoop(pi);
    assertThat(engine.getRuntimeService().getVariables(loop.getId()))
        .containsEntry("employeeId", "emp-042")
        .containsEntry("managerId", MANAGER)
        .containsEntry("employeeName", "Sam Lee")
        .containsEntry("microActionSeed", "Own the rerun of the data load and share the result.")
        .containsEntry("loopWeeks", 1L);
    assertThat(task("Task_RunLoop", loop)).isAssignedTo(MANAGER);

    // when: the loop finishes
    complete(task("Task_RunLoop", loop), withVariables(
        "microLoopDaysShipped", 5, "microLoopCompleted", true, "microLoopSummary", "Shipped the rerun five days running."));

    // then: its result is on the case and the arc goes on to the development plan
    assertThat(pi).isWaitingAtExactly("Task_DevelopmentPlan")
        .hasPassedInOrder("Task_PlanSmallWin", "Gateway_SmallWinFormat", "CallActivity_SmallWinLoop")
        .hasNotPassed("Task_ConfirmSmallWin", "Gateway_SmallWinDelivered", "Task_SmallWinReminder");
    assertThat(pi).variables()
        .containsEntry("smallWinLoopDaysShipped", 5)
        .containsEntry("smallWinLoopCompleted", true)
        .containsEntry("smallWinLoopSummary", "Shipped the rerun five days running.")
        .doesNotContainKeys("microActionSeed", "loopWeeks");
    complete(task(pi), developmentPlanForm("P7D", 6));
    assertThat(pi).isWaitingAt("Task_ArrangePairedWork").hasNotPassed("CallActivity_PracticeLoop");
  }

  @Test
  void practiceThroughADailyLoopRunsBeforePairedWork() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    walkToConfirmSmallWin(pi, 2);
    complete(task(pi), confirmSmallWinForm("yes"));

    // when: the plan asks for the first practice task as a daily loop
    complete(task(pi), developmentPlanForm("P7D", 6).putValue("practiseThroughDailyLoop", true));

    // then: a two-week loop seeded with practice task 1
    assertThat(pi).isWaitingAtExactly("CallActivity_PracticeLoop")
        .hasPassedInOrder("Task_DevelopmentPlan", "Gateway_PracticeFormat");
    assertThat(pi).variables().containsEntry("checkInCount", 0L);
    ProcessInstance loop = calledLoop(pi);
    assertThat(engine.getRuntimeService().getVariables(loop.getId()))
        .containsEntry("employeeId", "emp-042")
        .containsEntry("managerId", MANAGER)
        .containsEntry("microActionSeed", "Run two dry runs")
        .containsEntry("loopWeeks", 2L);

    // when: the loop ends early
    complete(task("Task_RunLoop", loop), withVariables(
        "microLoopDaysShipped", 6, "microLoopCompleted", false, "microLoopSummary", "Six dry runs, then the project moved."));

    // then: results on the case, paired work next, and the check-ins run as before
    assertThat(pi).isWaitingAtExactly("Task_ArrangePairedWork")
        .hasPassedInOrder("Task_DevelopmentPlan", "Gateway_PracticeFormat", "CallActivity_PracticeLoop");
    assertThat(pi).variables()
        .containsEntry("practiceLoopDaysShipped", 6)
        .containsEntry("practiceLoopCompleted", false)
        .containsEntry("practiceLoopSummary", "Six dry runs, then the project moved.")
        .doesNotContainKeys("smallWinLoopDaysShipped");
    complete(task(pi), pairedWorkForm());
    assertThat(pi).isWaitingAt("Timer_NextCheckIn");
  }

  @Test
  void withoutTheLoopBoxesTheArcNeverCallsALoop() {
    // given: forms submitted without the new checkboxes at all (older clients)
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    complete(task(pi), debriefForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    VariableMap plan = planSmallWinForm(2);
    plan.remove("buildAsDailyLoop");

    // when
    complete(task(pi), plan);

    // then
    assertThat(pi).isWaitingAtExactly("Task_ConfirmSmallWin");
    complete(task(pi), confirmSmallWinForm("yes"));
    VariableMap developmentPlan = developmentPlanForm("P14D", 4);
    developmentPlan.remove("practiseThroughDailyLoop");
    complete(task(pi), developmentPlan);
    assertThat(pi).isWaitingAtExactly("Task_ArrangePairedWork")
        .hasNotPassed("CallActivity_SmallWinLoop", "CallActivity_PracticeLoop");
    assertThat(processInstanceQuery().processDefinitionKey("MicroConfidenceLoop").count()).isZero();
  }

  private ProcessInstance calledLoop(ProcessInstance pi) {
    ProcessInstance loop = processInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(loop).as("a MicroConfidenceLoop called from the case").isNotNull();
    assertThat(engine.getRepositoryService().getProcessDefinition(loop.getProcessDefinitionId()).getKey())
        .isEqualTo("MicroConfidenceLoop");
    return loop;
  }

  // ---------------------------------------------------------------------------------------------
  // Serious signals reach HR from any step

  @Test
  void seriousSignalOnTheDebriefStartsAnHrReviewWhileTheArcContinues() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));

    // when: the manager ticks a serious signal on the debrief form
    VariableMap debrief = debriefForm();
    debrief.putAll(seriousSignal("severe-distress"));
    complete(task("Task_CalmDebrief", pi), debrief);

    // then: HR gets a review and the manager goes on with the supports
    assertThat(pi).isWaitingAt("Task_ChooseSupports", "Task_ReviewSeriousSignal");
    Task review = task("Task_ReviewSeriousSignal", pi);
    assertThat(review).hasCandidateGroup("hr").isNotAssigned();
    assertThat(task("Task_ChooseSupports", pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables()
        .containsEntry("seriousSignal", false)
        .containsEntry("escalated", true)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "seriousSignalSource",
            "reviewSignalKinds", "reviewSignalNote", "reviewSignalSource");
    assertThat(engine.getTaskService().getVariables(review.getId()))
        .containsEntry("reviewSignalKinds", List.of("severe-distress"))
        .containsEntry("reviewSignalNote", "Said they cannot sleep and feel overwhelmed by every task.")
        .containsEntry("reviewSignalSource", null)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote");

    // when: the next form arrives without a signal
    complete(task("Task_ChooseSupports", pi), chooseSupportsForm(supportsOf(pi)));

    // then: no second review, arc continues, and the open review still shows its own signal
    assertThat(pi).isWaitingAt("Task_PlanSmallWin", "Task_ReviewSeriousSignal");
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewSeriousSignal").count()).isEqualTo(1);
    assertThat(engine.getTaskService().getVariables(review.getId()))
        .containsEntry("reviewSignalNote", "Said they cannot sleep and feel overwhelmed by every task.");

    // when: HR finishes the review
    complete(task("Task_ReviewSeriousSignal", pi), referralForm());

    // then
    assertThat(pi).isWaitingAt("Task_PlanSmallWin").hasPassed("EndEvent_SignalReviewed").isNotEnded();
  }

  @Test
  void seriousSignalOnTheStartFormStartsAnHrReviewRightAway() {
    // given
    VariableMap form = openCaseForm("individual");
    form.putAll(seriousSignal("prolonged-withdrawal", "safety-or-team-impact"));

    // when
    ProcessInstance pi = openCase(MANAGER, form);

    // then
    assertThat(pi).isWaitingAt("Task_CalmDebrief", "Task_ReviewSeriousSignal");
    assertThat(task("Task_ReviewSeriousSignal", pi)).hasCandidateGroup("hr");
    assertThat(task("Task_CalmDebrief", pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables().containsEntry("seriousSignal", false).containsEntry("escalated", true)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote");
    assertThat(engine.getTaskService().getVariables(task("Task_ReviewSeriousSignal", pi).getId()))
        .containsEntry("reviewSignalKinds", List.of("prolonged-withdrawal", "safety-or-team-impact"))
        .containsEntry("reviewSignalNote", "Said they cannot sleep and feel overwhelmed by every task.");
  }

  @Test
  void aSecondSignalReachesHrWithItsOwnDetailsNotTheFirstOnes() {
    // given: a signal on the start form, reviewed by HR while the arc goes on
    VariableMap form = openCaseForm("individual");
    form.putAll(seriousSignal("prolonged-withdrawal"));
    ProcessInstance pi = openCase(MANAGER, form);
    Task firstReview = task("Task_ReviewSeriousSignal", pi);

    // when: a later form records a different signal
    VariableMap debrief = debriefForm();
    debrief.putValue("seriousSignal", true)
        .putValue("seriousSignalKinds", List.of("safety-or-team-impact"))
        .putValue("seriousSignalNote", "Left the line running unattended during the shift change.");
    complete(task("Task_CalmDebrief", pi), debrief);

    // then: two reviews, each with only its own signal; the case holds neither
    List<Task> reviews = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewSeriousSignal").list();
    assertThat(reviews).hasSize(2);
    Task secondReview = reviews.stream().filter(t -> !t.getId().equals(firstReview.getId())).findFirst().orElseThrow();
    assertThat(engine.getTaskService().getVariables(firstReview.getId()))
        .containsEntry("reviewSignalKinds", List.of("prolonged-withdrawal"))
        .containsEntry("reviewSignalNote", "Said they cannot sleep and feel overwhelmed by every task.");
    assertThat(engine.getTaskService().getVariables(secondReview.getId()))
        .containsEntry("reviewSignalKinds", List.of("safety-or-team-impact"))
        .containsEntry("reviewSignalNote", "Left the line running unattended during the shift change.");
    assertThat(pi).variables().doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "reviewSignalNote");
  }

  @Test
  void aRaisedConcernStartsTheHrReviewOnTheCase() {
    // given
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));
    assertThat(pi).isWaitingAt("Task_CalmDebrief");

    // when: the same manager raises a concern between steps
    ProcessInstance concern = raiseConcern(MANAGER, pi.getId());

    // then
    assertThat(concern).isEnded().hasPassedInOrder("StartEvent_ConcernRaised", "Task_ForwardConcernToCase", "EndEvent_ConcernForwarded");
    assertThat(pi).isWaitingAt("Task_CalmDebrief", "Task_ReviewSeriousSignal");
    assertThat(task("Task_ReviewSeriousSignal", pi)).hasCandidateGroup("hr");
    assertThat(pi).variables()
        .containsEntry("seriousSignal", false)
        .containsEntry("escalated", true)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "seriousSignalSource");
    assertThat(engine.getTaskService().getVariables(task("Task_ReviewSeriousSignal", pi).getId()))
        .containsEntry("reviewSignalSource", "concern")
        .containsEntry("reviewSignalNote", "Missed three days without notice and avoids the team channel.");
    assertThat(engine.getTaskService().getVariableTyped(task("Task_ReviewSeriousSignal", pi).getId(), "reviewSignalKinds")
        .getValue().toString()).isEqualTo("[\"prolonged-withdrawal\"]");
  }

  @Test
  void aConcernAboutAnotherManagersCaseIsRejected() {
    // given: maya's case
    ProcessInstance pi = openCase(MANAGER, openCaseForm("individual"));

    // when / then: omar cannot raise a concern on it
    assertThatThrownBy(() -> raiseConcern("omar", pi.getId()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("caseId");
    assertThat(pi).isWaitingAtExactly("Task_CalmDebrief");
    assertThat(processInstanceQuery().processDefinitionKey("RaiseConcern").count()).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // What Tasklist actually submits

  @Test
  void checklistsSubmittedAsJsonWorkWithTheSupportsDecision() {
    // given: Tasklist sends checklists as Json variables
    VariableMap form = openCaseForm("individual");
    form.putValue("dominantDriver", "social");
    form.putValue("visibility", "private");
    form.putValueTyped("pressurePoints", SpinValues.jsonValue("[\"tight-timelines\"]").create());
    form.putValueTyped("signalsObserved", SpinValues.jsonValue("[\"quieter-in-meetings\",\"apologetic-tone\"]").create());
    form.putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[]").create());
    ProcessInstance pi = openCase(MANAGER, form);

    // when
    complete(task(pi), debriefForm());

    // then
    assertThat(pi).isWaitingAt("Task_ChooseSupports");
    assertThat(supportsOf(pi)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        plus(ALWAYS, "private-correction", "recognise-progress", "recalibrate-goals"));

    // when: the confirmed supports come back as Json too
    VariableMap choose = chooseSupportsForm(List.of());
    choose.putValueTyped("chosenSupports", SpinValues.jsonValue("[\"calm-debrief\",\"private-correction\"]").create());
    complete(task(pi), choose);

    // then
    assertThat(pi).isWaitingAt("Task_PlanSmallWin");
  }

  // ---------------------------------------------------------------------------------------------
  // Walking helpers

  private void walkToConfirmSmallWin(ProcessInstance pi, int smallWinDays) {
    complete(task(pi), debriefForm());
    complete(task(pi), chooseSupportsForm(supportsOf(pi)));
    complete(task(pi), planSmallWinForm(smallWinDays));
    assertThat(pi).isWaitingAt("Task_ConfirmSmallWin");
  }

  private void walkToFirstCheckIn(ProcessInstance pi, String cadence, int maxCheckIns) {
    walkToConfirmSmallWin(pi, 2);
    complete(task(pi), confirmSmallWinForm("yes"));
    complete(task(pi), developmentPlanForm(cadence, maxCheckIns));
    complete(task(pi), pairedWorkForm());
    assertThat(pi).isWaitingAt("Timer_NextCheckIn");
    // from Friday, in working days: three working days is Wednesday; a week or two keep the weekday
    fireTimer(pi, "Timer_NextCheckIn", switch (cadence) {
      case "P3D" -> 5;
      case "P7D" -> 7;
      case "P14D" -> 14;
      default -> throw new IllegalArgumentException(cadence);
    });
    assertThat(pi).isWaitingAt("Task_CheckIn");
  }

  /** Checks the timer is due at exactly {@code due}, moves the engine clock there and fires it. */
  private void fireTimerAt(ProcessInstance pi, String timerId, Date due) {
    Job timer = job(timerId, pi);
    assertThat(timer.getDuedate()).isEqualTo(due);
    ClockUtil.setCurrentTime(due);
    execute(timer);
  }

  /** Checks the timer is due exactly {@code days} calendar days from now, moves the engine clock there and fires it. */
  private void fireTimer(ProcessInstance pi, String timerId, int days) {
    Job timer = job(timerId, pi);
    Date now = ClockUtil.getCurrentTime();
    assertThat(timer.getDuedate()).isEqualTo(new Date(now.getTime() + days * 24L * 60 * 60 * 1000));
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  private ProcessInstance openCase(String managerId, VariableMap startForm) {
    return ProcessTests.startAs(engine.getProcessEngine(), managerId, "RecoveryArc", startForm);
  }

  private ProcessInstance raiseConcern(String managerId, String caseId) {
    return ProcessTests.startAs(engine.getProcessEngine(), managerId, "RaiseConcern", Variables.createVariables()
        .putValue("caseId", caseId)
        .putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[\"prolonged-withdrawal\"]").create())
        .putValue("seriousSignalNote", "Missed three days without notice and avoids the team channel."));
  }

  @SuppressWarnings("unchecked")
  private List<String> supportsOf(ProcessInstance pi) {
    return (List<String>) engine.getRuntimeService().getVariable(pi.getId(), "chosenSupports");
  }

  private long historyCount(ProcessInstance pi, String activityId) {
    return ProcessTests.historyCount(engine.getProcessEngine(), pi, activityId);
  }

  // ---------------------------------------------------------------------------------------------
  // Form payloads (keys as in the spec, values as Tasklist types them)

  private static VariableMap noSignal() {
    return ProcessTests.noSignal();
  }

  private static Map<String, Object> seriousSignal(String... kinds) {
    return ProcessTests.seriousSignal("Said they cannot sleep and feel overwhelmed by every task.", kinds);
  }

  private static VariableMap openCaseForm(String failureKind) {
    return noSignal()
        .putValue("employeeId", "emp-042")
        .putValue("incidentSummary", "The quarterly demo to the client stopped halfway because the data load failed.")
        .putValue("incidentDate", date("2025-06-04T00:00"))
        .putValue("visibility", "team")
        .putValue("failureKind", failureKind)
        .putValue("signalsObserved", List.of("quieter-in-meetings", "excess-sign-off"))
        .putValue("dominantDriver", "cognitive")
        .putValue("pressurePoints", List.of("public-mistake", "tight-timelines"));
  }

  private static VariableMap afterActionReviewForm(boolean alsoSupportPerson) {
    return noSignal()
        .putValue("processGap", "No dry run of the data load before client demos.")
        .putValue("processFix", "Add a dry run to the demo checklist the day before.")
        .putValue("fixOwner", "Demo lead")
        .putValue("alsoSupportPerson", alsoSupportPerson);
  }

  private static VariableMap debriefForm() {
    return noSignal()
        .putValue("debriefWhatHappened", "The data load timed out during the live demo and the session ended early.")
        .putValue("debriefKnown", "The extract ran against the wrong environment.")
        .putValue("debriefUnknown", "Why the timeout alarm did not fire.")
        .putValue("technicalFix", "Point the extract at staging")
        .putValue("communicationChange", "Tell the client early about risks")
        .putValue("behaviourFeedback", "Next time run the checklist aloud before the demo starts.");
  }

  private static VariableMap chooseSupportsForm(List<String> supports) {
    return noSignal()
        .putValue("chosenSupports", new ArrayList<>(supports))
        .putValue("supportNotes", "Start with the paired demo.");
  }

  private static VariableMap planSmallWinForm(int days) {
    return noSignal()
        .putValue("smallWinDescription", "Own the rerun of the data load and share the result.")
        .putValue("smallWinDays", days)
        .putValue("smallWinVisibleTo", "Project team")
        .putValue("buildAsDailyLoop", false);
  }

  private static VariableMap confirmSmallWinForm(String delivered) {
    return noSignal()
        .putValue("smallWinDelivered", delivered)
        .putValue("smallWinReflection", "Felt better once the rerun worked on the first try.")
        .putValue("smallWinRecognition", "Mentioned in the team stand-up");
  }

  private static VariableMap developmentPlanForm(String cadence, int maxCheckIns) {
    return noSignal()
        .putValue("practiceTask1", "Run two dry runs")
        .putValue("practiceTask1Date", date("2025-06-13T00:00"))
        .putValue("scopeRecalibration", "Only one client stream for the next month.")
        .putValue("microGoals", "One idea raised per client meeting.")
        .putValue("checkInCadence", cadence)
        .putValue("maxCheckIns", maxCheckIns)
        .putValue("practiseThroughDailyLoop", false);
  }

  private static VariableMap pairedWorkForm() {
    return noSignal()
        .putValue("pairPartner", "Jonas")
        .putValue("pairedAssignment", "Co-present the next client demo.")
        .putValue("ownershipSplit", "co-owners");
  }

  private static VariableMap checkInForm(String outcome, int confidence, boolean withdrawal, boolean safetyOrTeam) {
    return noSignal()
        .putValue("progressNote", "Presented one section and answered questions.")
        .putValue("confidenceRating", confidence)
        .putValue("signalsSeen", List.of("excess-sign-off"))
        .putValue("checkInOutcome", outcome)
        .putValue("withdrawalPersists", withdrawal)
        .putValue("functioningAffectsSafetyOrTeam", safetyOrTeam);
  }

  private static VariableMap referralForm() {
    return Variables.createVariables()
        .putValue("referralRoute", "occupational-health")
        .putValue("referralOfferedOn", date("2025-06-09T00:00"))
        .putValue("referralNote", "Offered in a private meeting.");
  }

  private static VariableMap summaryForm() {
    return noSignal()
        .putValue("summaryWhatWorked", "Paired demos and small reruns rebuilt the routine.")
        .putValue("summarySupportsThatHelped", List.of("paired-work", "small-visible-win"))
        .putValue("summaryNextSteps", "Keep tracking in one-on-ones.");
  }
}
