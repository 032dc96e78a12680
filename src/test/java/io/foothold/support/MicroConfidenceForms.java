package io.foothold.support;

import java.util.HashMap;
import java.util.Map;

/** Answers that satisfy every form of the micro-confidence loop (REST walkthroughs, browser tests, loops called by a recovery arc). */
public final class MicroConfidenceForms {

  private MicroConfidenceForms() {
  }

  /** The start form for a one-week loop about speaking up, for {@code employee}. */
  public static Map<String, Object> start(String employee) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    form.put("employeeId", employee);
    form.put("confidenceArea", "Speaking up in planning meetings");
    form.put("loopWeeks", 1);
    return form;
  }

  public static Map<String, Object> answer(String task) {
    Map<String, Object> form = new HashMap<>(Map.of("seriousSignal", false));
    switch (task) {
      case "Task_DefineAction" -> {
        form.put("microAction", "Say one sentence about the plan in the stand-up.");
        form.put("actionMinutes", 5);
        form.put("actionWhy", "Small, safe practice at being heard.");
      }
      case "Task_ShipToday" -> {
        form.put("shippedToday", "yes");
        form.put("evidenceNote", "Said it; one question back.");
        form.put("effortRating", 2);
      }
      case "Task_Expand" -> {
        form.put("keepOriginal", false);
        form.put("grownAction", "Say two sentences and ask one question in the stand-up.");
        form.put("grownMinutes", 6);
      }
      case "Task_LoopSummary" -> {
        form.put("summaryReflection", "Five days in a row; it feels ordinary now.");
        form.put("nextStep", "Present one slide at the sprint review.");
      }
      default -> throw new IllegalArgumentException("No answers for " + task);
    }
    return form;
  }
}
