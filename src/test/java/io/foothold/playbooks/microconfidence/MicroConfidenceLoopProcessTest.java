package io.foothold.playbooks.microconfidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.foothold.engine.WorkingDays;
import io.foothold.support.ProcessTests;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The micro-confidence loop on an engine without Spring: Start (define the action), Ship (one logged
 * task per day, released by a one-day timer), Expand (on the fifth day of each week), summary.
 * Manager "maya"; employee "emp-042" has a Tasklist account, "emp-077" does not.
 */
@Deployment(resources = "processes/micro-confidence/micro-confidence-loop.bpmn")
class MicroConfidenceLoopProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  static final String MANAGER = "maya";
  static final String EMPLOYEE_WITH_ACCOUNT = "emp-042";
  static final String EMPLOYEE_WITHOUT_ACCOUNT = "emp-077";
  static final Date MONDAY_MORNING = date("2025-06-02T09:00");
  static final long ONE_DAY = 24L * 60 * 60 * 1000;

  /** Stand-in for the core {@code people} bean: only EMPLOYEE_WITH_ACCOUNT is in group "employees". */
  public static class PeopleStandIn {
    private final Set<String> employeesWithAccount;

    PeopleStandIn(Set<String> employeesWithAccount) {
      this.employeesWithAccount = employeesWithAccount;
    }

    public String employeeOrManager(String employeeId, String managerId) {
      return employeesWithAccount.contains(employeeId) ? employeeId : managerId;
    }
  }

  String deployedParent;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    Mocks.register("evidenceLog", new EvidenceLog());
    Mocks.register("people", new PeopleStandIn(Set.of(EMPLOYEE_WITH_ACCOUNT)));
    Mocks.register("workingDays", new WorkingDays());
    ClockUtil.setCurrentTime(MONDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    if (deployedParent != null) {
      engine.getRepositoryService().deleteDeployment(deployedParent, true);
    }
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  @Test
  void twoWeeksOfDailyActionsEndWithASummaryAndTheRightCounts() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 2));
    assertThat(pi).isWaitingAt("Task_DefineAction");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables()
        .containsEntry("loopWeeks", 2)
        .containsEntry("microLoopDaysShipped", 0)
        .containsEntry("microLoopCompleted", false)
        .containsEntry("seriousSignal", false);

    // when: the action is defined
    complete(task(pi), defineForm("Send one email that clears up an open question on the release.", 5));

    // then: the first day waits one day
    assertThat(pi).isWaitingAt("Timer_NextDay");
    assertThat(pi).variables().containsEntry("dailyAssignee", EMPLOYEE_WITH_ACCOUNT);

    // when: five days shipped
    shipDays(pi, 5);

    // then: day 5 brings the expand step with a proposal of about 30% more
    assertThat(pi).isWaitingAt("Task_Expand");
    assertThat(task(pi)).isAssignedTo(EMPLOYEE_WITH_ACCOUNT);
    assertThat(pi).variables()
        .containsEntry("microLoopDaysShipped", 5)
        .containsEntry("dayInWeek", 5)
        .containsEntry("proposedMinutes", 7)
        .containsEntry("grownMinutes", 7)
        .containsEntry("grownAction", "Send one email that clears up an open question on the release.");

    // when: the action grows to 7 minutes
    complete(task(pi), expandForm("Send one clarifying email and ask one follow-up question in the stand-up.", 7, false));

    // then: the second week starts with the grown action
    assertThat(pi).isWaitingAt("Timer_NextDay");
    assertThat(pi).variables()
        .containsEntry("actionMinutes", 7)
        .containsEntry("microAction", "Send one clarifying email and ask one follow-up question in the stand-up.")
        .containsEntry("weeksCompleted", 1)
        .containsEntry("dayInWeek", 0);

    // when: the second week
    shipDays(pi, 5);
    assertThat(pi).isWaitingAt("Task_Expand");
    assertThat(pi).variables().containsEntry("proposedMinutes", 9);
    complete(task(pi), expandForm("Send two clarifying emails and raise one question in the stand-up.", 9, false));

    // then: all weeks done, the manager looks back on the evidence
    assertThat(pi).isWaitingAt("Task_LoopSummary");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    String logText = (String) engine.getRuntimeService().getVariable(pi.getId(), "evidenceLogText");
    assertThat(logText.split("\n")).hasSize(10);
    assertThat(logText).startsWith("Day 1: done (effort 3/5) - Sent it before lunch").contains("Day 10: done");

    // when
    complete(task(pi), summaryForm());

    // then
    assertThat(pi).isEnded().hasPassedInOrder(
        "StartEvent_LoopStarted", "Task_DefineAction",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Task_Expand", "Gateway_MoreWeeks",
        "Timer_NextDay", "Task_ShipToday", "Gateway_DayFive",
        "Task_Expand", "Gateway_MoreWeeks", "Task_LoopSummary", "EndEvent_LoopCompleted");
    assertThat(historyCount(pi, "Task_ShipToday")).isEqualTo(10);
    assertThat(historyCount(pi, "Task_Expand")).isEqualTo(2);
    assertThat(pi).hasNotPassed("Task_ReviewSeriousSignal");
    assertThat(pi).variables()
        .containsEntry("microLoopDaysShipped", 10)
        .containsEntry("microLoopCompleted", true)
        .containsEntry("caseOutcome", "completed")
        .containsEntry("actionMinutes", 9)
        .containsEntry("weeksCompleted", 2);
    assertThat((String) historicVariable(pi, "microLoopSummary"))
        .startsWith("Done on 10 of 10 days over 2 weeks.")
        .contains("grew from 5 to 9 minutes");
    assertThat(historicVariable(pi, "microLoopDaysShipped")).isInstanceOf(Integer.class);
    assertThat(logOf(pi)).hasSize(10);
  }

  @Test
  void theNextDayAfterAFridayIsMondayNeverAWeekendDay() {
    // given: the action is agreed on a Friday
    ClockUtil.setCurrentTime(date("2025-06-06T16:00"));
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 1));

    // when
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));

    // then: the first daily step comes on Monday
    assertThat(job("Timer_NextDay", pi).getDuedate()).isEqualTo(date("2025-06-09T16:00"));
  }

  @Test
  void eachDailyStepShowsThePlaybookTheDayAndTheDaysLoggedSoFar() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 2));
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));

    // when: the first day opens
    fireNextDay(pi);

    // then
    Task first = task("Task_ShipToday", pi);
    assertThat(shown(first, "loopPlaybook")).isEqualTo("Small daily wins: Start, Ship, Expand");
    assertThat(shown(first, "loopDay")).isEqualTo("Day 1 of 10 · week 1 of 2");
    assertThat(shown(first, "evidenceSoFar")).isEqualTo("No days logged yet.");

    // when: two days are logged and the third opens
    complete(first, shipForm("yes", "Read the page on deployment.", 2));
    fireNextDay(pi);
    complete(task("Task_ShipToday", pi), shipForm("no", "Workshop all day.", 1));
    fireNextDay(pi);

    // then
    Task third = task("Task_ShipToday", pi);
    assertThat(shown(third, "loopDay")).isEqualTo("Day 3 of 10 · week 1 of 2");
    assertThat(shown(third, "evidenceSoFar")).isEqualTo(
        "Day 1: done (effort 2/5) - Read the page on deployment.\nDay 2: not done (effort 1/5) - Workshop all day.");

    // when: the week is finished
    complete(third, shipForm("yes", "Read the page on rollbacks.", 2));
    shipDays(pi, 2);

    // then: the expand step closes the first week
    assertThat(shown(task("Task_Expand", pi), "loopDay")).isEqualTo("End of week 1 of 2 · 5 of 10 days logged");
  }

  private String shown(Task task, String name) {
    return (String) engine.getTaskService().getVariableLocal(task.getId(), name);
  }

  @Test
  void aDayNotShippedIsLoggedAsSuchAndNotCounted() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 1));
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));
    shipDays(pi, 1);

    // when: day 2 did not happen
    fireNextDay(pi);
    complete(task(pi), shipForm("no", "Back-to-back meetings all afternoon, did not get to it.", 1));

    // then
    assertThat(pi).isWaitingAt("Timer_NextDay");
    assertThat(pi).variables()
        .containsEntry("microLoopDaysShipped", 1)
        .containsEntry("dayInWeek", 2)
        .doesNotContainKeys("shippedToday", "evidenceNote", "effortRating");
    List<Map<String, Object>> log = logOf(pi);
    assertThat(log).hasSize(2);
    assertThat(log.get(0)).containsEntry("day", 1).containsEntry("shipped", true);
    assertThat(log.get(1)).containsEntry("day", 2).containsEntry("shipped", false)
        .containsEntry("note", "Back-to-back meetings all afternoon, did not get to it.")
        .containsEntry("effort", 1);

    // when: the rest of the week is shipped, growth is skipped, the single week ends
    shipDays(pi, 3);
    assertThat(pi).isWaitingAt("Task_Expand");
    complete(task(pi), expandForm(null, null, true));
    assertThat(pi).isWaitingAt("Task_LoopSummary");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "evidenceLogText"))
        .contains("Day 2: not done (effort 1/5) - Back-to-back meetings");
    complete(task(pi), summaryForm());

    // then
    assertThat(pi).isEnded();
    assertThat(pi).variables().containsEntry("microLoopDaysShipped", 4).containsEntry("microLoopCompleted", true);
    assertThat((String) historicVariable(pi, "microLoopSummary"))
        .startsWith("Done on 4 of 5 days over 1 week.").contains("stayed at 4 minutes");
  }

  @Test
  void keepOriginalLeavesTheActionUnchanged() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 2));
    complete(task(pi), defineForm("Record a one-minute practice run of the demo intro.", 6));
    shipDays(pi, 5);
    assertThat(pi).isWaitingAt("Task_Expand");

    // when: growth is skipped this week, even though other growth values were typed
    complete(task(pi), expandForm("Record a two-minute run and show it to Sam.", 8, true));

    // then
    assertThat(pi).isWaitingAt("Timer_NextDay");
    assertThat(pi).variables()
        .containsEntry("microAction", "Record a one-minute practice run of the demo intro.")
        .containsEntry("actionMinutes", 6)
        .containsEntry("weeksCompleted", 1);
  }

  @Test
  void growthOutsideTwentyToFiftyPercentIsRejectedByTheEngine() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 2));
    complete(task(pi), defineForm("Record a one-minute practice run of the demo intro.", 6));
    shipDays(pi, 5);
    Task expand = task(pi);

    // when / then: 6 -> 10 minutes is +67%
    assertThatThrownBy(() -> complete(expand, expandForm("Record a long run.", 10, false)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("grownMinutes");

    // then: nothing changed
    assertThat(pi).isWaitingAt("Task_Expand");
    assertThat(pi).variables().containsEntry("actionMinutes", 6).containsEntry("weeksCompleted", 0);
  }

  @Test
  void loopWeeksDefaultsToTwoAndTheCallersProposalPrefillsTheAction() {
    // given: no loopWeeks, a proposed action
    VariableMap vars = Variables.createVariables()
        .putValue("employeeId", EMPLOYEE_WITH_ACCOUNT)
        .putValue("managerId", MANAGER)
        .putValue("microActionSeed", "Ask one question in the weekly planning meeting.");

    // when
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("MicroConfidenceLoop", vars);

    // then
    assertThat(pi).isWaitingAt("Task_DefineAction");
    assertThat(task(pi)).isAssignedTo(MANAGER);
    assertThat(pi).variables()
        .containsEntry("loopWeeks", 2)
        .containsEntry("microAction", "Ask one question in the weekly planning meeting.");
  }

  // ---------------------------------------------------------------------------------------------
  // Who logs the daily steps

  @Test
  void dailyTasksGoToTheEmployeeWhenTheyUseTasklist() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 1));

    // when
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));
    fireNextDay(pi);

    // then
    assertThat(pi).isWaitingAt("Task_ShipToday");
    assertThat(task(pi)).isAssignedTo(EMPLOYEE_WITH_ACCOUNT);
    complete(task(pi), shipForm("yes", "Read the page on caching.", 2));
    shipDays(pi, 4);
    assertThat(pi).isWaitingAt("Task_Expand");
    assertThat(task(pi)).isAssignedTo(EMPLOYEE_WITH_ACCOUNT);
  }

  @Test
  void dailyTasksGoToTheManagerOtherwise() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITHOUT_ACCOUNT, 1));

    // when
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));
    fireNextDay(pi);

    // then
    assertThat(pi).variables().containsEntry("dailyAssignee", MANAGER);
    assertThat(task(pi)).isAssignedTo(MANAGER);
    complete(task(pi), shipForm("yes", "They read the page on caching.", 2));
    shipDays(pi, 4);
    assertThat(task(pi)).isAssignedTo(MANAGER);
  }

  // ---------------------------------------------------------------------------------------------
  // Called from another playbook

  @Test
  void calledAsACallActivityItTakesTheContractInputsAndReturnsTheResults() {
    // given: a tiny parent with the in/out variables of the contract
    BpmnModelInstance parent = Bpmn.createExecutableProcess("MicroConfidenceParent")
        .name("Recovery after a visible failure")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("Call_MicroConfidenceLoop")
          .name("Build the small win as a daily micro-loop")
          .calledElement("MicroConfidenceLoop")
          .camundaIn("employeeId", "employeeId")
          .camundaIn("managerId", "managerId")
          .camundaIn("employeeName", "employeeName")
          .camundaIn("microActionSeed", "microActionSeed")
          .camundaIn("loopWeeks", "loopWeeks")
          .camundaOut("microLoopDaysShipped", "microLoopDaysShipped")
          .camundaOut("microLoopCompleted", "microLoopCompleted")
          .camundaOut("microLoopSummary", "microLoopSummary")
        .userTask("Task_AfterLoop")
        .endEvent()
        .done();
    deployedParent = engine.getRepositoryService().createDeployment()
        .addModelInstance("micro-confidence-parent.bpmn", parent).deploy().getId();

    // when: started by someone else than the manager (the initiator must not overwrite managerId)
    engine.getIdentityService().setAuthenticatedUserId("hr-harriet");
    ProcessInstance caller;
    try {
      caller = engine.getRuntimeService().startProcessInstanceByKey("MicroConfidenceParent", Variables.createVariables()
          .putValue("employeeId", EMPLOYEE_WITH_ACCOUNT)
          .putValue("managerId", MANAGER)
          .putValue("employeeName", "Ana")
          .putValue("microActionSeed", "Share one idea in the team channel.")
          .putValue("loopWeeks", 1)
          .putValue("unrelated", "stays in the parent"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // then
    assertThat(caller).isWaitingAt("Call_MicroConfidenceLoop");
    ProcessInstance loop = calledProcessInstance(caller);
    assertThat(loop).isWaitingAt("Task_DefineAction");
    assertThat(task(loop)).isAssignedTo(MANAGER);
    assertThat(loop).variables()
        .containsEntry("managerId", MANAGER)
        .containsEntry("employeeName", "Ana")
        .containsEntry("microAction", "Share one idea in the team channel.")
        .containsEntry("loopWeeks", 1)
        .doesNotContainKey("unrelated");

    // when: one week, one day not shipped
    complete(task(loop), defineForm("Share one idea in the team channel.", 3));
    fireNextDay(loop);
    assertThat(shown(task("Task_ShipToday", loop), "loopPlaybook")).as("the daily step names the case it belongs to")
        .isEqualTo("Small daily wins: Start, Ship, Expand · part of Recovery after a visible failure"
            + " (Build the small win as a daily micro-loop)");
    complete(task("Task_ShipToday", loop), shipForm("yes", "Sent it before lunch, got an answer the same day.", 3));
    shipDays(loop, 2);
    fireNextDay(loop);
    complete(task(loop), shipForm("no", "Sick day.", 1));
    shipDays(loop, 1);
    complete(task(loop), expandForm("Share one idea in the channel and reply to one comment.", 4, false));
    complete(task(loop), summaryForm());

    // then: the caller gets the results and carries on
    assertThat(loop).isEnded();
    assertThat(caller).isWaitingAt("Task_AfterLoop");
    assertThat(caller).variables()
        .containsEntry("microLoopDaysShipped", 4)
        .containsEntry("microLoopCompleted", true)
        .containsKey("microLoopSummary");
    assertThat((String) engine.getRuntimeService().getVariable(caller.getId(), "microLoopSummary"))
        .startsWith("Done on 4 of 5 days over 1 week.");
    assertThat(caller).variables().doesNotContainKeys(EvidenceLog.VARIABLE, "dayInWeek", "dailyAssignee");
  }

  // ---------------------------------------------------------------------------------------------
  // Serious signals reach HR from any step

  @Test
  void seriousSignalDuringAShipTaskStartsAnHrReviewWhileTheLoopGoesOn() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 1));
    complete(task(pi), defineForm("Read one page of the architecture guide.", 4));
    shipDays(pi, 1);
    fireNextDay(pi);

    // when: the day's form carries a serious signal
    VariableMap ship = shipForm("no", "Could not face opening the laptop today.", 1);
    ship.putAll(seriousSignal("severe-distress"));
    complete(task("Task_ShipToday", pi), ship);

    // then: HR reviews, with the signal in the review's own scope; the loop waits for the next day
    assertThat(pi).isWaitingAt("Timer_NextDay", "Task_ReviewSeriousSignal");
    Task review = task("Task_ReviewSeriousSignal", pi);
    assertThat(review).hasCandidateGroup("hr").isNotAssigned();
    assertThat(engine.getTaskService().getVariable(review.getId(), "reviewSignalNote"))
        .isEqualTo("Said they feel overwhelmed by every task.");
    assertThat(engine.getTaskService().getVariable(review.getId(), "reviewSignalKinds"))
        .isEqualTo(List.of("severe-distress"));
    assertThat(pi).variables()
        .containsEntry("seriousSignal", false)
        .containsEntry("escalated", true)
        .containsEntry("microLoopDaysShipped", 1)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "reviewSignalNote");

    // when: the next day arrives without a signal
    fireNextDay(pi);
    complete(task("Task_ShipToday", pi), shipForm("yes", "Read half a page, then the rest after lunch.", 3));

    // then: still one review, loop goes on
    assertThat(pi).isWaitingAt("Timer_NextDay", "Task_ReviewSeriousSignal");
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewSeriousSignal").count()).isEqualTo(1);

    // when: HR finishes
    complete(task("Task_ReviewSeriousSignal", pi), referralForm());

    // then
    assertThat(pi).isWaitingAt("Timer_NextDay").hasPassed("EndEvent_SignalReviewed").isNotEnded();
    assertThat(pi).variables().containsEntry("microLoopDaysShipped", 2);
  }

  @Test
  void seriousSignalOnTheStartFormStartsAnHrReviewRightAway() {
    // given
    VariableMap form = startForm(EMPLOYEE_WITH_ACCOUNT, 2);
    form.putAll(seriousSignal("prolonged-withdrawal"));

    // when
    ProcessInstance pi = startLoop(MANAGER, form);

    // then
    assertThat(pi).isWaitingAt("Task_DefineAction", "Task_ReviewSeriousSignal");
    assertThat(task("Task_ReviewSeriousSignal", pi)).hasCandidateGroup("hr");
    assertThat(pi).variables().containsEntry("seriousSignal", false).containsEntry("escalated", true);
  }

  @Test
  void checklistsSubmittedAsJsonReachTheHrReview() {
    // given
    ProcessInstance pi = startLoop(MANAGER, startForm(EMPLOYEE_WITH_ACCOUNT, 1));

    // when: Tasklist sends the kinds as a Json variable
    VariableMap define = defineForm("Read one page of the architecture guide.", 4);
    define.putValue("seriousSignal", true);
    define.putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[\"safety-or-team-impact\"]").create());
    define.putValue("seriousSignalNote", "Skipped the safety check twice this week.");
    complete(task(pi), define);

    // then
    assertThat(pi).isWaitingAt("Timer_NextDay", "Task_ReviewSeriousSignal");
    Task review = task("Task_ReviewSeriousSignal", pi);
    assertThat(engine.getTaskService().getVariable(review.getId(), "reviewSignalKinds").toString())
        .contains("safety-or-team-impact");
  }

  // ---------------------------------------------------------------------------------------------
  // Walking helpers

  /** Releases and ships {@code days} days in a row, each with the next-day timer. */
  private void shipDays(ProcessInstance pi, int days) {
    for (int i = 0; i < days; i++) {
      fireNextDay(pi);
      assertThat(pi).isWaitingAt("Task_ShipToday");
      complete(task("Task_ShipToday", pi), shipForm("yes", "Sent it before lunch, got an answer the same day.", 3));
    }
  }

  /**
   * Checks the next-day timer is due on the next working day at the same time (a day later, or Monday after a
   * Friday), moves the engine clock there and fires it.
   */
  private void fireNextDay(ProcessInstance pi) {
    Job timer = job("Timer_NextDay", pi);
    Date now = ClockUtil.getCurrentTime();
    DayOfWeek today = now.toInstant().atZone(ZoneId.systemDefault()).getDayOfWeek();
    int days = today == DayOfWeek.FRIDAY ? 3 : today == DayOfWeek.SATURDAY ? 2 : 1;
    assertThat(timer.getDuedate()).isEqualTo(new Date(now.getTime() + days * ONE_DAY));
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  private ProcessInstance startLoop(String managerId, VariableMap startForm) {
    return ProcessTests.startAs(engine.getProcessEngine(), managerId, "MicroConfidenceLoop", startForm);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> logOf(ProcessInstance pi) {
    Object value = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(EvidenceLog.VARIABLE).singleResult().getValue();
    return (List<Map<String, Object>>) value;
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).singleResult().getValue();
  }

  private long historyCount(ProcessInstance pi, String activityId) {
    return ProcessTests.historyCount(engine.getProcessEngine(), pi, activityId);
  }

  // ---------------------------------------------------------------------------------------------
  // Form payloads (keys as in the forms, values as Tasklist types them)

  private static VariableMap noSignal() {
    return ProcessTests.noSignal();
  }

  private static Map<String, Object> seriousSignal(String... kinds) {
    return ProcessTests.seriousSignal("Said they feel overwhelmed by every task.", kinds);
  }

  private static VariableMap startForm(String employeeId, int loopWeeks) {
    return noSignal()
        .putValue("employeeId", employeeId)
        .putValue("confidenceArea", "Speaking up in release planning")
        .putValue("loopWeeks", loopWeeks);
  }

  private static VariableMap defineForm(String action, int minutes) {
    return noSignal()
        .putValue("microAction", action)
        .putValue("actionMinutes", minutes)
        .putValue("actionWhy", "Questions left open hold up the release and they stay silent about them.")
        .putValue("actionIdea", "clarifying-email")
        .putValue("principlesAgreed", List.of("too-small-to-refuse", "finish-and-record"));
  }

  private static VariableMap shipForm(String shipped, String note, int effort) {
    return noSignal()
        .putValue("shippedToday", shipped)
        .putValue("evidenceNote", note)
        .putValue("effortRating", effort);
  }

  private static VariableMap expandForm(String grownAction, Integer grownMinutes, boolean keepOriginal) {
    VariableMap form = noSignal().putValue("keepOriginal", keepOriginal);
    if (grownAction != null) {
      form.putValue("grownAction", grownAction);
    }
    if (grownMinutes != null) {
      form.putValue("grownMinutes", grownMinutes);
    }
    return form;
  }

  private static VariableMap summaryForm() {
    return noSignal()
        .putValue("summaryReflection", "Most days happened; the misses were meeting-heavy days.")
        .putValue("nextStep", "Keep the grown action for another month and review in one-on-ones.");
  }

  private static VariableMap referralForm() {
    return Variables.createVariables()
        .putValue("referralRoute", "employee-assistance")
        .putValue("referralOfferedOn", date("2025-06-05T00:00"))
        .putValue("referralNote", "Offered the programme; follow-up agreed for next week.");
  }

  private static Date date(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(ZoneId.systemDefault()).toInstant());
  }
}
