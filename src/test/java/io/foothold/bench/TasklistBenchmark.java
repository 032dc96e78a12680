package io.foothold.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a manager's Tasklist asks for, with the case dataset's open cases and grants in the database, on each
 * selected database (H2, PostgreSQL). Concurrent clients on loopback, as maya and omar, send
 * <ul>
 * <li>the task query {@code GET …/task?assignee=…&sortBy=dueDate&sortOrder=asc}, and</li>
 * <li>the "My cases" filter as Tasklist reads it (HAL: with the filter's variable columns, e.g. the employee's name),</li>
 * </ul>
 * both as Tasklist sends them — signed in once, then the session cookie and the CSRF token on every request to
 * {@code /camunda/api/engine/engine/default} (the filter list as Tasklist's POST) — and through {@code /engine-rest}
 * with HTTP Basic, which checks the password and reads the caller's groups on every request. Plus
 * {@code GET /engine-rest/version} with Basic: the floor every Basic request pays. Authorization on (Foothold's
 * setting) against the same server with authorization off (the baseline). 8 clients (the target) and one
 * client: what a request costs without the queue in front of the two cores.
 */
final class TasklistBenchmark implements Benchmark {

  static final int CLIENTS = 8;
  static final int WARMUP = 400;
  /** Tasklist's own page size: a signed-in caller's list query must page (query-max-results-limit). */
  static final int PAGE = 15;
  static final int MEASURED = Integer.getInteger("bench.tasklist.requests", 2_000);
  static final int ALONE_WARMUP = 50;
  static final int ALONE_MEASURED = 300;
  /** The target for the session task query at 8 clients: p95 at most 50 ms, and at least 0.9 x as fast as authorization off. */
  static final double TARGET_P95_MS = 50;
  static final double TARGET_SPEED_VS_OFF = 0.9;
  static final String TARGET_QUERY = "task query, session";
  private static final String[] MANAGERS = {"maya", "omar"};

  @Override
  public String name() {
    return "tasklist";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    List<Figure> figures = new ArrayList<>();
    for (CaseData data : BenchDatabases.selected(settings)) {
      Map<String, HttpLoad.Result> off;
      try (FootholdServer server = CaseDatasetServer.authorizationOff(settings, data)) {
        off = measure(data, server);
      }
      Map<String, HttpLoad.Result> on = measure(data, CaseDatasetServer.authorizationOn(settings, data));
      for (String query : on.keySet()) {
        figures.addAll(figures(data.label() + ": " + query, query.equals(TARGET_QUERY + ", " + CLIENTS + " clients"), on.get(query),
            off.get(query)));
      }
    }
    return figures;
  }

  /** p95 for every query; the target's query also p50 and p99 (the log has every percentile and the throughput). */
  private List<Figure> figures(String metric, boolean target, HttpLoad.Result on, HttpLoad.Result off) {
    String baseline = "authorization off";
    if (!target) {
      return List.of(Figure.lowerIsBetter(name(), metric + " p95", "ms", on.latencies().p95(), baseline, off.latencies().p95(), null, null));
    }
    double p95 = on.latencies().p95();
    boolean met = p95 <= TARGET_P95_MS && off.latencies().p95() / p95 >= TARGET_SPEED_VS_OFF;
    return List.of(
        Figure.lowerIsBetter(name(), metric + " p50", "ms", on.latencies().p50(), baseline, off.latencies().p50(), null, null),
        Figure.lowerIsBetter(name(), metric + " p95", "ms", p95, baseline, off.latencies().p95(),
            String.format(Locale.ROOT, "p95 <= %.0f ms, ratio <= %.2f", TARGET_P95_MS, 1 / TARGET_SPEED_VS_OFF), met),
        Figure.lowerIsBetter(name(), metric + " p99", "ms", on.latencies().p99(), baseline, off.latencies().p99(), null, null),
        Figure.higherIsBetter(name(), metric + " throughput", "req/s", on.requestsPerSecond(), baseline, off.requestsPerSecond(), null, null));
  }

  private Map<String, HttpLoad.Result> measure(CaseData data, FootholdServer server) throws Exception {
    String base = server.baseUrl();
    String rest = base + "/engine-rest";
    Map<String, String> myCases = new LinkedHashMap<>();
    Map<String, WebappSession> sessions = new LinkedHashMap<>();
    for (String manager : MANAGERS) {
      myCases.put(manager, filterId(rest, manager, "My cases"));
      sessions.put(manager, WebappSession.signIn(base, manager, "demo"));
    }
    String taskQuery = "/task?assignee=%s&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=" + PAGE;
    String filterList = "/filter/%s/list?firstResult=0&maxResults=" + PAGE;
    Map<String, IntFunction<HttpRequest>> queries = new LinkedHashMap<>();
    queries.put("task query, session", i -> sessions.get(manager(i)).request(base, String.format(taskQuery, manager(i)))
        .header("Accept", "application/json").build());
    queries.put("My cases filter, session", i -> sessions.get(manager(i)).request(base, String.format(filterList, myCases.get(manager(i))))
        .header("Accept", "application/hal+json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    queries.put("task query, Basic", i -> HttpLoad.get(rest + String.format(taskQuery, manager(i)), manager(i))
        .header("Accept", "application/json").build());
    queries.put("My cases filter, Basic", i -> HttpLoad.get(rest + String.format(filterList, myCases.get(manager(i))), manager(i))
        .header("Accept", "application/hal+json").build());
    queries.put("sign-in floor (Basic /version)", i -> HttpLoad.get(rest + "/version", manager(i)).build());
    HttpLoad load = new HttpLoad();
    Map<String, HttpLoad.Result> results = new LinkedHashMap<>();
    for (var query : queries.entrySet()) {
      results.put(query.getKey() + ", " + CLIENTS + " clients", load.run(CLIENTS, WARMUP, MEASURED, query.getValue()));
    }
    for (var query : queries.entrySet()) {
      results.put(query.getKey() + ", 1 client", load.run(1, ALONE_WARMUP, ALONE_MEASURED, query.getValue()));
    }
    results.forEach((query, result) -> System.out.printf("tasklist: %s: %s: %s%n", data.label(), query, result));
    return results;
  }

  private static String manager(int request) {
    return MANAGERS[request % MANAGERS.length];
  }

  /** The filter's id as the manager sees it; also checks the manager really has the dataset's open cases. */
  private static String filterId(String base, String manager, String name) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> filters = http.send(HttpLoad.get(base + "/filter?maxResults=" + PAGE + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        .replace("+", "%20"), manager).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode list = new ObjectMapper().readTree(filters.body());
    if (filters.statusCode() != 200 || list.size() != 1) {
      throw new IllegalStateException("filter " + name + " as " + manager + ": " + filters.statusCode() + " " + filters.body());
    }
    HttpResponse<String> count = http.send(HttpLoad.get(base + "/task/count?assignee=" + manager, manager).build(),
        HttpResponse.BodyHandlers.ofString());
    System.out.printf("tasklist: %s sees %s open tasks%n", manager, new ObjectMapper().readTree(count.body()).path("count"));
    return list.get(0).path("id").asText();
  }
}
