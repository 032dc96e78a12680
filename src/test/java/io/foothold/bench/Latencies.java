package io.foothold.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Recorded durations (nanoseconds) and their percentiles, exact (nearest rank over all samples, no buckets).
 * Not thread-safe: give each client thread its own and {@link #addAll} them afterwards.
 */
public final class Latencies {

  private long[] nanos = new long[1024];
  private int count;

  public void record(long durationNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = durationNanos;
  }

  public void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      record(other.nanos[i]);
    }
  }

  public int count() {
    return count;
  }

  /** The p-th percentile (0 &lt; p ≤ 100) in milliseconds: the smallest sample at or above p percent of all samples. */
  public double percentileMillis(double p) {
    if (count == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  public double p50() {
    return percentileMillis(50);
  }

  public double p95() {
    return percentileMillis(95);
  }

  public double p99() {
    return percentileMillis(99);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms", count, p50(), p95(), p99());
  }
}
