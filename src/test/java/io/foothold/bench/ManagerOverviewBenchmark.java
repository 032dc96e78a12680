package io.foothold.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The manager's case overview ({@code GET /api/my/cases}) as her browser asks for it — signed in to Tasklist, the
 * session cookie on every request — for the dataset's busiest manager ({@link CaseDataset#BUSY_MANAGER}, 200 open
 * cases in the full dataset), from 1 and from 8 concurrent clients, authorization on. Baseline: a plain SQL read of
 * her rows in the case file (FH_CASE), with as many readers.
 */
final class ManagerOverviewBenchmark implements Benchmark {

  static final int WARMUP = 50;
  static final int MEASURED = Integer.getInteger("bench.overview.requests", 500);
  /** The targets: p95 at most 25 ms for one client, 100 ms for 8. */
  static final List<int[]> CLIENTS_AND_TARGET_MS = List.of(new int[] {1, 25}, new int[] {8, 100});

  @Override
  public String name() {
    return "overview";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    List<Figure> figures = new ArrayList<>();
    for (CaseData data : BenchDatabases.runningFirst(BenchDatabases.selected(settings))) {
      String manager = data.info().busyManager();
      long open;
      try (Connection sql = data.connect()) {
        open = CaseDataset.count(sql, "SELECT COUNT(*) FROM FH_CASE WHERE CLOSED_MILLIS_ IS NULL AND MANAGER_ = '" + manager + "'");
      }
      FootholdServer server = CaseDatasetServer.authorizationOn(settings, data);
      WebappSession session = WebappSession.signIn(server.baseUrl(), manager, "demo");
      HttpLoad load = new HttpLoad();
      for (int[] clientsAndTarget : CLIENTS_AND_TARGET_MS) {
        int clients = clientsAndTarget[0];
        HttpLoad.Result api = load.run(clients, WARMUP, MEASURED, i -> session.requestTo(server.baseUrl(), "/api/my/cases")
            .header("Accept", "application/json").build());
        Latencies plain = SqlReads.run(data, clients, WARMUP, MEASURED, (sql, i) -> SqlReads.rows(sql,
            "SELECT * FROM FH_CASE WHERE MANAGER_ = ?", manager));
        System.out.printf("overview: %s: %s (%d open cases), %d clients: %s; plain SQL: %s%n", data.label(), manager, open, clients, api, plain);
        figures.add(Figure.lowerIsBetter(name(), String.format("%s: %d open cases, %d client%s p95", data.label(), open, clients,
            clients == 1 ? "" : "s"), "ms", api.latencies().p95(), "plain SQL of her case-file rows", plain.p95(),
            "p95 <= " + clientsAndTarget[1] + " ms", api.latencies().p95() <= clientsAndTarget[1]));
      }
    }
    return figures;
  }
}
