package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.foothold.engine.events.CaseErased;
import io.foothold.support.FootholdSpringTest;

/** An erasure is announced, so whatever other modules keep about the case goes with it; a refused one is not. */
@FootholdSpringTest
@RecordApplicationEvents
class CaseErasureEventTest {

  private static final String REASON = "Erasure requested by the employee.";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired CaseErasure erasure;
  @Autowired ApplicationEvents events;

  @Test
  void anErasedCaseIsAnnouncedOnce() {
    TestPlaybooks.instant(repository, "audit-erasure-event-test", "AuditErasureEventCase");
    String caseId = runtime.startProcessInstanceByKey("AuditErasureEventCase", Map.of("managerId", "omar", "employeeId", "jun")).getId();

    erasure.erase(caseId, REASON, "hana");

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(events.stream(CaseErased.class)).containsExactly(new CaseErased(caseId));
  }

  @Test
  void aRunningCaseIsNeitherErasedNorAnnounced() {
    TestPlaybooks.oneStep(repository, "audit-erasure-event-test-running", "AuditErasureEventRunning");
    String caseId = runtime.startProcessInstanceByKey("AuditErasureEventRunning", Map.of("managerId", "omar", "employeeId", "jun")).getId();

    assertThatThrownBy(() -> erasure.erase(caseId, REASON, "hana")).isInstanceOf(AuditProblem.class);

    assertThat(events.stream(CaseErased.class)).isEmpty();
  }
}
