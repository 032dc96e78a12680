package io.foothold.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * HR's Escalations filter in Tasklist shows, for each task, the employee and the manager by name and the kind of
 * signal in the catalog's words: the task carries them as its own variables, written by Foothold when it is created.
 */
@FootholdSpringTest
class EscalationListColumnsTest {

  @Autowired TestRestTemplate web;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;

  @Test
  void aRaisedConcernReachesHrsListWithEmployeeManagerAndSignalKinds() {
    // given an open case of maya's for Lea
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));

    // when maya raises a concern about it
    maya.startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of("prolonged-withdrawal", "safety-or-team-impact"),
        "seriousSignalNote", "Missed three days without notice."));

    // then HR's review task carries the list's columns in people's words
    Task review = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_ReviewSeriousSignal").singleResult();
    assertThat(tasks.getVariablesLocal(review.getId())).containsEntry(EscalationListColumns.EMPLOYEE, "Lea Brandt")
        .containsEntry(EscalationListColumns.MANAGER, "Maya Lindqvist");
    String signal = (String) tasks.getVariableLocal(review.getId(), EscalationListColumns.SIGNAL);
    assertThat(signal).doesNotContain("prolonged-withdrawal").isEqualTo("Long withdrawal or core duties not met despite help, Reduced functioning affects safety or the team");

    // and the Escalations filter hands them to Tasklist with the task, labelled
    String filterId = filters.createFilterQuery().filterName("Escalations").singleResult().getId();
    JsonNode list = EngineRest.json(hal("hana", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=200"));
    JsonNode properties = EngineRest.json(web.withBasicAuth("hana", "demo").getForObject("/engine-rest/filter/" + filterId, String.class))
        .path("properties");
    assertThat(properties.path("variables").findValuesAsText("label")).containsExactly("Employee", "Manager", "Signal");
    Map<String, String> shown = new HashMap<>();
    for (JsonNode task : list.path("_embedded").path("task")) {
      if (review.getId().equals(task.path("id").asText())) {
        task.path("_embedded").path("variable").forEach(variable -> shown.put(variable.path("name").asText(), variable.path("value").asText()));
      }
    }
    assertThat(list.path("_embedded").path("task").findValuesAsText("id")).as("the Escalations list holds the review").contains(review.getId());
    assertThat(shown).containsEntry(EscalationListColumns.EMPLOYEE, "Lea Brandt").containsEntry(EscalationListColumns.MANAGER, "Maya Lindqvist")
        .containsEntry(EscalationListColumns.SIGNAL, signal);

    // and nobody writes them but Foothold: not even HR through the task's form
    String refused = EngineRest.as(web, "hana").submitTaskForm(review.getId(),
        Map.of(EscalationListColumns.SIGNAL, "nothing serious")).getBody();
    assertThat(refused).contains(EscalationListColumns.SIGNAL);
    assertThat(tasks.getVariableLocal(review.getId(), EscalationListColumns.SIGNAL)).isEqualTo(signal);
  }

  private String hal(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.valueOf("application/hal+json")));
    return web.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
  }
}
