package io.foothold.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HR's analytics and step picture as {@link Snapshot}s at most {@code foothold.analytics.max-age} old (default five
 * minutes). Not computed at start-up: every node start would read ~1 million rows for a page few open; the first
 * HR reader after a start waits for one computation. One background thread: a refresh of one waits for the other's.
 */
@Component
class AnalyticsSnapshots implements DisposableBean {

  private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "foothold-analytics");
    thread.setDaemon(true);
    return thread;
  });
  private final Snapshot<AuditAnalytics> analytics;
  private final Snapshot<List<StepFlow>> steps;

  AnalyticsSnapshots(AnalyticsService service, StepFlows flows, @Value("${foothold.analytics.max-age:5m}") Duration maxAge) {
    analytics = new Snapshot<>("HR's analytics", service::analytics, maxAge, Clock.systemUTC(), background);
    steps = new Snapshot<>("HR's step picture", at -> flows.all(), maxAge, Clock.systemUTC(), background);
  }

  AuditAnalytics analytics() {
    return analytics.get();
  }

  List<StepFlow> steps() {
    return steps.get();
  }

  @Override
  public void destroy() {
    background.shutdownNow();
  }
}
