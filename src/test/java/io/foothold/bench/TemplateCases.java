package io.foothold.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.foothold.FootholdApplication;
import io.foothold.support.CaseDriver;
import io.foothold.support.MicroConfidenceForms;
import io.foothold.support.EngineRest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/**
 * The real cases the dataset is cloned from: Foothold itself (in this JVM, on the dataset's H2 file) opens them
 * through the engine REST API as maya, and walks them through their forms the way the tests do, with the engine
 * clock moved so that timers fall due. Each kind leaves exactly the rows production would leave.
 */
final class TemplateCases {

  /** What a template stands for in the dataset. */
  enum Kind {
    /** Just opened: waiting at the calm debrief. */
    OPEN_DEBRIEF(true),
    /** A few weeks in: waiting at the first check-in. */
    OPEN_CHECK_IN(true),
    /** Walked to recovery over two check-ins. */
    DONE_RECOVERED(false),
    /** A serious signal at a check-in, HR referral, escalated by the gate. */
    DONE_ESCALATED(false),
    /** The small win built as a daily micro-confidence loop (a called playbook, the employee's own steps), then recovered. */
    DONE_WITH_DAILY_LOOP(false);

    final boolean open;

    Kind(boolean open) {
      this.open = open;
    }
  }

  static final String MANAGER = "maya";
  static final String EMPLOYEE = "sam";
  static final String EMPLOYEE_NAME = "Sam Okafor";

  private TemplateCases() {
  }

  /** Starts Foothold on the database, opens and walks one case of each kind, stops it; answers the case ids. */
  static Map<Kind, String> create(String jdbcUrl, Path playbooksFolder) {
    return create(jdbcUrl, playbooksFolder, List.of());
  }

  /** The same, with more properties (a PostgreSQL database's user and password). */
  static Map<Kind, String> create(String jdbcUrl, Path playbooksFolder, List<String> properties) {
    ConfigurableApplicationContext app = start(jdbcUrl, playbooksFolder, properties);
    try {
      String port = app.getEnvironment().getProperty("local.server.port");
      TestRestTemplate web = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
      Function<String, EngineRest> people = user -> EngineRest.as(web, user);
      EngineRest maya = people.apply(MANAGER);
      CaseDriver driver = new CaseDriver(app.getBean(ManagementService.class), app.getBean(HistoryService.class));
      Map<Kind, String> cases = new LinkedHashMap<>();
      try {
        cases.put(Kind.OPEN_DEBRIEF, open(maya));

        String checkIn = open(maya);
        driver.walk(checkIn, people, TemplateCases::answer, 20, "Task_CheckIn");
        cases.put(Kind.OPEN_CHECK_IN, checkIn);

        String recovered = open(maya);
        driver.walk(recovered, people, checkIns(List.of(checkIn("continue", 3, false, false), checkIn("recovered", 4, false, false))), 30);
        cases.put(Kind.DONE_RECOVERED, recovered);

        String escalated = open(maya);
        driver.walk(escalated, people, checkIns(List.of(checkIn("stalled", 3, true, false), checkIn("stalled", 2, false, true))), 30);
        cases.put(Kind.DONE_ESCALATED, escalated);

        String looped = open(maya);
        driver.walk(looped, people, task -> {
          if (task.equals("Task_PlanSmallWin")) {
            Map<String, Object> plan = RecoveryArcForms.planSmallWin();
            plan.put("buildAsDailyLoop", true);
            return plan;
          }
          return answer(task);
        }, 60);
        cases.put(Kind.DONE_WITH_DAILY_LOOP, looped);
      } finally {
        CaseDriver.resetClock();
      }
      return cases;
    } finally {
      app.close();
    }
  }

  /**
   * Starts Foothold on the finished dataset once and stops it: at start-up it writes the case file from history for
   * every cloned case (the clones were written around the engine, which is what its start-up rebuild is for), so
   * the measured servers neither rebuild it while they are measured nor read a half-written one.
   */
  static void writeCaseFile(String jdbcUrl, Path playbooksFolder, List<String> properties) {
    long started = System.nanoTime();
    start(jdbcUrl, playbooksFolder, properties).close();
    System.out.printf("dataset: case file written by Foothold's start-up in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static ConfigurableApplicationContext start(String jdbcUrl, Path playbooksFolder, List<String> properties) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--foothold.playbooks.live-reload=false",
        "--foothold.playbooks.folder=" + playbooksFolder,
        "--logging.level.root=WARN",
        "--logging.level.io.foothold.casefile=INFO"));
    args.addAll(properties);
    return new SpringApplicationBuilder(FootholdApplication.class).profiles("demo").run(args.toArray(String[]::new));
  }

  private static String open(EngineRest manager) {
    return manager.startCase("RecoveryArc", RecoveryArcForms.openCase(EMPLOYEE));
  }

  /** Answers check-ins from the list in turn, everything else as {@link #answer}. */
  private static Function<String, Map<String, Object>> checkIns(List<Map<String, Object>> checkIns) {
    List<Map<String, Object>> left = new ArrayList<>(checkIns);
    return task -> task.equals("Task_CheckIn") ? left.remove(0) : answer(task);
  }

  private static Map<String, Object> checkIn(String outcome, int confidence, boolean seriousSignal, boolean withdrawalPersists) {
    Map<String, Object> form = RecoveryArcForms.checkIn(outcome, confidence);
    if (seriousSignal) {
      form.put("seriousSignal", true);
      form.put("seriousSignalKinds", List.of("severe-distress"));
      form.put("seriousSignalNote", "Said they have not slept properly for weeks and feel swamped.");
    }
    form.put("withdrawalPersists", withdrawalPersists);
    return form;
  }

  private static Map<String, Object> answer(String task) {
    return RecoveryArcSteps.plainRecovery(task, other -> switch (other) {
      case "Task_ReviewSeriousSignal" -> RecoveryArcForms.arrangeReferral("employee-assistance");
      case "Task_ArrangeReferral" -> RecoveryArcForms.arrangeReferral("occupational-health");
      default -> new HashMap<>(MicroConfidenceForms.answer(other));
    });
  }
}
