package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.analytics.RecoveryCases;
import io.foothold.support.FootholdSpringTest;

/**
 * HR's path on the diagram, the step picture across cases and the printable record, through /api/audit; and who may
 * open Cockpit and Tasklist (HR no Cockpit, designers Tasklist).
 */
@FootholdSpringTest
class CasePathAndRecordTest {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;

  @Test
  void anOpenCasesPathShowsTheStepsDoneWithDurationsAndTheStepItIsInNow() {
    // given a case maya opened and left open
    String caseId = new RecoveryCases(web, management, history).openedAt("maya", "sam", new Date());

    // when HR asks for its path
    JsonNode path = AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId + "/path");

    // then the diagram is the case's BPMN, the start event is done with a duration and the debrief is where it is now
    assertThat(path.path("bpmnXml").asText()).contains("<bpmn:definitions").contains("bpmndi:BPMNDiagram");
    assertThat(path.path("processKey").asText()).isEqualTo("RecoveryArc");
    List<JsonNode> steps = new ArrayList<>();
    path.path("steps").forEach(steps::add);
    assertThat(steps).isNotEmpty();
    assertThat(steps.get(0).path("current").asBoolean()).as("the start event is behind the case").isFalse();
    assertThat(steps.get(0).path("durationMillis").isNumber()).isTrue();
    assertThat(steps).filteredOn(step -> step.path("current").asBoolean())
        .extracting(step -> step.path("type").asText()).containsExactly("userTask");
    assertThat(steps).filteredOn(step -> step.path("current").asBoolean())
        .allSatisfy(step -> assertThat(step.path("durationMillis").isNull()).isTrue());
  }

  @Test
  void onlyHrReadsAPathAndAnUnknownCaseIs404() {
    String caseId = new RecoveryCases(web, management, history).openedAt("maya", "lea", new Date());

    assertThat(AuditApi.as(web, "maya").get("/api/audit/cases/" + caseId + "/path").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(AuditApi.as(web, "dana").get("/api/audit/cases/" + caseId + "/record").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(AuditApi.as(web, "hana").get("/api/audit/cases/no-such-case/path").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(AuditApi.as(web, "hana").get("/api/audit/cases/no-such-case/record").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void openingThePrintableRecordIsLoggedAndTheRecordListsItsOwnRead() {
    // given a case HR has viewed once
    String caseId = new RecoveryCases(web, management, history).openedAt("omar", "jun", new Date());
    AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId);

    // when HR opens the printable record
    JsonNode record = AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId + "/record");

    // then it holds the timeline, the path and every read of this case, the record's own last
    assertThat(record.path("timeline").path("timeline").size()).isPositive();
    assertThat(record.path("path").path("steps").size()).isPositive();
    List<String> actions = new ArrayList<>();
    record.path("reads").forEach(read -> {
      assertThat(read.path("caseId").asText()).isEqualTo(caseId);
      actions.add(read.path("action").asText());
    });
    assertThat(actions).containsExactly("view", "record");
    // and the read log says so too
    JsonNode log = AuditApi.as(web, "hana").json("/api/audit/read-log?size=5");
    assertThat(log.path("entries").get(0).path("action").asText()).isEqualTo("record");
    assertThat(log.path("entries").get(0).path("caseId").asText()).isEqualTo(caseId);
  }

  @Test
  void theStepPictureAcrossCasesCountsCasesAndHidesStepsUnderFive() {
    new RecoveryCases(web, management, history).fiveRecoveries();

    JsonNode flows = AuditApi.as(web, "hana").json("/api/audit/analytics/steps");

    JsonNode arc = null;
    for (JsonNode flow : flows) {
      if ("RecoveryArc".equals(flow.path("processKey").asText())) {
        arc = flow;
      }
    }
    assertThat(arc).as("the recovery arc has a picture").isNotNull();
    assertThat(arc.path("bpmnXml").asText()).contains("bpmndi:BPMNDiagram");
    assertThat(arc.path("cases").asInt()).isGreaterThanOrEqualTo(5);
    boolean anyShown = false;
    for (JsonNode step : arc.path("steps")) {
      if (step.path("suppressed").asBoolean()) {
        assertThat(step.path("cases").isNull()).as("a suppressed step shows no count").isTrue();
        assertThat(step.path("medianHours").isNull()).isTrue();
      } else {
        anyShown = true;
        assertThat(step.path("cases").asInt()).as(step.path("activityId").asText()).isGreaterThanOrEqualTo(5);
      }
    }
    assertThat(anyShown).as("the debrief and more were passed by all five recoveries").isTrue();
    assertThat(AuditApi.as(web, "maya").get("/api/audit/analytics/steps").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void hrHasNoCockpitAndDesignersSignInToTasklist() {
    assertThat(authorizations.isUserAuthorized("hana", List.of("hr"), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
        .as("Cockpit shows runtime only, which HR does not read").isFalse();
    assertThat(authorizations.isUserAuthorized("hana", List.of("hr"), Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("dana", List.of("designers"), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
        .as("a designer lands in Tasklist instead of 'wrong credentials'").isTrue();
  }
}
