package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/** A raised concern is part of the case it concerns: in its timeline, never a case of its own in HR's list or CSV. */
@FootholdSpringTest
class ConcernInItsCaseTest {

  @Autowired TestRestTemplate web;

  @Test
  void aRaisedConcernAppearsInItsCaseAndNotAsACase() {
    // given an open recovery case of maya's
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));

    // when maya raises a concern about it
    String concernId = maya.startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of("prolonged-withdrawal"),
        "seriousSignalNote", "Missed three days without notice."));

    // then HR's list and CSV know the case, not the concern
    AuditApi hana = AuditApi.as(web, "hana");
    List<String> listed = CaseTimelineTest.list(hana.json("/api/audit/cases?playbook=recovery-arc&size=500").path("cases")).stream()
        .map(c -> c.path("caseId").asText()).toList();
    assertThat(listed).contains(caseId).doesNotContain(concernId);
    assertThat(hana.get("/api/audit/cases.csv?playbook=recovery-arc").getBody()).contains(caseId).doesNotContain(concernId);
    assertThat(hana.get("/api/audit/cases/" + concernId).getStatusCode().value()).isEqualTo(404);

    // and the case's timeline says who raised it, when, and which kind of signal
    List<JsonNode> raised = CaseTimelineTest.list(hana.json("/api/audit/cases/" + caseId).path("timeline")).stream()
        .filter(e -> e.path("kind").asText().equals("concern-raised")).toList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).path("who").asText()).isEqualTo("maya");
    assertThat(raised.get(0).path("whoName").asText()).isEqualTo("Maya Lindqvist");
    assertThat(raised.get(0).path("at").asText()).isNotBlank();
    assertThat(raised.get(0).path("details").path("signalKinds").toString()).contains("prolonged-withdrawal");
  }
}
