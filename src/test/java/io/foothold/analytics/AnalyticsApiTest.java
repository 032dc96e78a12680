package io.foothold.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.foothold.support.ResetEngineClock;
import io.foothold.support.FootholdSpringTest;

/**
 * GET /api/audit/analytics over real history: five recoveries walked through REST make the recovery aggregates
 * visible; a month with a single case stays hidden. Other tests share the database, so counts are compared
 * with what the API said before this test's cases existed.
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class AnalyticsApiTest {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  final ObjectMapper json = new ObjectMapper();

  @Test
  void fiveClosedRecoveriesAreShownAndAMonthWithOneCaseIsHidden() throws Exception {
    JsonNode before = analyticsAs("hana");
    RecoveryCases cases = new RecoveryCases(web, management, history);
    List<String> recovered = cases.fiveRecoveries();
    // one case opened in a month no other test uses: a group of one
    cases.openedAt("maya", "sam", Date.from(Instant.parse("2031-02-14T10:00:00Z")));

    JsonNode after = analyticsAs("hana");

    assertThat(after.path("minimumGroupSize").asInt()).isEqualTo(5);

    JsonNode recovery = after.path("timeToRecoveryDays");
    assertThat(recovery.path("suppressed").asBoolean()).isFalse();
    assertGrewBy(before.path("timeToRecoveryDays"), recovery, recovered.size());
    // every walked recovery waits at least one 7-day check-in cadence before it can end
    assertThat(recovery.path("median").isNumber()).isTrue();
    assertThat(recovery.path("p90").asDouble()).isGreaterThanOrEqualTo(recovery.path("median").asDouble());
    assertThat(recovery.path("p90").asDouble()).isGreaterThanOrEqualTo(7.0);

    JsonNode escalation = after.path("escalationRate");
    assertThat(escalation.path("suppressed").asBoolean()).isFalse();
    assertGrewBy(before.path("escalationRate"), escalation, recovered.size() + 1);
    assertThat(escalation.path("rate").asDouble()).isBetween(0.0, 1.0);

    JsonNode debrief = element(after.path("timeInPhaseDays"), "phase", "Task_CalmDebrief");
    assertThat(debrief.path("suppressed").asBoolean()).isFalse();
    assertThat(debrief.path("cases").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(debrief.path("medianDays").isNumber()).isTrue();
    assertThat(debrief.path("name").asText()).isEqualTo("Hold a calm, fact-focused debrief");

    // RecoveryArcForms.chooseSupports() picks calm-debrief for every case; all five recovered
    JsonNode calmDebrief = element(after.path("supportsChosen"), "support", "calm-debrief");
    JsonNode calmDebriefBefore = element(before.path("supportsChosen"), "support", "calm-debrief");
    assertThat(calmDebrief.path("suppressed").asBoolean()).isFalse();
    assertGrewBy(calmDebriefBefore, calmDebrief, 5);
    if (!calmDebriefBefore.path("suppressed").asBoolean(true)) {
      assertThat(calmDebrief.path("recovered").asInt()).isEqualTo(calmDebriefBefore.path("recovered").asInt() + 5);
    }
    assertThat(calmDebrief.path("recovered").asInt()).isBetween(5, calmDebrief.path("cases").asInt());

    JsonNode firstCheckIn = element(after.path("confidenceTrend"), "checkIn", "1");
    assertThat(firstCheckIn.path("suppressed").asBoolean()).isFalse();
    assertGrewBy(element(before.path("confidenceTrend"), "checkIn", "1"), firstCheckIn, 5);
    assertThat(firstCheckIn.path("averageRating").asDouble()).isBetween(1.0, 5.0);

    // the five start on a fixed day (RecoveryCases.FIVE_RECOVERIES_OPEN), so they close in one month on any calendar
    Set<String> closedIn = recovered.stream()
        .map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime())
        .map(end -> YearMonth.from(end.toInstant().atZone(ZoneOffset.UTC)).toString())
        .collect(Collectors.toSet());
    assertThat(closedIn).as("months the five recoveries closed in; ends: " + recovered.stream().map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime().toInstant()).toList()).hasSize(1);
    JsonNode theirMonth = element(after.path("casesClosedPerMonth"), "month", closedIn.iterator().next());
    assertThat(theirMonth.path("suppressed").asBoolean()).isFalse();
    assertThat(theirMonth.path("count").asInt()).isGreaterThanOrEqualTo(5);

    JsonNode lonelyMonth = element(after.path("casesOpenedPerMonth"), "month", "2031-02");
    assertThat(lonelyMonth.path("suppressed").asBoolean()).as("one case in 2031-02 is hidden").isTrue();
    assertThat(lonelyMonth.has("count")).isTrue();
    assertThat(lonelyMonth.path("count").isNull()).isTrue();
  }

  @Test
  void managersAndDesignersAreTurnedAway() {
    for (String user : List.of("maya", "dana")) {
      ResponseEntity<String> response = web.withBasicAuth(user, "demo").getForEntity("/api/audit/analytics", String.class);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).doesNotContain("timeToRecoveryDays");
    }
    assertThat(web.getForEntity("/api/audit/analytics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private JsonNode analyticsAs(String user) throws Exception {
    ResponseEntity<String> response = web.withBasicAuth(user, "demo").getForEntity("/api/audit/analytics", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  /**
   * This test added {@code added} cases to the group. When the group was shown before, its count grew by exactly
   * that; when it was hidden (1–4 cases) or absent, it now holds between {@code added} and {@code added + 4}.
   */
  private static void assertGrewBy(JsonNode before, JsonNode after, int added) {
    int now = after.path("cases").asInt();
    if (before.isMissingNode() || before.path("suppressed").asBoolean()) {
      assertThat(now).isBetween(added, added + AnalyticsCalculator.MINIMUM_GROUP_SIZE - 1);
    } else {
      assertThat(now).isEqualTo(before.path("cases").asInt() + added);
    }
  }

  private static JsonNode element(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (element.path(field).asText().equals(value)) {
        return element;
      }
    }
    return MissingNode.getInstance();
  }
}
