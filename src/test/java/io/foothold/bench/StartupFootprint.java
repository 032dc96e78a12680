package io.foothold.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time from process start to the first HTTP 200 on /camunda/app/tasklist/, and resident memory a few seconds
 * later: {@code java -jar target/foothold.jar} (demo profile) next to a bare Camunda 7.24 webapp with one trivial
 * process. Each start gets a fresh H2 file, a free loopback port and its own working directory; the same JVM
 * flags for both; runs alternate between the two.
 */
final class StartupFootprint implements Benchmark {

  /** The target: Foothold starts within 1.2 x the bare webapp's time. */
  static final double TARGET_RATIO = 1.2;
  static final int RUNS = Integer.getInteger("bench.startup.runs", 3);
  /** JVM defaults for both: what an operator gets from a plain {@code java -jar}. */
  static final List<String> JVM_FLAGS = List.of();
  static final String TASKLIST = "/camunda/app/tasklist/";
  static final Duration SETTLE = Duration.ofSeconds(3);

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    Path bareJar = BareWebapp.jar(settings);
    List<Double> footholdSeconds = new ArrayList<>();
    List<Double> bareSeconds = new ArrayList<>();
    List<Double> footholdRss = new ArrayList<>();
    List<Double> bareRss = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      measure(settings, settings.jar(), List.of("--spring.profiles.active=demo"), "foothold-" + run, footholdSeconds, footholdRss);
      measure(settings, bareJar, List.of(), "bare-" + run, bareSeconds, bareRss);
    }
    System.out.printf(Locale.ROOT, "  start to Tasklist 200 (s): foothold %s, bare %s%n", footholdSeconds, bareSeconds);
    System.out.printf(Locale.ROOT, "  RSS (MiB): foothold %s, bare %s%n", footholdRss, bareRss);
    return List.of(
        Figure.ratioAtMost(name(), "start to first Tasklist 200, median", "s", Stats.median(footholdSeconds),
            "bare Camunda webapp", Stats.median(bareSeconds), TARGET_RATIO),
        Figure.lowerIsBetter(name(), "start to first Tasklist 200, min", "s", Stats.min(footholdSeconds),
            "bare Camunda webapp", Stats.min(bareSeconds), null, null),
        Figure.lowerIsBetter(name(), "start to first Tasklist 200, max", "s", Stats.max(footholdSeconds),
            "bare Camunda webapp", Stats.max(bareSeconds), null, null),
        Figure.lowerIsBetter(name(), "RSS " + SETTLE.toSeconds() + " s after first 200, median", "MiB", Stats.median(footholdRss),
            "bare Camunda webapp", Stats.median(bareRss), null, null));
  }

  private static void measure(BenchSettings settings, Path jar, List<String> appArgs, String label, List<Double> seconds,
      List<Double> rss) throws Exception {
    Path workDir = Files.createTempDirectory(settings.workDir(), "startup-" + label + "-");
    List<String> args = new ArrayList<>(appArgs);
    args.add("--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    try (LaunchedJar app = LaunchedJar.start(jar, workDir, JVM_FLAGS, args)) {
      seconds.add(app.secondsUntilOk(TASKLIST, Duration.ofMinutes(3)));
      Thread.sleep(SETTLE.toMillis());
      rss.add(app.rssMib());
    }
  }
}
