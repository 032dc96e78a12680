package io.foothold.analytics;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/**
 * Produces closed recovery-arc cases through REST, as managers would, with time passing between steps (so each
 * phase takes days, not milliseconds) and the given confidence ratings at the check-ins (the last one says
 * "recovered"). Callers reset the engine clock afterwards ({@link CaseDriver#resetClock()}).
 */
public final class RecoveryCases {

  private final TestRestTemplate web;
  private final ManagementService management;
  private final HistoryService history;

  public RecoveryCases(TestRestTemplate web, ManagementService management, HistoryService history) {
    this.web = web;
    this.management = management;
    this.history = history;
  }

  /**
   * Where {@link #fiveRecoveries()} start: a fixed Monday, so that they close in one calendar month (May 2030; the walks take 19 to 31 days)
   * whatever today's date is. No other test opens cases in that month.
   */
  public static final Instant FIVE_RECOVERIES_OPEN = Instant.parse("2030-04-22T09:00:00Z");

  /** Opens a case for this manager's report now and walks it to "recovered"; answers the case id. */
  public String recovered(String manager, String employee, int debriefDays, List<Integer> confidenceAtCheckIns) {
    return recovered(manager, employee, debriefDays, confidenceAtCheckIns, null);
  }

  /** As above, but opened at {@code opened} (null: now), the walk's days counted from there. */
  public String recovered(String manager, String employee, int debriefDays, List<Integer> confidenceAtCheckIns,
      Instant opened) {
    if (confidenceAtCheckIns.isEmpty() || confidenceAtCheckIns.size() > 3) {
      throw new IllegalArgumentException("one to three check-ins (the development plan allows three)");
    }
    CaseDriver.resetClock();
    if (opened != null) {
      ClockUtil.setCurrentTime(Date.from(opened));
    }
    String caseId = EngineRest.as(web, manager).startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
    CaseDriver driver = new CaseDriver(management, history, opened);
    AtomicInteger checkIns = new AtomicInteger();
    driver.walk(caseId, user -> EngineRest.as(web, user), task -> {
      switch (task) {
        case "Task_CalmDebrief" -> days(driver, debriefDays);
        case "Task_ChooseSupports", "Task_PlanSmallWin", "Task_ArrangePairedWork", "Task_CheckIn" -> days(driver, 1);
        case "Task_DevelopmentPlan" -> days(driver, 2);
        default -> { }
      }
      if (task.equals("Task_CheckIn")) {
        int n = checkIns.getAndIncrement();
        boolean last = n == confidenceAtCheckIns.size() - 1;
        return RecoveryArcForms.checkIn(last ? "recovered" : "continue", confidenceAtCheckIns.get(n));
      }
      return RecoveryArcSteps.plainRecovery(task);
    }, 40);
    return caseId;
  }

  /** Opens a case for this manager's report with the engine clock at the given moment, and leaves it open. */
  public String openedAt(String manager, String employee, Date when) {
    ClockUtil.setCurrentTime(when);
    try {
      return EngineRest.as(web, manager).startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
    } finally {
      CaseDriver.resetClock();
    }
  }

  private static void days(CaseDriver driver, int n) {
    for (int i = 0; i < n; i++) {
      driver.nextDay();
    }
  }

  /** Five managers' recoveries with confidence rising over two or three check-ins. */
  public List<String> fiveRecoveries() {
    return List.of(
        recovered("maya", "sam", 1, List.of(2, 4), FIVE_RECOVERIES_OPEN),
        recovered("maya", "lea", 2, List.of(3, 4), FIVE_RECOVERIES_OPEN),
        recovered("maya", "ravi", 1, List.of(2, 3, 4), FIVE_RECOVERIES_OPEN),
        recovered("omar", "jun", 3, List.of(3, 5), FIVE_RECOVERIES_OPEN),
        recovered("omar", "priya", 2, List.of(2, 3, 5), FIVE_RECOVERIES_OPEN));
  }

}
