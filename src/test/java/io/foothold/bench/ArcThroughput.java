package io.foothold.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  static final int ROUNDS = Integer.getInteger("bench.arc.rounds", 7);
  static final int CASES_PER_ROUND = Integer.getInteger("bench.arc.cases", 40);
  static final double TARGET_RATIO = 0.9;

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
        List<Double> footholdRounds = new ArrayList<>();
        List<Double> bareRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          if (round % 2 == 0) {
            footholdRounds.add(casesPerSecond(footholdWalk, CASES_PER_ROUND));
            bareRounds.add(casesPerSecond(bareWalk, CASES_PER_ROUND));
          } else {
            bareRounds.add(casesPerSecond(bareWalk, CASES_PER_ROUND));
            footholdRounds.add(casesPerSecond(footholdWalk, CASES_PER_ROUND));
          }
          System.out.printf(Locale.ROOT, "  round %d: foothold %.1f cases/s, bare %.1f cases/s%n", round + 1,
              footholdRounds.get(round), bareRounds.get(round));
        }
        double footholdMedian = Stats.median(footholdRounds);
        double bareMedian = Stats.median(bareRounds);
        System.out.printf(Locale.ROOT, "  medians of %d rounds x %d cases: foothold %.1f (min %.1f, max %.1f), bare %.1f (min %.1f, max %.1f)%n",
            ROUNDS, CASES_PER_ROUND, footholdMedian, Stats.min(footholdRounds), Stats.max(footholdRounds),
            bareMedian, Stats.min(bareRounds), Stats.max(bareRounds));
        double ratio = footholdMedian / bareMedian;
        return List.of(Figure.higherIsBetter(name(), "recovery-arc cases per second", "cases/s", footholdMedian,
            "bare Camunda engine", bareMedian, "ratio >= " + TARGET_RATIO, ratio >= TARGET_RATIO));
      } finally {
        bare.close();
      }
    }
  }

  private static double casesPerSecond(RecoveryArcWalk walk, int cases) {
    long started = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      walk.walkOneCase();
    }
    return cases / ((System.nanoTime() - started) / 1e9);
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
