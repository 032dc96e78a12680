package io.foothold.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Concurrent HTTP clients on loopback: each of {@code clients} threads sends one request, waits for the whole
 * answer, sends the next. A warm-up round first (JIT, connection pool, caches), then the measured round.
 * Every answer must be 200, or the run fails: a fast error is not a result.
 */
final class HttpLoad {

  record Result(Latencies latencies, double requestsPerSecond, long bytes) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s, %.0f requests/s, %.1f KiB per answer", latencies, requestsPerSecond,
          bytes / 1024.0 / latencies.count());
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  static HttpRequest.Builder get(String url, String user) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Time budgets of a warm-up and a measured round: an endpoint that answers in seconds (on a large dataset, on a busy
   * machine) would otherwise hold the whole run for hours. A round cut short says so; its percentiles stand on fewer samples.
   */
  static final Duration WARMUP_BUDGET = Duration.ofSeconds(Long.getLong("bench.http.warmup-seconds", 30));
  static final Duration MEASURED_BUDGET = Duration.ofSeconds(Long.getLong("bench.http.measured-seconds", 90));

  /**
   * Sends {@code request.apply(i)} for i = 0… : {@code warmup} requests unmeasured, then {@code measured} measured ones,
   * each round ending early when its time budget is spent.
   */
  Result run(int clients, int warmup, int measured, IntFunction<HttpRequest> request) throws Exception {
    round(clients, warmup, request, WARMUP_BUDGET);
    long started = System.nanoTime();
    List<Latencies> perClient = round(clients, measured, request, MEASURED_BUDGET);
    double seconds = (System.nanoTime() - started) / 1e9;
    Latencies all = new Latencies();
    perClient.forEach(all::addAll);
    if (all.count() < measured) {
      System.out.printf(Locale.ROOT, "  (measured round cut short after %.0f s: %d of %d requests)%n", seconds, all.count(), measured);
    }
    return new Result(all, all.count() / seconds, bytes);
  }

  private long bytes;

  private List<Latencies> round(int clients, int requests, IntFunction<HttpRequest> request, Duration budget) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + budget.toNanos();
    bytes = 0;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> sizes = new ArrayList<>();
      List<Latencies> perClient = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Latencies latencies = new Latencies();
        perClient.add(latencies);
        sizes.add(pool.submit(() -> {
          long received = 0;
          for (int i = next.getAndIncrement(); i < requests && (i < clients || System.nanoTime() < deadline); i = next.getAndIncrement()) {
            HttpRequest sent = request.apply(i);
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            latencies.record(System.nanoTime() - start);
            if (response.statusCode() != 200) {
              throw new IllegalStateException(sent.uri() + " answered " + response.statusCode() + ": "
                  + new String(response.body(), StandardCharsets.UTF_8));
            }
            received += response.body().length;
          }
          return new long[] {received};
        }));
      }
      for (Future<long[]> size : sizes) {
        bytes += size.get()[0];
      }
      return perClient;
    } finally {
      pool.shutdownNow();
    }
  }
}
