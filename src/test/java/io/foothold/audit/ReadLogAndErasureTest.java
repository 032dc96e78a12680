package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.ResetEngineClock;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/** Every read of the audit is logged; an erased case leaves nothing but an anonymous tombstone. */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class ReadLogAndErasureTest {

  private static final Map<String, String> REASON = Map.of("reason", "Retention period of the case has ended.");

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  @Test
  void viewsAndExportsAreLoggedNewestFirst() {
    TestPlaybooks.oneStep(repository, "audit-readlog-test", "AuditReadLogCase");
    String caseId = runtime.startProcessInstanceByKey("AuditReadLogCase", Map.of("managerId", "omar", "employeeId", "jun")).getId();
    AuditApi hana = AuditApi.as(web, "hana");

    hana.json("/api/audit/cases?playbook=audit-readlog-test");
    hana.json("/api/audit/cases/" + caseId);
    assertThat(hana.get("/api/audit/cases/" + caseId + ".csv").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(hana.get("/api/audit/cases.csv?playbook=audit-readlog-test").getStatusCode()).isEqualTo(HttpStatus.OK);

    List<JsonNode> entries = CaseTimelineTest.list(hana.json("/api/audit/read-log?size=4").path("entries"));
    assertThat(entries).extracting(e -> e.path("action").asText() + " " + e.path("caseId").asText(null) + " " + e.path("who").asText())
        .containsExactly("export null hana", "export " + caseId + " hana", "view " + caseId + " hana", "view null hana");
    assertThat(entries).allSatisfy(e -> assertThat(e.path("at").asText()).isNotBlank());
    assertThat(hana.json("/api/audit/read-log?page=1&size=2").path("entries").get(0).path("action").asText()).isEqualTo("view");
  }

  @Test
  void anErasedCaseLeavesOnlyAnAnonymousTombstone() {
    String caseId = recoveredCase("ravi");
    List<String> taskIds = history.createHistoricTaskInstanceQuery().processInstanceId(caseId).list().stream().map(HistoricTaskInstance::getId).toList();
    tasks.createComment(taskIds.get(0), caseId, "Ravi asked to keep the debrief notes short.");
    AuditApi hana = AuditApi.as(web, "hana");
    hana.json("/api/audit/cases/" + caseId);
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(caseId).count()).isPositive();

    var erased = hana.exchange(HttpMethod.DELETE, "/api/audit/cases/" + caseId, REASON);

    assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(hana.get("/api/audit/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(history.createUserOperationLogQuery().processInstanceId(caseId).count()).isZero();
    assertThat(tasks.getProcessInstanceComments(caseId)).isEmpty();
    taskIds.forEach(taskId -> assertThat(history.createHistoricIdentityLinkLogQuery().taskId(taskId).count()).isZero());
    assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("employeeId", "ravi").list())
        .allSatisfy(variable -> assertThat(variable.getProcessInstanceId()).isNotEqualTo(caseId));

    String anonymous = "erased-" + sha256Hex(caseId).substring(0, 12);
    String readLog = hana.get("/api/audit/read-log?size=500").getBody();
    assertThat(readLog).doesNotContain(caseId).doesNotContain("ravi").doesNotContain("Ravi");
    List<JsonNode> entries = CaseTimelineTest.list(AuditApi.parse(readLog).path("entries"));
    JsonNode tombstone = entries.get(0);
    assertThat(tombstone.path("action").asText()).isEqualTo("erase");
    assertThat(tombstone.path("caseId").asText()).isEqualTo(anonymous);
    assertThat(tombstone.path("who").asText()).isEqualTo("hana");
    assertThat(tombstone.path("reason").asText()).isEqualTo(REASON.get("reason"));
    assertThat(entries).filteredOn(e -> e.path("action").asText().equals("view") && anonymous.equals(e.path("caseId").asText()))
        .as("the earlier view now names the anonymous id").hasSize(1);

    hana.get("/api/audit/cases/" + caseId);
    assertThat(hana.exchange(HttpMethod.DELETE, "/api/audit/cases/" + caseId, REASON).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aRunningCaseCannotBeErased() {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));

    var refused = AuditApi.as(web, "hana").exchange(HttpMethod.DELETE, "/api/audit/cases/" + caseId, REASON);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
  }

  @Test
  void anErasureNeedsAReasonOfTenTo500Characters() {
    String caseId = closedCase();
    AuditApi hana = AuditApi.as(web, "hana");
    for (Object body : new Object[] {null, Map.of(), Map.of("reason", "too short"), Map.of("reason", "x".repeat(501))}) {
      var refused = hana.exchange(HttpMethod.DELETE, "/api/audit/cases/" + caseId, body);
      assertThat(refused.getStatusCode()).as(String.valueOf(body)).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(AuditApi.parse(refused.getBody()).path("field").asText()).isEqualTo("reason");
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).count()).isOne();
    assertThat(hana.exchange(HttpMethod.DELETE, "/api/audit/cases/no-such-case", REASON).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String closedCase() {
    TestPlaybooks.instant(repository, "audit-erasure-test", "AuditErasureCase");
    return runtime.startProcessInstanceByKey("AuditErasureCase", Map.of("employeeId", "sam")).getId();
  }

  private String recoveredCase(String employee) {
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase(employee));
    RecoveryArcSteps.toCheckInTimer(maya, caseId);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 8 * 24L * 3600 * 1000));
    List<Job> due = management.createJobQuery().processInstanceId(caseId).timers().executable().list();
    due.forEach(job -> management.executeJob(job.getId()));
    maya.completeTask(caseId, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
    maya.completeTask(caseId, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());
    return caseId;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
