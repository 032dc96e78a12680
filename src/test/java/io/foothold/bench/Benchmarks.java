package io.foothold.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs the benchmarks (all, or those named in the first argument, comma-separated), prints one table of
 * figures with their baselines and ratios, and writes it to target/benchmarks/benchmarks.json.
 * Started by {@code mvn -B -Pbench verify} in a JVM of its own.
 */
public final class Benchmarks {

  private static List<Benchmark> all() {
    return List.of(
        new ArcThroughput(),
        new StartupFootprint(),
        new SaveToLive(),
        // Data-heavy: they run on the case datasets (H2 in .bench-data/cases, PostgreSQL) and share one server per
        // database; keep them adjacent.
        new TasklistBenchmark(),
        new AuditBenchmark(),
        new ManagerOverviewBenchmark()
    );
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromWorkingDirectory();
    Set<String> only = args.length == 0 || args[0].isBlank() || args[0].equals("all")
        ? Set.of() : Set.copyOf(Arrays.asList(args[0].split(",")));
    Files.createDirectories(settings.workDir());
    Files.createDirectories(settings.dataDir());

    List<Figure> figures = new ArrayList<>();
    Map<String, Object> runs = new LinkedHashMap<>();
    for (Benchmark benchmark : all()) {
      if (!only.isEmpty() && !only.contains(benchmark.name())) {
        continue;
      }
      long started = System.nanoTime();
      System.out.printf("== %s%n", benchmark.name());
      List<Figure> measured = benchmark.run(settings);
      figures.addAll(measured);
      runs.put(benchmark.name(), Map.of("seconds", (System.nanoTime() - started) / 1e9));
      System.out.print(table(measured));
    }
    System.out.println();
    System.out.println("== All figures (ratio = foothold / baseline)");
    System.out.print(table(figures));

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    report.put("runs", runs);
    report.put("figures", figures.stream().map(Benchmarks::asMap).collect(Collectors.toList()));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(settings.workDir().resolve("benchmarks.json").toFile(), report);
    System.out.println("Written to " + settings.workDir().resolve("benchmarks.json"));
  }

  static String table(List<Figure> figures) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %-56s %10s %10s %-32s %7s %-8s %s%n",
        "benchmark", "metric", "foothold", "baseline", "baseline is", "ratio", "better", "target"));
    for (Figure f : figures) {
      out.append(String.format(Locale.ROOT, "%-12s %-56s %10s %10s %-32s %7.2f %-8s %s%n", f.benchmark(), f.metric() + " (" + f.unit() + ")",
          number(f.foothold()), number(f.baseline()), f.baselineName(), f.ratio(), f.better(),
          f.target() == null ? "" : f.target() + (f.targetMet() == null ? "" : f.targetMet() ? "  MET" : "  MISSED")));
    }
    return out.toString();
  }

  private static String number(double value) {
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static Map<String, Object> asMap(Figure f) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("benchmark", f.benchmark());
    map.put("metric", f.metric());
    map.put("unit", f.unit());
    map.put("foothold", f.foothold());
    map.put("baselineName", f.baselineName());
    map.put("baseline", f.baseline());
    map.put("ratio", f.ratio());
    map.put("better", f.better());
    map.put("target", f.target());
    map.put("targetMet", f.targetMet());
    return map;
  }
}
