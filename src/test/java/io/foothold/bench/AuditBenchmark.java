package io.foothold.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * HR's audit with the case dataset's completed cases in history, against the server HR would use (authorization on,
 * -Xmx256m), on each selected database.
 * <ul>
 * <li>One case's timeline, {@code GET /api/audit/cases/{id}} as hana (HTTP Basic), one request at a time over a
 * fixed sample of completed cases; baseline: plain SQL reads of the same history rows over JDBC, what the timeline is
 * built from. Target: p95 at most 1.2 x the baseline's.</li>
 * <li>The CSV export of the newest 1,000 and 10,000 completed cases ({@code GET /api/audit/cases.csv?state=closed&openedFrom=…}):
 * rows/s, baseline a plain SQL read of the same cases' case-file rows (FH_CASE, what the export reads), and the server's
 * heap while it exports. Heap: the benchmark attaches to the server JVM (JMX through the Attach API), and every 500
 * rows it reads (a tenth of the export, if less) it pauses, forces a full GC in the server and samples the heap still
 * in use; the highest sample above the heap in use just before the request is what the export keeps alive. Flat
 * memory: about the same at 1,000 and 10,000.</li>
 * <li>HR's analytics over every case, {@code GET /api/audit/analytics}, as served (figures at most five minutes old): p95, target
 * at most 200 ms; and what computing them once costs.</li>
 * </ul>
 */
final class AuditBenchmark implements Benchmark {

  static final int TIMELINE_WARMUP = 50;
  static final int TIMELINES = Integer.getInteger("bench.audit.timelines", 500);
  static final int EXPORT_ROUNDS = 3;
  /** The target: a timeline's p95 at most 1.2 x the plain SQL reads of its rows. */
  static final double TIMELINE_TARGET_RATIO = 1.2;
  static final int ANALYTICS_WARMUP = 5;
  /** Requests to the server that computes the figures for each: each takes seconds at 100,000 closed cases. */
  static final int ANALYTICS_COMPUTED = Integer.getInteger("bench.audit.analytics.computed", 5);
  static final int ANALYTICS = Integer.getInteger("bench.audit.analytics", 40);
  /** The target for analytics at 100,000 closed cases (on PostgreSQL). */
  static final int ANALYTICS_TARGET_MS = 200;
  /** The target: at least 20,000 rows/s and at least as fast as a plain SQL read of the same rows. */
  static final int EXPORT_TARGET_ROWS_PER_SECOND = 20_000;

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    List<Figure> figures = new ArrayList<>();
    for (CaseData data : BenchDatabases.runningFirst(BenchDatabases.selected(settings))) {
      FootholdServer server = CaseDatasetServer.authorizationOn(settings, data);
      try (Connection sql = data.connect()) {
        long readLogBefore = CaseDataset.count(sql, "SELECT COALESCE(MAX(ID_), 0) FROM FH_AUDIT_READ_LOG");
        try {
          timeline(data, server, sql, figures);
          exports(data, server, sql, figures);
          analytics(settings, data, server, figures);
        } finally {
          // The dataset is reused: this run's read-log rows (one per view) go again.
          sql.createStatement().executeUpdate("DELETE FROM FH_AUDIT_READ_LOG WHERE ID_ > " + readLogBefore);
        }
      }
    }
    return figures;
  }

  private void timeline(CaseData data, FootholdServer server, Connection sql, List<Figure> figures) throws Exception {
    List<String> cases = data.info().timelineCases();
    HttpLoad load = new HttpLoad();
    HttpLoad.Result api = load.run(1, TIMELINE_WARMUP, TIMELINES, i -> HttpLoad.get(server.baseUrl() + "/api/audit/cases/"
        + cases.get(i % cases.size()), "hana").header("Accept", "application/json").build());
    Latencies plain = new Latencies();
    long rows = 0;
    for (int i = 0; i < TIMELINE_WARMUP + TIMELINES; i++) {
      long started = System.nanoTime();
      rows += historyRows(sql, cases.get(i % cases.size()));
      if (i >= TIMELINE_WARMUP) {
        plain.record(System.nanoTime() - started);
      }
    }
    System.out.printf("audit: %s: timeline: %s; plain SQL: %s (%.0f history rows per case)%n", data.label(), api, plain,
        rows / (double) (TIMELINE_WARMUP + TIMELINES));
    String label = data.label() + ": ";
    figures.add(Figure.lowerIsBetter(name(), label + "case timeline p50", "ms", api.latencies().p50(), "plain SQL of its rows", plain.p50(), null, null));
    figures.add(Figure.ratioAtMost(name(), label + "case timeline p95", "ms", api.latencies().p95(), "plain SQL of its rows", plain.p95(),
        TIMELINE_TARGET_RATIO));
  }

  /**
   * HR's analytics ({@code GET /api/audit/analytics}) over every case, one request at a time, as HR gets it: figures
   * at most five minutes old, served from memory (the target's row). Then what one computation of them costs: a server
   * that computes them for every request ({@code foothold.analytics.max-age=0s}), a few requests. Baseline for both: a
   * plain SQL read of every row of the case file, the least any figure over all cases has to read. Last of the audit
   * rows: it stops the shared server.
   */
  private void analytics(BenchSettings settings, CaseData data, FootholdServer server, List<Figure> figures) throws Exception {
    HttpLoad.Result served = analyticsRequests(server, ANALYTICS);
    Latencies plain = SqlReads.run(data, 1, ANALYTICS_WARMUP, ANALYTICS, (sql, i) -> SqlReads.rows(sql, "SELECT * FROM FH_CASE"));
    System.out.printf("audit: %s: analytics served (%,d closed cases): %s; plain SQL of the case file: %s%n", data.label(),
        data.info().completedCases(), served, plain);
    figures.add(Figure.lowerIsBetter(name(), String.format("%s: analytics served, %,d closed cases, p95", data.label(),
        data.info().completedCases()), "ms", served.latencies().p95(), "plain SQL of the case file", plain.p95(),
        "p95 <= " + ANALYTICS_TARGET_MS + " ms", served.latencies().p95() <= ANALYTICS_TARGET_MS));
    try (FootholdServer computing = CaseDatasetServer.analyticsComputedPerRequest(settings, data)) {
      HttpLoad.Result computed = analyticsRequests(computing, ANALYTICS_COMPUTED);
      System.out.printf("audit: %s: analytics computed per request: %s%n", data.label(), computed);
      figures.add(Figure.lowerIsBetter(name(), String.format("%s: analytics computed, %,d closed cases, p50", data.label(),
          data.info().completedCases()), "ms", computed.latencies().p50(), "plain SQL of the case file", plain.p50(), null, null));
    }
  }

  private static HttpLoad.Result analyticsRequests(FootholdServer server, int measured) throws Exception {
    return new HttpLoad().run(1, ANALYTICS_WARMUP, measured, i -> HttpLoad.get(server.baseUrl() + "/api/audit/analytics", "hana")
        .header("Accept", "application/json").build());
  }

  /** The rows a timeline is made of (its case-file row and its history), read with plain SQL; answers how many. */
  private static long historyRows(Connection sql, String caseId) throws SQLException {
    List<String> instances = column(sql, "SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = ?", caseId);
    // the case's summary is its case-file row
    long rows = instances.size() + SqlReads.rows(sql, "SELECT * FROM FH_CASE WHERE CASE_ID_ = ?", caseId);
    for (String instance : instances) {
      rows += SqlReads.rows(sql, "SELECT * FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?", instance);
      rows += SqlReads.rows(sql, "SELECT * FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ = ? AND OPERATION_TYPE_ = 'Complete'", instance);
      rows += SqlReads.rows(sql, "SELECT * FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?", instance);
      rows += SqlReads.rows(sql, "SELECT L.* FROM ACT_HI_IDENTITYLINK L JOIN ACT_HI_TASKINST T ON T.ID_ = L.TASK_ID_ WHERE T.PROC_INST_ID_ = ? "
          + "AND L.TYPE_ = 'assignee' AND L.OPERATION_TYPE_ = 'add'", instance);
      rows += SqlReads.rows(sql, "SELECT * FROM ACT_HI_DECINST WHERE PROC_INST_ID_ = ?", instance);
      rows += SqlReads.rows(sql, "SELECT I.* FROM ACT_HI_DEC_IN I JOIN ACT_HI_DECINST D ON D.ID_ = I.DEC_INST_ID_ WHERE D.PROC_INST_ID_ = ?", instance);
      rows += SqlReads.rows(sql, "SELECT O.* FROM ACT_HI_DEC_OUT O JOIN ACT_HI_DECINST D ON D.ID_ = O.DEC_INST_ID_ WHERE D.PROC_INST_ID_ = ?", instance);
      rows += SqlReads.rows(sql, "SELECT D.*, B.BYTES_ FROM ACT_HI_DETAIL D LEFT JOIN ACT_GE_BYTEARRAY B ON B.ID_ = D.BYTEARRAY_ID_ "
          + "WHERE D.PROC_INST_ID_ = ? AND D.TYPE_ = 'VariableUpdate' ORDER BY D.TIME_", instance);
      rows += SqlReads.rows(sql, "SELECT * FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", instance);
    }
    return rows;
  }

  private void exports(CaseData data, FootholdServer server, Connection sql, List<Figure> figures) throws Exception {
    List<Integer> sizes = new ArrayList<>(data.info().exportOpenedFrom().keySet());
    int small = sizes.get(0);
    int large = sizes.get(1);
    try (HeapProbe heap = new HeapProbe(server.pid())) {
      // Warm-up: on a busy two-core machine the server's JIT is still compiling minutes after start.
      for (int round = 0; round < EXPORT_ROUNDS; round++) {
        export(server, data, large, null);
      }
      double[] smallRun = bestOf(server, data, small, heap);
      double[] largeRun = bestOf(server, data, large, heap);
      double plainRate = 0;
      for (int round = 0; round < EXPORT_ROUNDS; round++) {
        plainRate = Math.max(plainRate, plainExport(sql, data, large));
      }
      System.out.printf("audit: %s: export %,d rows: %.0f rows/s, heap kept %.1f MiB; %,d rows: %.0f rows/s, heap kept %.1f MiB; "
          + "plain SQL %.0f rows/s%n", data.label(), small, smallRun[0], smallRun[1], large, largeRun[0], largeRun[1], plainRate);
      String label = data.label() + ": ";
      figures.add(Figure.higherIsBetter(name(), String.format("%sCSV export %,d cases", label, large), "rows/s", largeRun[0],
          "plain SQL of its case-file rows", plainRate, String.format(">= %,d rows/s and ratio >= 1.0", EXPORT_TARGET_ROWS_PER_SECOND),
          largeRun[0] >= EXPORT_TARGET_ROWS_PER_SECOND && largeRun[0] >= plainRate));
      figures.add(Figure.lowerIsBetter(name(), String.format("%sCSV export %,d: server heap kept", label, large), "MiB", largeRun[1],
          String.format("same, %,d cases", small), smallRun[1], String.format("flat: <= 2x the %,d-case figure + 8 MiB", small),
          largeRun[1] <= 2 * smallRun[1] + 8));
    }
  }

  /** Best rows/s and highest heap kept alive over the rounds. */
  private double[] bestOf(FootholdServer server, CaseData data, int rows, HeapProbe heap) throws Exception {
    double rate = 0;
    double kept = 0;
    for (int round = 0; round < EXPORT_ROUNDS; round++) {
      double[] run = export(server, data, rows, null);
      rate = Math.max(rate, run[0]);
      kept = Math.max(kept, export(server, data, rows, heap)[1]);
    }
    return new double[] {rate, kept};
  }

  /**
   * One export as HR's client reads it (line by line, streamed). Without a probe: rows/s. With one: the run is for
   * memory only (sampling pauses the reader), answering the heap kept alive in MiB.
   */
  private static double[] export(FootholdServer server, CaseData data, int expected, HeapProbe heap) throws Exception {
    String url = server.baseUrl() + "/api/audit/cases.csv?state=closed&openedFrom=" + data.info().exportOpenedFrom().get(expected);
    HttpRequest request = HttpLoad.get(url, "hana").build();
    long idle = heap == null ? 0 : heap.usedAfterGc();
    long peak = 0;
    long started = System.nanoTime();
    HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofInputStream());
    int rows = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("export answered " + response.statusCode() + ": " + lines.readLine());
      }
      lines.readLine(); // header
      while (lines.readLine() != null) {
        if (++rows % sampleEvery(expected) == 0 && heap != null) {
          peak = Math.max(peak, heap.usedAfterGc() - idle);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (rows != expected) {
      throw new IllegalStateException("export of " + expected + " cases gave " + rows + " rows");
    }
    return new double[] {rows / seconds, peak / 1048576.0};
  }

  /** Ten samples per export at least (a page of 500 rows is what the server holds at a time), one per page at most. */
  private static int sampleEvery(int rows) {
    return Math.max(1, Math.min(500, rows / 10));
  }

  /**
   * The rows the export prints, read with plain SQL: the same cases' rows of the case file (FH_CASE, every column),
   * newest first as the export orders them, in one statement; answers rows/s.
   */
  private static double plainExport(Connection sql, CaseData data, int expected) throws SQLException {
    long from = Instant.parse(data.info().exportOpenedFrom().get(expected)).toEpochMilli();
    long started = System.nanoTime();
    long rows = SqlReads.rows(sql, "SELECT * FROM FH_CASE WHERE CLOSED_MILLIS_ IS NOT NULL AND OPENED_MILLIS_ >= ? "
        + "ORDER BY OPENED_MILLIS_ DESC, CASE_ID_", from);
    if (rows != expected) {
      throw new IllegalStateException("plain read of " + expected + " cases gave " + rows);
    }
    return rows / ((System.nanoTime() - started) / 1e9);
  }

  private static List<String> column(Connection sql, String query, String parameter) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = sql.prepareStatement(query)) {
      statement.setString(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  /** The server JVM's heap, through JMX over the Attach API (local only, no port). */
  private static final class HeapProbe implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    HeapProbe(long pid) throws Exception {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try {
        connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
      } finally {
        vm.detach();
      }
      memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME,
          MemoryMXBean.class);
    }

    long usedAfterGc() {
      memory.gc();
      return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws Exception {
      connector.close();
    }
  }
}
