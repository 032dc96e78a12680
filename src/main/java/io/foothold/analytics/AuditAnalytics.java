package io.foothold.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The body of GET /api/audit/analytics (the JSON contract in the audit spec). Every aggregate says whether it
 * was suppressed: over fewer than {@link #minimumGroupSize} cases its numbers are {@code null} and
 * {@code suppressed} is true, so no small group of people can be singled out. {@code asOf}: the moment the figures
 * describe (they are computed at most every few minutes, see AnalyticsSnapshots).
 */
public record AuditAnalytics(
    int minimumGroupSize,
    List<MonthCount> casesOpenedPerMonth,
    List<MonthCount> casesClosedPerMonth,
    List<PhaseTime> timeInPhaseDays,
    RecoveryTime timeToRecoveryDays,
    EscalationRate escalationRate,
    List<SupportOutcome> supportsChosen,
    List<ConfidencePoint> confidenceTrend,
    Instant asOf) {

  /** Cases opened (or closed) in one calendar month, UTC, as {@code yyyy-MM}. */
  public record MonthCount(String month, Integer count, boolean suppressed) {
  }

  /** Median days a closed case spent in one user task (all its visits added up), by activity id. */
  public record PhaseTime(String phase, String name, Double medianDays, Integer cases, boolean suppressed) {
  }

  /** Days from opening to closing of the cases that ended recovered. */
  public record RecoveryTime(Double median, Double p90, Integer cases, boolean suppressed) {
  }

  /** Share of all cases that were escalated (escalated=true or outcome escalated). */
  public record EscalationRate(Double rate, Integer cases, boolean suppressed) {
  }

  /** How many closed cases chose a support, and how many of those ended recovered. */
  public record SupportOutcome(String support, Integer cases, Integer recovered, boolean suppressed) {
  }

  /** Average confidence rating at the n-th check-in (1-based) of the cases that had at least n. */
  public record ConfidencePoint(int checkIn, Double averageRating, Integer cases, boolean suppressed) {
  }
}
