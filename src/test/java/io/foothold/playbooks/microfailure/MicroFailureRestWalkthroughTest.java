package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/** The micro-failure playbook started from Tasklist's start form and walked to its end by filling forms through REST. */
@FootholdSpringTest
class MicroFailureRestWalkthroughTest {

  /** When this test began: every case it opened is checked for Java-serialized variables afterwards. */
  private final java.util.Date testBegan = new java.util.Date(System.currentTimeMillis() - 1000);

  @AfterEach
  void everyVariableOfTheWalkedCasesIsStoredAsJsonNotJavaSerialized() {
    for (var walked : history.createHistoricProcessInstanceQuery().startedAfter(testBegan).rootProcessInstances().list()) {
      assertThat(io.foothold.support.StoredValues.javaSerialized(history, walked.getId()))
          .as("variables of case %s stored Java-serialized", walked.getId()).isEmpty();
    }
  }

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(management, history);
  }

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void aManagerCoachesThroughTheSlipsToASteadyClose() {
    EngineRest omar = EngineRest.as(web, "omar");
    String caseId = omar.startCase("MicroFailure", intake("jun", List.of()));
    int[] progressChecks = {0};

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), task -> {
      Map<String, Object> form = answer(task);
      if (task.equals("Task_TrackProgress") && ++progressChecks[0] == 1) {
        form.put("progressOutcome", "continue"); // first week: keep going; second week: steady
      }
      return form;
    }, 40);

    assertThat(steps).extracting(CaseDriver.Step::taskDefinitionKey).containsSubsequence(
        "Task_PrivateCheckIn", "Task_ChooseSupports", "Task_QuickWin", "Task_FeedbackAndBoundaries", "Task_WorkloadAudit",
        "Task_PeerPairingAndMicroGoals", "Task_TrackProgress", "Task_TrackProgress", "Task_ClosingSummary");
    assertThat(steps).filteredOn(step -> !step.taskDefinitionKey().startsWith("Task_Consider")).extracting(CaseDriver.Step::assignee).containsOnly("omar");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("caseOutcome").singleResult().getValue())
        .isIn("recovered", "closed");
  }

  @Test
  void aFlaggedSystemicCauseGoesToAProcessReviewFirst() {
    EngineRest omar = EngineRest.as(web, "omar");
    String caseId = omar.startCase("MicroFailure", intake("jun", List.of("systemic-failure")));

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), MicroFailureRestWalkthroughTest::answer, 40);

    assertThat(steps.get(0).taskDefinitionKey()).isEqualTo("Task_SystemicReview");
  }

  @Test
  void theMainDriverMustBeOneOfTheTickedDrivers() {
    Map<String, Object> form = intake("jun", List.of());
    form.put("mainDriver", "identity-threat");

    var response = EngineRest.as(web, "omar").submitStartForm("MicroFailure", form);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("mainDriver");
  }

  static Map<String, Object> intake(String employee, List<String> nearbyPatterns) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    form.put("employeeId", employee);
    form.put("whatHasBeenHappening", "Three small errors in weekly reports; now double-checks every figure with a colleague.");
    form.put("signalsObserved", List.of("reassurance-requests"));
    form.put("likelyDrivers", List.of("feedback-timing", "workload-fatigue"));
    form.put("mainDriver", "workload-fatigue");
    form.put("worseningFactors", List.of());
    form.put("nearbyPatternFlags", nearbyPatterns);
    return form;
  }

  static Map<String, Object> answer(String task) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    switch (task) {
      case "Task_SystemicReview" -> {
        form.put("processGap", "The report template hides the totals row.");
        form.put("processFix", "Show totals and add an automatic cross-check.");
        form.put("fixOwner", "Reporting team");
        form.put("alsoSupportPerson", false);
      }
      case "Task_PrivateCheckIn" -> {
        form.put("checkInHeldOn", "2026-11-25");
        form.put("slipInFacts", "Two totals were off by one week of data.");
        form.put("oneImprovement", "Run the export after Monday's load");
      }
      case "Task_ChooseSupports" -> form.put("chosenSupports", List.of("private-check-in", "micro-goals"));
      case "Task_QuickWin" -> {
        form.put("quickWinTask", "Own the small dashboard fix for the sales team.");
        form.put("quickWinDueOn", "2026-11-28");
      }
      case "Task_FeedbackAndBoundaries" -> {
        form.put("strengthsNoted", "Careful with definitions and sources.");
        form.put("oneAdjustment", "Check the load date first");
        form.put("feedbackGivenOn", "2026-11-26");
        form.put("priorities", "Weekly report first, ad-hoc requests second.");
        form.put("decisionBoundaries", "Can publish the weekly report without sign-off.");
        form.put("groupDiscussion", "private-only");
      }
      case "Task_WorkloadAudit" -> {
        form.put("pausedResponsibility", "Monthly archive clean-up");
        form.put("pausedUntil", "2026-12-31");
      }
      case "Task_PeerPairingAndMicroGoals" -> {
        form.put("pairPartner", "Priya Shah");
        form.put("pairedWork", "Build next month's report together.");
        form.put("microGoal1", "Publish two reports without rework");
        form.put("microGoal1Measure", "Rework count");
        form.put("trackingCadence", "P7D");
        form.put("trackingWeeks", 2);
      }
      case "Task_TrackProgress" -> {
        form.put("progressNote", "Reports went out on time and without corrections.");
        form.put("confidenceRating", 4);
        form.put("signalsSeen", List.of());
        form.put("progressOutcome", "steady");
        form.put("withdrawalPersists", false);
        form.put("functioningImpaired", false);
      }
      case "Task_ClosingSummary" -> {
        form.put("summaryWhatWorked", "Clear boundaries and a quick early win.");
        form.put("summaryNextSteps", "Keep the Monday check; revisit in a quarter.");
      }
      case "Task_ConsiderOrganisationalSupport" -> {
        form.clear();
        form.put("organisationalDecision", "internal-review-first");
        form.put("organisationalPattern", "Several cases in one team within weeks.");
      }
      case "Task_ConsiderWiderSupport" -> {
        form.clear();
        form.put("widerSupportRoute", "workload-review");
        form.put("widerSupportOfferedOn", "2026-11-26");
        form.put("widerSupportNote", "Offered a workload review with the team lead.");
      }
      default -> throw new IllegalArgumentException("No answers for " + task);
    }
    return form;
  }
}
