package io.foothold.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.foothold.analytics.AuditAnalytics.ConfidencePoint;
import io.foothold.analytics.AuditAnalytics.EscalationRate;
import io.foothold.analytics.AuditAnalytics.MonthCount;
import io.foothold.analytics.AuditAnalytics.PhaseTime;
import io.foothold.analytics.AuditAnalytics.RecoveryTime;
import io.foothold.analytics.AuditAnalytics.SupportOutcome;
import io.foothold.casefile.StepMedian;

/**
 * Turns the facts of many cases into HR's analytics. Pure: no engine, so the statistics and the privacy rule
 * are tested on plain data. Which cases count where:
 * opened per month — every case; closed per month, time in phase (medians taken in the database), supports — closed cases;
 * time to recovery — closed cases with outcome recovered; escalation rate and confidence trend — every case.
 */
final class AnalyticsCalculator {

  /** Below this many cases an aggregate is not shown: small groups could point at a person. */
  static final int MINIMUM_GROUP_SIZE = 5;

  private static final double MILLIS_PER_DAY = 24.0 * 3600 * 1000;

  private AnalyticsCalculator() {
  }

  static AuditAnalytics compute(List<CaseFacts> cases, List<StepMedian> stepsOfClosedCases, Instant asOf) {
    List<CaseFacts> byOpening = cases.stream().sorted(Comparator.comparing(CaseFacts::openedAt)).toList();
    List<CaseFacts> closed = byOpening.stream().filter(CaseFacts::closed).toList();
    return new AuditAnalytics(MINIMUM_GROUP_SIZE,
        perMonth(byOpening, CaseFacts::openedAt),
        perMonth(closed, CaseFacts::closedAt),
        timeInPhase(stepsOfClosedCases),
        timeToRecovery(closed),
        escalationRate(byOpening),
        supportsChosen(closed),
        confidenceTrend(byOpening),
        asOf);
  }

  private static List<MonthCount> perMonth(List<CaseFacts> cases, Function<CaseFacts, Instant> when) {
    Map<String, Integer> counts = new TreeMap<>();
    for (CaseFacts c : cases) {
      counts.merge(YearMonth.from(when.apply(c).atZone(ZoneOffset.UTC)).toString(), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .map(e -> unlessTooFew(e.getValue(),
            () -> new MonthCount(e.getKey(), e.getValue(), false),
            () -> new MonthCount(e.getKey(), null, true)))
        .toList();
  }

  /** Medians come taken over the closed cases (each case's visits added up); here they become days, or hidden. */
  private static List<PhaseTime> timeInPhase(List<StepMedian> steps) {
    return steps.stream().map(step -> {
      String name = step.name() == null ? step.activityId() : step.name();
      return unlessTooFew(step.cases(),
          () -> new PhaseTime(step.activityId(), name, Statistics.round(step.medianMillis() / MILLIS_PER_DAY, 2), step.cases(), false),
          () -> new PhaseTime(step.activityId(), name, null, null, true));
    }).toList();
  }

  private static RecoveryTime timeToRecovery(List<CaseFacts> closed) {
    List<Double> days = closed.stream().filter(CaseFacts::recovered)
        .map(c -> (c.closedAt().toEpochMilli() - c.openedAt().toEpochMilli()) / MILLIS_PER_DAY)
        .toList();
    return unlessTooFew(days.size(),
        () -> new RecoveryTime(Statistics.round(Statistics.median(days), 2), Statistics.round(Statistics.percentile(days, 90), 2), days.size(), false),
        () -> new RecoveryTime(null, null, null, true));
  }

  private static EscalationRate escalationRate(List<CaseFacts> all) {
    long escalated = all.stream().filter(CaseFacts::wasEscalated).count();
    return unlessTooFew(all.size(),
        () -> new EscalationRate(Statistics.round((double) escalated / all.size(), 3), all.size(), false),
        () -> new EscalationRate(null, null, true));
  }

  private static List<SupportOutcome> supportsChosen(List<CaseFacts> closed) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (CaseFacts c : closed) {
      for (String support : new LinkedHashSet<>(c.chosenSupports())) {
        int[] n = counts.computeIfAbsent(support, s -> new int[2]);
        n[0]++;
        n[1] += c.recovered() ? 1 : 0;
      }
    }
    return counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
        .map(e -> unlessTooFew(e.getValue()[0],
            () -> new SupportOutcome(e.getKey(), e.getValue()[0], e.getValue()[1], false),
            () -> new SupportOutcome(e.getKey(), null, null, true)))
        .toList();
  }

  private static List<ConfidencePoint> confidenceTrend(List<CaseFacts> all) {
    int longest = all.stream().mapToInt(c -> c.confidenceRatings().size()).max().orElse(0);
    List<ConfidencePoint> points = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      int index = i;
      List<Double> ratings = all.stream().filter(c -> c.confidenceRatings().size() > index)
          .map(c -> c.confidenceRatings().get(index)).filter(Objects::nonNull).toList();
      points.add(unlessTooFew(ratings.size(),
          () -> new ConfidencePoint(index + 1, Statistics.round(Statistics.mean(ratings), 2), ratings.size(), false),
          () -> new ConfidencePoint(index + 1, null, null, true)));
    }
    return points;
  }

  /**
   * The privacy rule, in one place: an aggregate over fewer than {@link #MINIMUM_GROUP_SIZE} cases is replaced by
   * its suppressed form (numbers null, suppressed true). Every aggregate above goes through here.
   */
  static <T> T unlessTooFew(int cases, Supplier<T> aggregate, Supplier<T> suppressed) {
    return cases < MINIMUM_GROUP_SIZE ? suppressed.get() : aggregate.get();
  }
}
