package io.foothold.casefile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.EngineRest;
import io.foothold.support.TestPostgres;

/**
 * A case's history as a running node's engine gives it: through its REST API as an administrator, and straight
 * from its database where REST cannot ask for a whole case (the timers of a case and its called playbooks).
 */
final class NodeCaseHistory implements CaseHistory {

  /** Camunda REST's default date format. */
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final EngineRest admin;
  private final TestPostgres.Database database;

  NodeCaseHistory(EngineRest admin, TestPostgres.Database database) {
    this.admin = admin;
    this.database = database;
  }

  @Override
  public Instance instance(String caseId) {
    JsonNode instance = json(admin.get("/history/process-instance/" + caseId));
    return new Instance(instance.path("processDefinitionKey").asText(), text(instance, "processDefinitionName"),
        instant(text(instance, "startTime")), instant(text(instance, "endTime")));
  }

  /** Values as REST returns them undeserialized: a Json or JSON-serialized list as its JSON text. */
  @Override
  public Map<String, Object> facts(String caseId) {
    Map<String, Object> facts = new HashMap<>();
    admin.getList("/history/variable-instance?deserializeValues=false&processInstanceId=" + caseId).stream()
        .filter(variable -> caseId.equals(variable.get("executionId")) && variable.get("taskId") == null)
        .forEach(variable -> facts.put((String) variable.get("name"), variable.get("value")));
    return facts;
  }

  @Override
  public List<CaseStep> openSteps(String caseId) {
    return admin.getList("/history/task?unfinished=true&rootProcessInstanceId=" + caseId).stream()
        .map(task -> new CaseStep(caseId, (String) task.get("id"), (String) task.get("name"), (String) task.get("assignee"),
            instant((String) task.get("startTime")), instant((String) task.get("due")), offeredToHr((String) task.get("id"))))
        .toList();
  }

  private boolean offeredToHr(String taskId) {
    return admin.getList("/task/" + taskId + "/identity-links?type=candidate").stream().anyMatch(link -> "hr".equals(link.get("groupId")));
  }

  @Override
  public List<CaseTimer> timers(String caseId) {
    List<CaseTimer> timers = new ArrayList<>();
    try (Connection sql = database.connect(); PreparedStatement query = sql.prepareStatement("select J.ID_, J.DUEDATE_, J.PROCESS_DEF_ID_, "
        + "D.ACT_ID_ from ACT_RU_JOB J join ACT_RU_JOBDEF D on D.ID_ = J.JOB_DEF_ID_ where J.TYPE_ = 'timer' and J.ROOT_PROC_INST_ID_ = ?")) {
      query.setString(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          timers.add(new CaseTimer(caseId, rows.getString(1), elementName(rows.getString(3), rows.getString(4)),
              rows.getTimestamp(2) == null ? null : rows.getTimestamp(2).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return timers;
  }

  private String elementName(String definitionId, String elementId) {
    String xml = json(admin.get("/process-definition/" + definitionId + "/xml")).path("bpmn20Xml").asText();
    FlowElement element = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getModelElementById(elementId);
    return element.getName();
  }

  /** REST orders details by time only; within one millisecond the order of the list is kept (a stable sort). */
  @Override
  public List<CaseRating> ratings(String caseId) {
    return admin.getList("/history/detail?variableUpdates=true&variableNameLike=confidenceRating&sortBy=time&sortOrder=asc").stream()
        .filter(detail -> caseId.equals(detail.get("rootProcessInstanceId")) && "confidenceRating".equals(detail.get("variableName"))
            && detail.get("value") instanceof Number)
        .map(detail -> new CaseRating(caseId, instant((String) detail.get("time")), ((Number) detail.get("value")).doubleValue()))
        .sorted(Comparator.comparing(CaseRating::at))
        .toList();
  }

  private static JsonNode json(ResponseEntity<String> response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("REST answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return EngineRest.json(response.getBody());
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
  }

  private static Instant instant(String restDate) {
    return restDate == null ? null : OffsetDateTime.parse(restDate, REST_DATE).toInstant();
  }
}
