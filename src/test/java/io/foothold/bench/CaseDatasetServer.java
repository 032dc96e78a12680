package io.foothold.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Foothold on a case dataset, authorization on, with the small heap the export benchmark asks for. Started once
 * per database and shared by the data-heavy benchmarks (a start costs tens of seconds on two cores); stopped when
 * another database or setting is asked for, by the last of them, or when the benchmark JVM exits.
 */
final class CaseDatasetServer {

  /** Small on purpose: a streaming export must fit; the same heap for every server of these benchmarks. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseG1GC");

  private static FootholdServer running;
  private static CaseData runningOn;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  private CaseDatasetServer() {
  }

  static synchronized boolean isRunningOn(CaseData data) {
    return running != null && runningOn == data;
  }

  static synchronized FootholdServer authorizationOn(BenchSettings settings, CaseData data) throws Exception {
    if (!isRunningOn(data)) {
      stop();
      running = start(settings, data, "authorization-on", List.of());
      runningOn = data;
    }
    return running;
  }

  /** The same server with Camunda's authorization checks off: the baseline for what the checks cost. Close it after use. */
  static FootholdServer authorizationOff(BenchSettings settings, CaseData data) throws Exception {
    stop();
    return start(settings, data, "authorization-off", List.of("--camunda.bpm.authorization.enabled=false"));
  }

  /** The same server computing HR's analytics for every request instead of serving figures up to five minutes old. Close it after use. */
  static FootholdServer analyticsComputedPerRequest(BenchSettings settings, CaseData data) throws Exception {
    stop();
    return start(settings, data, "analytics-per-request", List.of("--foothold.analytics.max-age=0s"));
  }

  private static FootholdServer start(BenchSettings settings, CaseData data, String name, List<String> more) throws Exception {
    List<String> properties = new ArrayList<>(data.serverProperties());
    properties.addAll(more);
    return FootholdServer.start(settings, "cases-" + data.label().toLowerCase() + "-" + name, JVM_OPTIONS, properties,
        data.password());
  }

  static synchronized void stop() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
      runningOn = null;
    }
  }
}
