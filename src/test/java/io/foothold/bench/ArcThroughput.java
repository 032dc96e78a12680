package io.foothold.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.foothold.FootholdApplication;

/**
 * Full recovery-arc cases per second: Foothold as shipped (the Spring application with the demo profile, all its
 * engine plugins, listeners, form enforcement and per-case grants, the manager signed in) next to a bare Camunda
 * engine running the same files. Both run in this JVM on in-memory H2 with full history and no job executor;
 * after a warm-up, rounds alternate between them (and which goes first) so background noise hits both alike.
 */
final class ArcThroughput implements Benchmark {

  static final int WARM_UP_CASES = Integer.getInteger("bench.arc.warmUp", 60);
  static final int ROUNDS = Integer.getInteger("bench.arc.rounds", 5);
  static final int CASES_PER_ROUND = Integer.getInteger("bench.arc.cases", 30);
  static final double TARGET_RATIO = 0.9;
  /** Cases walked with SQL statements counted, after the timed rounds. */
  static final int SQL_CASES = 5;

  @Override
  public String name() {
    return "arc";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    try (ConfigurableApplicationContext foothold = startFoothold(settings)) {
      ProcessEngine bare = BareArcEngine.build(settings.repositoryRoot());
      try {
        RecoveryArcWalk footholdWalk = new RecoveryArcWalk(foothold.getBean(ProcessEngine.class), "maya", "ravi");
        RecoveryArcWalk bareWalk = new RecoveryArcWalk(bare, "maya", "ravi");
        for (int i = 0; i < WARM_UP_CASES / 10; i++) {
          casesPerSecond(footholdWalk, 10);
          casesPerSecond(bareWalk, 10);
        }
        List<Round> footholdRounds = new ArrayList<>();
        List<Round> bareRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          if (round % 2 == 0) {
            footholdRounds.add(casesPerSecond(footholdWalk, CASES_PER_ROUND));
            bareRounds.add(casesPerSecond(bareWalk, CASES_PER_ROUND));
          } else {
            bareRounds.add(casesPerSecond(bareWalk, CASES_PER_ROUND));
            footholdRounds.add(casesPerSecond(footholdWalk, CASES_PER_ROUND));
          }
          System.out.printf(Locale.ROOT, "  round %d: foothold %.1f cases/s (%.1f per CPU-s), bare %.1f cases/s (%.1f per CPU-s)%n", round + 1,
              footholdRounds.get(round).wall(), footholdRounds.get(round).cpu(), bareRounds.get(round).wall(), bareRounds.get(round).cpu());
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("recovery-arc cases per second, median round", "cases/s",
            footholdRounds.stream().map(Round::wall).toList(), bareRounds.stream().map(Round::wall).toList()));
        figures.add(figure("recovery-arc cases per CPU-second of the driver", "cases/CPU-s",
            footholdRounds.stream().map(Round::cpu).toList(), bareRounds.stream().map(Round::cpu).toList()));
        figures.add(sqlStatementsPerCase(foothold.getBean(ProcessEngine.class), footholdWalk, bare, bareWalk));
        return figures;
      } finally {
        bare.close();
      }
    }
  }

  /** The target for SQL statements per case against the bare engine. */
  static final double SQL_TARGET_RATIO = 1.05;

  private Figure figure(String metric, String unit, List<Double> foothold, List<Double> bare) {
    double footholdMedian = Stats.median(foothold);
    double bareMedian = Stats.median(bare);
    System.out.printf(Locale.ROOT, "  %s over %d rounds x %d cases: foothold %.1f (min %.1f, max %.1f), bare %.1f (min %.1f, max %.1f)%n",
        metric, ROUNDS, CASES_PER_ROUND, footholdMedian, Stats.min(foothold), Stats.max(foothold),
        bareMedian, Stats.min(bare), Stats.max(bare));
    return Figure.higherIsBetter(name(), metric, unit, footholdMedian, "bare Camunda engine", bareMedian,
        "ratio >= " + TARGET_RATIO, footholdMedian / bareMedian >= TARGET_RATIO);
  }

  /**
   * Diagnostic, after the timed rounds so the counting costs them nothing: SQL statements per case on each
   * engine (MyBatis statements, as {@link SqlStatementCounter} sees them) and the statements Foothold sends more
   * often than the bare engine, per case, which says where Foothold's extra time goes. Target: at most 1.05 x the bare engine.
   */
  private Figure sqlStatementsPerCase(ProcessEngine footholdEngine, RecoveryArcWalk footholdWalk, ProcessEngine bare,
      RecoveryArcWalk bareWalk) {
    SqlStatementCounter footholdCounter = SqlStatementCounter.install(footholdEngine);
    SqlStatementCounter bareCounter = SqlStatementCounter.install(bare);
    Map<String, Long> footholdCounts = countWhileWalking(footholdCounter, footholdWalk);
    Map<String, Long> bareCounts = countWhileWalking(bareCounter, bareWalk);
    double footholdPerCase = footholdCounts.values().stream().mapToLong(Long::longValue).sum() / (double) SQL_CASES;
    double barePerCase = bareCounts.values().stream().mapToLong(Long::longValue).sum() / (double) SQL_CASES;
    System.out.printf(Locale.ROOT, "  SQL statements per case: Foothold %.1f, bare %.1f%n", footholdPerCase, barePerCase);
    Map<String, Long> extra = new TreeMap<>();
    footholdCounts.forEach((id, count) -> extra.put(id, count - bareCounts.getOrDefault(id, 0L)));
    bareCounts.forEach((id, count) -> extra.putIfAbsent(id, -count));
    System.out.println("  statements Foothold sends more often than bare, per case:");
    extra.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(15)
        .forEach(e -> System.out.printf(Locale.ROOT, "    %+6.1f  %s%n", e.getValue() / (double) SQL_CASES, e.getKey()));
    extra.entrySet().stream().filter(e -> e.getValue() < 0)
        .forEach(e -> System.out.printf(Locale.ROOT, "    (%+6.1f  %s)%n", e.getValue() / (double) SQL_CASES, e.getKey()));
    return Figure.ratioAtMost(name(), "SQL statements per recovery-arc case", "statements", footholdPerCase,
        "bare Camunda engine", barePerCase, SQL_TARGET_RATIO);
  }

  private static Map<String, Long> countWhileWalking(SqlStatementCounter counter, RecoveryArcWalk walk) {
    counter.start();
    try {
      for (int i = 0; i < SQL_CASES; i++) {
        walk.walkOneCase();
      }
    } finally {
      counter.stop();
    }
    return counter.counts();
  }

  /**
   * One round's throughput by the wall clock and by the CPU time of the thread driving the cases. Both engines
   * do all their work (H2 included) on that thread, so the second figure shrugs off other processes competing
   * for the cores, which on a shared build machine swamp the first.
   */
  private record Round(double wall, double cpu) {
  }

  private static Round casesPerSecond(RecoveryArcWalk walk, int cases) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < cases; i++) {
      walk.walkOneCase();
    }
    return new Round(cases / ((System.nanoTime() - started) / 1e9), cases / ((threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9));
  }

  /** The real application with its demo profile (web server on a random loopback port, as the REST layer needs one), 
   * no job executor, no live reload, private H2. */
  private static ConfigurableApplicationContext startFoothold(BenchSettings settings) {
    return new SpringApplicationBuilder(FootholdApplication.class)
        .profiles("demo")
        // Command-line arguments: they outrank the application's own yaml (builder "properties" would not).
        .run("--spring.datasource.url=jdbc:h2:mem:bench-foothold-arc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "--camunda.bpm.job-execution.enabled=false",
            "--foothold.playbooks.live-reload=false",
            "--foothold.playbooks.folder=" + settings.repositoryRoot(),
            "--foothold.plugins.dir=" + settings.workDir().resolve("no-plugins"),
            "--spring.main.banner-mode=off",
            "--server.port=0",
            "--server.address=127.0.0.1");
  }
}
