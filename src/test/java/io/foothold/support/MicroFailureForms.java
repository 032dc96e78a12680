package io.foothold.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers that satisfy every form of the micro-failure playbook, step by step (REST walkthroughs, browser tests). */
public final class MicroFailureForms {

  private MicroFailureForms() {}

  /** The intake start form for a case about {@code employee}, with the given nearby-pattern flags. */
  public static Map<String, Object> intake(String employee, List<String> nearbyPatterns) {
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

  public static Map<String, Object> answer(String task) {
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
