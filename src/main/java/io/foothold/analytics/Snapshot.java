package io.foothold.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures over every case, computed at most once per {@code maxAge} and served from memory in between: at 100,000
 * closed cases computing them reads ~1 million rows, far too slow to do for every page view. A reader gets the
 * latest figures at once; when they are older than {@code maxAge}, one refresh starts in the background and the
 * reader still gets the older ones (so figures are at most {@code maxAge} plus one computation old). Only the very
 * first reader waits (or, when a refresh already runs, waits for it instead of computing twice). A zero {@code maxAge} computes for every reader (tests that count what they just did).
 */
final class Snapshot<T> {

  private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

  private final String name;
  /** Computes the figures as of the given moment. */
  private final Function<Instant, T> compute;
  private final Duration maxAge;
  private final Clock clock;
  private final Executor background;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Computed<T> latest;

  Snapshot(String name, Function<Instant, T> compute, Duration maxAge, Clock clock, Executor background) {
    this.name = name;
    this.compute = compute;
    this.maxAge = maxAge;
    this.clock = clock;
    this.background = background;
  }

  T get() {
    if (maxAge.isZero()) {
      return compute.apply(clock.instant());
    }
    Computed<T> served = latest;
    if (served == null) {
      synchronized (this) {
        if (latest == null) {
          latest = computeNow();
        }
        return latest.value;
      }
    }
    if (served.at.plus(maxAge).isBefore(clock.instant())) {
      refreshInBackground();
    }
    return served.value;
  }

  /** Starts a refresh unless one runs already. */
  void refreshInBackground() {
    if (maxAge.isZero() || !refreshing.compareAndSet(false, true)) {
      return;
    }
    background.execute(() -> {
      try {
        // under the first reader's lock: a reader arriving before any figures waits for these instead of computing twice
        synchronized (this) {
          latest = computeNow();
        }
      } catch (RuntimeException e) {
        // the older figures stay; the next reader after maxAge tries again
        LOG.warn("Computing {} failed; the figures from {} are still served", name, latest == null ? "nowhere" : latest.at, e);
      } finally {
        refreshing.set(false);
      }
    });
  }

  private Computed<T> computeNow() {
    Instant at = clock.instant();
    long started = System.nanoTime();
    T value = compute.apply(at);
    LOG.debug("{} computed in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    return new Computed<>(at, value);
  }

  private record Computed<T>(Instant at, T value) {
  }
}
