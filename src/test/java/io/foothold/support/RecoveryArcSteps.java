package io.foothold.support;

import java.util.Map;
import java.util.function.Function;

/**
 * A recovery arc walked the usual way, with the answers of {@link RecoveryArcForms}: step by step as its manager, or
 * as the answers a {@link CaseDriver} gives at each step.
 */
public final class RecoveryArcSteps {

  private RecoveryArcSteps() {
  }

  /**
   * Completes the manager's steps from the debrief to the paired work (the small win delivered as said); the case
   * then waits on its first check-in timer.
   */
  public static void toCheckInTimer(EngineRest manager, String caseId, String smallWinDelivered) {
    manager.completeTask(caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    manager.completeTask(caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
    manager.completeTask(caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
    manager.completeTask(caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin(smallWinDelivered));
    manager.completeTask(caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
    manager.completeTask(caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
  }

  /** As above, the small win delivered in full. */
  public static void toCheckInTimer(EngineRest manager, String caseId) {
    toCheckInTimer(manager, caseId, "yes");
  }

  /** The manager's answer at each step of a plain recovery (recovered at the first check-in); no other step is expected. */
  public static Map<String, Object> plainRecovery(String task) {
    return plainRecovery(task, other -> {
      throw new IllegalStateException("No answer for " + other + " in a plain recovery");
    });
  }

  /** As above, with the answers to any other step (e.g. of a called loop or an HR step) from {@code otherSteps}. */
  public static Map<String, Object> plainRecovery(String task, Function<String, Map<String, Object>> otherSteps) {
    return switch (task) {
      case "Task_CalmDebrief" -> RecoveryArcForms.calmDebrief();
      case "Task_ChooseSupports" -> RecoveryArcForms.chooseSupports();
      case "Task_PlanSmallWin" -> RecoveryArcForms.planSmallWin();
      case "Task_ConfirmSmallWin" -> RecoveryArcForms.confirmSmallWin("yes");
      case "Task_DevelopmentPlan" -> RecoveryArcForms.developmentPlan();
      case "Task_ArrangePairedWork" -> RecoveryArcForms.pairedWork();
      case "Task_CheckIn" -> RecoveryArcForms.checkIn("recovered", 4);
      case "Task_RecoverySummary" -> RecoveryArcForms.recoverySummary();
      default -> otherSteps.apply(task);
    };
  }

  /**
   * A recovery whose small win is built as a daily micro-confidence loop (the loop's steps answered by
   * {@link MicroConfidenceForms}), recovered at the first check-in.
   */
  public static Map<String, Object> smallWinAsDailyLoop(String task) {
    if (task.equals("Task_PlanSmallWin")) {
      Map<String, Object> plan = RecoveryArcForms.planSmallWin();
      plan.put("buildAsDailyLoop", true);
      return plan;
    }
    if (task.equals("Task_ConfirmSmallWin")) {
      throw new IllegalStateException("A small win built as a daily loop is confirmed by the loop, not by Task_ConfirmSmallWin");
    }
    return plainRecovery(task, MicroConfidenceForms::answer);
  }
}
