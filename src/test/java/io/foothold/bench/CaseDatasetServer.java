package io.foothold.bench;

import java.util.List;

/**
 * Foothold on the case dataset, authorization on, with the small heap the export benchmark asks for. Started once
 * and shared by the tasklist and audit benchmarks (a start costs tens of seconds on two cores); stopped by the
 * last of them or when the benchmark JVM exits.
 */
final class CaseDatasetServer {

  /** Small on purpose: a streaming export must fit; the same heap for every server of these benchmarks. */
  static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseG1GC");

  private static FootholdServer running;

  private CaseDatasetServer() {
  }

  /**
   * H2 in a file that a second process may open too (the SQL baselines read through the server's H2), with the
   * embedded default's settings (application.yaml). H2 refuses AUTO_SERVER with DB_CLOSE_ON_EXIT=FALSE, so this URL
   * has only the former.
   */
  static String jdbcUrl(CaseDataset data) {
    return "jdbc:h2:file:" + data.databaseBase() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";
  }

  static synchronized FootholdServer authorizationOn(BenchSettings settings, CaseDataset data) throws Exception {
    if (running == null) {
      running = FootholdServer.start(settings, "cases-authorization-on", jdbcUrl(data), JVM_OPTIONS, List.of());
      FootholdServer server = running;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    return running;
  }

  /** The same server with Camunda's authorization checks off: the baseline for what the checks cost. */
  static FootholdServer authorizationOff(BenchSettings settings, CaseDataset data) throws Exception {
    stop();
    return FootholdServer.start(settings, "cases-authorization-off", jdbcUrl(data), JVM_OPTIONS,
        List.of("--camunda.bpm.authorization.enabled=false"));
  }

  static synchronized void stop() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
