package io.foothold.analytics;

import java.util.List;

/** The few statistics HR's analytics uses, on plain numbers. */
final class Statistics {

  private Statistics() {
  }

  /** The middle value; for an even count the mean of the two middle values. Null for no values. */
  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the values at or
   * below it (so p90 of ten values is the ninth smallest). Null for no values.
   */
  static Double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return null;
    }
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in 1..100: " + p);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  static Double mean(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  static Double round(Double value, int decimals) {
    if (value == null) {
      return null;
    }
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
