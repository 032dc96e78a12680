package io.foothold.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid answers for every recovery-arc form, as a manager would give them; tests override single fields. */
public final class RecoveryArcForms {

  private RecoveryArcForms() {
  }

  public static Map<String, Object> noSeriousSignal() {
    return new HashMap<>(Map.of("seriousSignal", false));
  }

  public static Map<String, Object> openCase(String employeeId) {
    Map<String, Object> form = noSeriousSignal();
    form.put("employeeId", employeeId);
    form.put("incidentSummary", "The quarterly demo to the client stalled when the data import failed on stage.");
    form.put("incidentDate", "2026-11-20");
    form.put("visibility", "senior");
    form.put("failureKind", "individual");
    form.put("signalsObserved", List.of("quieter-in-meetings", "excess-sign-off"));
    form.put("dominantDriver", "social");
    form.put("pressurePoints", List.of("public-mistake"));
    return form;
  }

  public static Map<String, Object> calmDebrief() {
    Map<String, Object> form = noSeriousSignal();
    form.put("debriefWhatHappened", "The import script ran against an empty staging table during the demo.");
    form.put("debriefKnown", "The staging refresh was skipped the night before.");
    form.put("debriefUnknown", "Why the refresh job did not alert anyone.");
    form.put("technicalFix", "Add a pre-demo data check");
    form.put("communicationChange", "Flag risky demo steps to the client up front");
    form.put("behaviourFeedback", "The recovery on stage was calm; next time rehearse the import path the day before.");
    form.put("nearbyPatternsToConsider", List.of("after-action-review"));
    return form;
  }

  public static Map<String, Object> chooseSupports() {
    Map<String, Object> form = noSeriousSignal();
    form.put("chosenSupports", List.of("calm-debrief", "small-visible-win", "private-correction", "track-in-one-on-ones"));
    form.put("supportNotes", "Keep corrections private for now.");
    return form;
  }

  public static Map<String, Object> planSmallWin() {
    Map<String, Object> form = noSeriousSignal();
    form.put("smallWinDescription", "Run the import dry-run for Friday's internal review.");
    form.put("smallWinDays", 3);
    form.put("smallWinVisibleTo", "The data team");
    form.put("buildAsDailyLoop", false);
    return form;
  }

  public static Map<String, Object> confirmSmallWin(String delivered) {
    Map<String, Object> form = noSeriousSignal();
    form.put("smallWinDelivered", delivered);
    form.put("smallWinReflection", "The dry-run worked and the team saw it.");
    form.put("smallWinRecognition", "Mentioned in the team stand-up");
    return form;
  }

  public static Map<String, Object> developmentPlan() {
    Map<String, Object> form = noSeriousSignal();
    form.put("practiceTask1", "Lead the next internal demo");
    form.put("practiceTask1Date", "2026-12-04");
    form.put("practiceTask2", "Co-present the client follow-up");
    form.put("practiceTask2Date", "2026-12-11");
    form.put("scopeRecalibration", "No client-facing demos alone for three weeks.");
    form.put("microGoals", "One rehearsed demo per week, checklist used every time.");
    form.put("checkInCadence", "P7D");
    form.put("maxCheckIns", 3);
    form.put("practiseThroughDailyLoop", false);
    return form;
  }

  public static Map<String, Object> pairedWork() {
    Map<String, Object> form = noSeriousSignal();
    form.put("pairPartner", "Lea Brandt");
    form.put("pairedAssignment", "Prepare and run the December client demo together.");
    form.put("ownershipSplit", "co-owners");
    return form;
  }

  public static Map<String, Object> checkIn(String outcome, int confidence) {
    Map<String, Object> form = noSeriousSignal();
    form.put("progressNote", "Rehearsed twice, ran the internal demo without help.");
    form.put("confidenceRating", confidence);
    form.put("signalsSeen", List.of());
    form.put("winsToRecognise", "Internal demo went smoothly");
    form.put("supportAdjustment", "");
    form.put("checkInOutcome", outcome);
    form.put("withdrawalPersists", false);
    form.put("functioningAffectsSafetyOrTeam", false);
    return form;
  }

  public static Map<String, Object> recoverySummary() {
    Map<String, Object> form = noSeriousSignal();
    form.put("summaryWhatWorked", "Small rehearsed steps and a co-presenter.");
    form.put("summarySupportsThatHelped", List.of("paired-work", "small-visible-win"));
    form.put("summaryNextSteps", "Leads the next client demo alone with a checklist.");
    return form;
  }

  public static Map<String, Object> arrangeReferral(String route) {
    Map<String, Object> form = new HashMap<>();
    form.put("referralRoute", route);
    form.put("referralOfferedOn", "2026-11-25");
    form.put("referralNote", "Offered in a private conversation.");
    return form;
  }
}
