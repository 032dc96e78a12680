package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** Figures computed at most once per max age, refreshed in the background, never lost to a failed refresh. */
class SnapshotTest {

  private static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T09:00:00Z"));
  private final Queue<Runnable> background = new ArrayDeque<>();
  private final Executor queued = background::add;
  /** When each computation ran (the moment it was asked to describe). */
  private final List<Instant> computations = new ArrayList<>();
  private boolean failNext;

  private final Snapshot<String> snapshot = new Snapshot<>("figures", at -> {
    if (failNext) {
      failNext = false;
      throw new IllegalStateException("database gone");
    }
    computations.add(at);
    return "figures as of " + at;
  }, MAX_AGE, clock, queued);

  @Test
  void theFirstReaderWaitsForTheFiguresAndLaterReadersWithinTheMaxAgeGetThemFromMemory() {
    String first = snapshot.get();

    clock.move(MAX_AGE);
    String second = snapshot.get();

    assertThat(first).isEqualTo("figures as of 2026-12-06T09:00:00Z");
    assertThat(second).isSameAs(first);
    assertThat(computations).hasSize(1);
    assertThat(background).isEmpty();
  }

  @Test
  void olderFiguresAreServedWhileOneRefreshRunsInTheBackground() {
    snapshot.get();
    clock.move(MAX_AGE.plusSeconds(1));

    String whileStale = snapshot.get();
    String alsoWhileStale = snapshot.get();

    assertThat(whileStale).isEqualTo(alsoWhileStale).isEqualTo("figures as of 2026-12-06T09:00:00Z");
    assertThat(background).as("one refresh, however many readers").hasSize(1);

    background.poll().run();

    assertThat(snapshot.get()).isEqualTo("figures as of 2026-12-06T09:05:01Z");
    assertThat(computations).hasSize(2);
  }

  @Test
  void aFailedRefreshKeepsTheOlderFiguresAndTheNextStaleReadTriesAgain() {
    snapshot.get();
    clock.move(MAX_AGE.plusSeconds(1));
    failNext = true;

    snapshot.get();
    background.poll().run();

    assertThat(snapshot.get()).isEqualTo("figures as of 2026-12-06T09:00:00Z");
    assertThat(background).as("a new refresh after the failure").hasSize(1);
    background.poll().run();
    assertThat(snapshot.get()).isEqualTo("figures as of 2026-12-06T09:05:01Z");
  }

  @Test
  void aRefreshAtStartUpSparesTheFirstReaderTheWait() {
    snapshot.refreshInBackground();
    background.poll().run();

    assertThat(snapshot.get()).isEqualTo("figures as of 2026-12-06T09:00:00Z");
    assertThat(computations).hasSize(1);
  }

  @Test
  void aZeroMaxAgeComputesForEveryReader() {
    Snapshot<String> always = new Snapshot<>("figures", at -> {
      computations.add(at);
      return "figures";
    }, Duration.ZERO, clock, queued);

    always.get();
    always.get();
    always.refreshInBackground();

    assertThat(computations).hasSize(2);
    assertThat(background).isEmpty();
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
