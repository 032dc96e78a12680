package io.foothold.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue item 2: what a manager's Tasklist asks for, with the case dataset's open cases and grants in the database.
 * 32 concurrent clients on loopback, as maya and omar (HTTP Basic, like every /engine-rest call), send
 * <ul>
 * <li>the task query {@code GET /engine-rest/task?assignee=…&sortBy=dueDate&sortOrder=asc}, and</li>
 * <li>the "My cases" filter {@code GET /engine-rest/filter/{id}/list} as Tasklist reads it (HAL: with the filter's
 * variable columns, e.g. the employee's name).</li>
 * </ul>
 * Authorization on (Foothold's setting) against the same server with authorization off (the baseline), plus
 * {@code GET /engine-rest/version}: the floor every request pays for HTTP and the Basic sign-in. Each query also
 * from a single client, which shows what a request costs without the queue in front of the two cores.
 */
final class TasklistBenchmark implements Benchmark {

  static final int CLIENTS = 32;
  static final int WARMUP = 400;
  /** Tasklist's own page size: a signed-in caller's list query must page (query-max-results-limit). */
  static final int PAGE = 15;
  static final int MEASURED = Integer.getInteger("bench.tasklist.requests", 2_000);
  /**
   * The same queries from one client: the time a request itself takes. At 32 clients on two cores (the
   * benchmark's clients on the same cores) a request mostly waits for CPU behind the others.
   */
  static final int ALONE_WARMUP = 50;
  static final int ALONE_MEASURED = 300;
  private static final String[] MANAGERS = {"maya", "omar"};
  private static final String ALONE = ", 1 client";

  @Override
  public String name() {
    return "tasklist";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    CaseDataset data = CaseDataset.ensure(settings);
    Map<String, HttpLoad.Result> off;
    try (FootholdServer server = CaseDatasetServer.authorizationOff(settings, data)) {
      off = measure(server);
    }
    Map<String, HttpLoad.Result> on = measure(CaseDatasetServer.authorizationOn(settings, data));

    List<Figure> figures = new ArrayList<>();
    for (String query : on.keySet()) {
      HttpLoad.Result a = on.get(query);
      HttpLoad.Result b = off.get(query);
      boolean target = !query.equals("sign-in floor") && !query.endsWith(ALONE);
      figures.add(Figure.lowerIsBetter(name(), query + " p50", "ms", a.latencies().p50(), "authorization off", b.latencies().p50(), null, null));
      figures.add(Figure.lowerIsBetter(name(), query + " p95", "ms", a.latencies().p95(), "authorization off", b.latencies().p95(),
          target ? "p95 <= 50 ms" : null, target ? a.latencies().p95() <= 50 : null));
      figures.add(Figure.lowerIsBetter(name(), query + " p99", "ms", a.latencies().p99(), "authorization off", b.latencies().p99(), null, null));
      figures.add(Figure.higherIsBetter(name(), query + " throughput", "req/s", a.requestsPerSecond(), "authorization off",
          b.requestsPerSecond(), null, null));
    }
    return figures;
  }

  private Map<String, HttpLoad.Result> measure(FootholdServer server) throws Exception {
    String base = server.baseUrl() + "/engine-rest";
    Map<String, String> myCases = new LinkedHashMap<>();
    for (String manager : MANAGERS) {
      myCases.put(manager, filterId(base, manager, "My cases"));
    }
    HttpLoad load = new HttpLoad();
    Map<String, IntFunction<HttpRequest>> queries = new LinkedHashMap<>();
    queries.put("task query", i -> HttpLoad.get(base + "/task?assignee=" + manager(i) + "&sortBy=dueDate&sortOrder=asc&firstResult=0"
        + "&maxResults=" + PAGE, manager(i)).header("Accept", "application/json").build());
    queries.put("My cases filter", i -> HttpLoad.get(base + "/filter/" + myCases.get(manager(i)) + "/list?firstResult=0&maxResults="
        + PAGE, manager(i)).header("Accept", "application/hal+json").build());
    queries.put("sign-in floor", i -> HttpLoad.get(base + "/version", manager(i)).build());
    Map<String, HttpLoad.Result> results = new LinkedHashMap<>();
    for (var query : queries.entrySet()) {
      results.put(query.getKey(), load.run(CLIENTS, WARMUP, MEASURED, query.getValue()));
    }
    for (var query : queries.entrySet()) {
      results.put(query.getKey() + ALONE, load.run(1, ALONE_WARMUP, ALONE_MEASURED, query.getValue()));
    }
    results.forEach((query, result) -> System.out.printf("tasklist: %s: %s%n", query, result));
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
