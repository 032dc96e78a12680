package io.foothold.bench;

/**
 * One measured figure next to its baseline from the same run. {@code ratio} is always foothold / baseline;
 * {@code better} says which direction is good ("higher" for throughput, "lower" for latency, memory, time),
 * so a reader knows whether 1.2 is a gain or a cost. {@code target} is the goal in words (may be
 * null) and {@code targetMet} whether this run met it (null when there is no target).
 */
public record Figure(String benchmark, String metric, String unit, double foothold, String baselineName, double baseline,
    String better, String target, Boolean targetMet) {

  public double ratio() {
    return baseline == 0 ? Double.NaN : foothold / baseline;
  }

  public static Figure higherIsBetter(String benchmark, String metric, String unit, double foothold, String baselineName,
      double baseline, String target, Boolean targetMet) {
    return new Figure(benchmark, metric, unit, foothold, baselineName, baseline, "higher", target, targetMet);
  }

  /** Lower is better, and the target is a ratio to the baseline: at most {@code maxRatio}. */
  public static Figure ratioAtMost(String benchmark, String metric, String unit, double foothold, String baselineName,
      double baseline, double maxRatio) {
    return lowerIsBetter(benchmark, metric, unit, foothold, baselineName, baseline, "ratio <= " + maxRatio,
        baseline > 0 && foothold / baseline <= maxRatio);
  }

  public static Figure lowerIsBetter(String benchmark, String metric, String unit, double foothold, String baselineName,
      double baseline, String target, Boolean targetMet) {
    return new Figure(benchmark, metric, unit, foothold, baselineName, baseline, "lower", target, targetMet);
  }
}
