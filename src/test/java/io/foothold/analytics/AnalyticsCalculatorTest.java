package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.foothold.analytics.AuditAnalytics.ConfidencePoint;
import io.foothold.analytics.AuditAnalytics.MonthCount;
import io.foothold.analytics.AuditAnalytics.PhaseTime;
import io.foothold.analytics.AuditAnalytics.SupportOutcome;
import io.foothold.casefile.StepMedian;

/** The analytics arithmetic and the privacy rule (no group under five cases is shown) on hand-made cases. */
class AnalyticsCalculatorTest {

  private static final Instant AS_OF = Instant.parse("2026-12-06T12:00:00Z");

  static final Instant NOV = Instant.parse("2026-11-03T09:00:00Z");
  static final Instant DEC = Instant.parse("2026-12-02T09:00:00Z");
  static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void fiveRecoveredCasesAreShownWithTheirMedianAndP90() {
    List<CaseFacts> cases = new ArrayList<>();
    int[] daysToRecover = {10, 20, 30, 40, 50};
    for (int i = 0; i < 5; i++) {
      cases.add(recovered("c" + i, NOV, daysToRecover[i], List.of("paired-work"), List.of(2.0, 3.0 + i)));
    }

    AuditAnalytics analytics = AnalyticsCalculator.compute(cases, List.of(new StepMedian("Task_CalmDebrief", "Hold a calm debrief", 5, 3 * DAY)), AS_OF);

    assertThat(analytics.minimumGroupSize()).isEqualTo(5);
    assertThat(analytics.timeToRecoveryDays()).isEqualTo(new AuditAnalytics.RecoveryTime(30.0, 50.0, 5, false));
    assertThat(analytics.casesOpenedPerMonth()).containsExactly(new MonthCount("2026-11", 5, false));
    assertThat(analytics.timeInPhaseDays()).containsExactly(new PhaseTime("Task_CalmDebrief", "Hold a calm debrief", 3.0, 5, false));
    assertThat(analytics.escalationRate()).isEqualTo(new AuditAnalytics.EscalationRate(0.0, 5, false));
    assertThat(analytics.supportsChosen()).containsExactly(new SupportOutcome("paired-work", 5, 5, false));
    assertThat(analytics.confidenceTrend()).containsExactly(
        new ConfidencePoint(1, 2.0, 5, false),
        new ConfidencePoint(2, 5.0, 5, false));
  }

  @Test
  void everyAggregateOverFewerThanFiveCasesIsSuppressed() {
    List<CaseFacts> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(recovered("c" + i, NOV, 10 + i, List.of("paired-work"), List.of(3.0)));
    }

    AuditAnalytics analytics = AnalyticsCalculator.compute(cases, List.of(new StepMedian("Task_CalmDebrief", null, 4, DAY)), AS_OF);

    assertThat(analytics.timeToRecoveryDays()).isEqualTo(new AuditAnalytics.RecoveryTime(null, null, null, true));
    assertThat(analytics.escalationRate()).isEqualTo(new AuditAnalytics.EscalationRate(null, null, true));
    assertThat(analytics.casesOpenedPerMonth()).containsExactly(new MonthCount("2026-11", null, true));
    assertThat(analytics.casesClosedPerMonth()).allSatisfy(month -> assertThat(month.suppressed()).isTrue())
        .allSatisfy(month -> assertThat(month.count()).isNull());
    assertThat(analytics.timeInPhaseDays()).containsExactly(new PhaseTime("Task_CalmDebrief", "Task_CalmDebrief", null, null, true));
    assertThat(analytics.supportsChosen()).containsExactly(new SupportOutcome("paired-work", null, null, true));
    assertThat(analytics.confidenceTrend()).containsExactly(new ConfidencePoint(1, null, null, true));
  }

  @Test
  void eachGroupIsJudgedOnItsOwnSize() {
    List<CaseFacts> cases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // three check-ins for one case only: the third point is a group of one
      List<Double> ratings = i == 0 ? List.of(2.0, 3.0, 4.0) : List.of(2.0, 4.0);
      List<String> supports = i < 4 ? List.of("paired-work", "calm-debrief") : List.of("paired-work", "private-correction");
      cases.add(recovered("r" + i, NOV, 20, supports, ratings));
    }
    for (int i = 0; i < 4; i++) {
      cases.add(open("o" + i, DEC));
    }
    // a closed escalated case that chose paired-work too: counted in "cases", not in "recovered"
    cases.add(new CaseFacts("e", DEC, DEC.plus(Duration.ofDays(3)), "escalated", true, List.of("paired-work"), List.of()));

    AuditAnalytics analytics = AnalyticsCalculator.compute(cases, List.of(), AS_OF);

    assertThat(analytics.casesOpenedPerMonth()).containsExactly(new MonthCount("2026-11", 5, false), new MonthCount("2026-12", 5, false));
    assertThat(analytics.casesClosedPerMonth()).containsExactly(new MonthCount("2026-11", 5, false), new MonthCount("2026-12", null, true));
    assertThat(analytics.escalationRate()).isEqualTo(new AuditAnalytics.EscalationRate(0.1, 10, false));
    assertThat(analytics.timeToRecoveryDays().suppressed()).isFalse();
    assertThat(analytics.supportsChosen()).containsExactly(
        new SupportOutcome("paired-work", 6, 5, false),
        new SupportOutcome("calm-debrief", null, null, true),
        new SupportOutcome("private-correction", null, null, true));
    assertThat(analytics.confidenceTrend()).containsExactly(
        new ConfidencePoint(1, 2.0, 5, false),
        new ConfidencePoint(2, 3.8, 5, false),
        new ConfidencePoint(3, null, null, true));
  }

  @Test
  void escalatedFlagOrOutcomeBothCountAsEscalation() {
    List<CaseFacts> cases = new ArrayList<>();
    cases.add(escalated("a", NOV));
    cases.add(new CaseFacts("b", NOV, null, null, true, List.of(), List.of()));
    for (int i = 0; i < 3; i++) {
      cases.add(open("o" + i, NOV));
    }

    assertThat(AnalyticsCalculator.compute(cases, List.of(), AS_OF).escalationRate()).isEqualTo(new AuditAnalytics.EscalationRate(0.4, 5, false));
  }

  @Test
  void timeInPhaseGivesEachStepsMedianInDaysInTheOrderTheStepsCome() {
    List<StepMedian> steps = List.of(new StepMedian("Task_CalmDebrief", "Hold a calm debrief", 7, 1.5 * DAY),
        new StepMedian("Task_CheckIn", "Check in", 5, 6 * DAY + DAY / 3));

    assertThat(AnalyticsCalculator.compute(List.of(), steps, AS_OF).timeInPhaseDays()).containsExactly(
        new PhaseTime("Task_CalmDebrief", "Hold a calm debrief", 1.5, 7, false),
        new PhaseTime("Task_CheckIn", "Check in", 6.33, 5, false));
  }

  @Test
  void noCasesAtAllShowNothing() {
    AuditAnalytics analytics = AnalyticsCalculator.compute(List.of(), List.of(), AS_OF);
    assertThat(analytics.casesOpenedPerMonth()).isEmpty();
    assertThat(analytics.timeToRecoveryDays().suppressed()).isTrue();
    assertThat(analytics.escalationRate().suppressed()).isTrue();
    assertThat(analytics.confidenceTrend()).isEmpty();
  }

  static CaseFacts recovered(String id, Instant opened, int days, List<String> supports, List<Double> ratings) {
    return new CaseFacts(id, opened, opened.plus(Duration.ofDays(days)), "recovered", false, supports, ratings);
  }

  static CaseFacts open(String id, Instant opened) {
    return new CaseFacts(id, opened, null, null, false, List.of(), List.of());
  }

  static CaseFacts escalated(String id, Instant opened) {
    return new CaseFacts(id, opened, opened.plus(Duration.ofDays(3)), "escalated", false, List.of(), List.of());
  }
}
