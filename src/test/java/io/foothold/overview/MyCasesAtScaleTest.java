package io.foothold.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.ProductionPeople;

/**
 * A manager with 200 open cases (190 at their first step, 10 waiting on the check-in timer after two check-ins)
 * gets all of them, each with where it stands. The endpoint's latency is measured and written to
 * target/overview-latency.txt for the README; it is not asserted (the machine is shared, so times vary).
 */
@FootholdSpringTest
class MyCasesAtScaleTest {

  private static final int OPEN_CASES = 200;
  private static final int AT_TIMER = 10;
  private static final int WARM_UP = 5;
  private static final int MEASURED = 40;

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;

  @Test
  void twoHundredOpenCasesComeBackWhole() throws Exception {
    // given a new manager (own id, so other tests' cases do not count) with two reports and 200 open cases
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String manager = "scale" + suffix;
    ProductionPeople people = new ProductionPeople(web, "demo")
        .person(manager, "Scale", "Manager", "managers")
        .person("ana" + suffix, "Ana", "Ito", "employees")
        .person("ben" + suffix, "Ben", "Ruiz", "employees")
        .team(manager, List.of("ana" + suffix, "ben" + suffix));
    EngineRest rest = people.as(manager);
    CaseSteps steps = new CaseSteps(web, management);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < OPEN_CASES; i++) {
      cases.add(steps.open(rest, (i % 2 == 0 ? "ana" : "ben") + suffix));
    }
    for (String caseId : cases.subList(0, AT_TIMER)) {
      steps.toCheckInTimer(rest, caseId, List.of(2, 3));
    }

    // when the manager asks for her cases, repeatedly
    long[] micros = new long[MEASURED];
    JsonNode answer = null;
    for (int i = -WARM_UP; i < MEASURED; i++) {
      long start = System.nanoTime();
      ResponseEntity<String> response = rest.getApi("/api/my/cases");
      long took = (System.nanoTime() - start) / 1000;
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      if (i >= 0) {
        micros[i] = took;
      }
      answer = new ObjectMapper().readTree(response.getBody());
    }

    // then every case is there, each with where it stands
    assertThat(answer.path("open").size()).isEqualTo(OPEN_CASES);
    assertThat(answer.path("open").findValuesAsText("caseId")).containsExactlyInAnyOrderElementsOf(cases);
    List<JsonNode> atTimer = new ArrayList<>();
    answer.path("open").forEach(c -> {
      if ("timer".equals(c.path("next").path("kind").asText())) {
        atTimer.add(c);
      }
    });
    assertThat(atTimer).hasSize(AT_TIMER).allSatisfy(c -> {
      assertThat(c.path("next").path("text").asText()).isEqualTo("Next check-in due");
      assertThat(c.path("confidence").findValuesAsText("value")).containsExactly("2", "3");
    });
    assertThat(answer.path("open").findValuesAsText("kind").stream().filter("yours"::equals).count()).isEqualTo(OPEN_CASES - AT_TIMER);

    Arrays.sort(micros);
    String figures = String.format(Locale.ROOT, "GET /api/my/cases, %d open cases (%d at a timer), %d sequential requests after %d warm-up:"
        + " p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", OPEN_CASES, AT_TIMER, MEASURED, WARM_UP,
        micros[MEASURED / 2] / 1000.0, micros[(int) Math.ceil(MEASURED * 0.95) - 1] / 1000.0, micros[MEASURED - 1] / 1000.0);
    System.out.print(figures);
    Files.writeString(Path.of("target", "overview-latency.txt"), figures);
  }
}
