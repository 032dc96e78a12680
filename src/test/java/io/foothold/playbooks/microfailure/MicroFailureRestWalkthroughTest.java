package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.MicroFailureForms;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.NoJavaSerializedVariables;

/** The micro-failure playbook started from Tasklist's start form and walked to its end by filling forms through REST. */
@FootholdSpringTest
@ExtendWith(NoJavaSerializedVariables.class)
class MicroFailureRestWalkthroughTest {

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;

  @RegisterExtension final CaseDriver driver = CaseDriver.forEachTest();

  @Test
  void aManagerCoachesThroughTheSlipsToASteadyClose() {
    EngineRest omar = EngineRest.as(web, "omar");
    String caseId = omar.startCase("MicroFailure", MicroFailureForms.intake("jun", List.of()));
    int[] progressChecks = {0};

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), task -> {
      Map<String, Object> form = MicroFailureForms.answer(task);
      if (task.equals("Task_TrackProgress") && ++progressChecks[0] == 1) {
        form.put("progressOutcome", "continue"); // first week: keep going; second week: steady
      }
      return form;
    }, 40);

    assertThat(steps).extracting(CaseDriver.Step::taskDefinitionKey).containsSubsequence(
        "Task_PrivateCheckIn", "Task_ChooseSupports", "Task_QuickWin", "Task_FeedbackAndBoundaries", "Task_WorkloadAudit",
        "Task_PeerPairingAndMicroGoals", "Task_TrackProgress", "Task_TrackProgress", "Task_ClosingSummary");
    assertThat(steps).filteredOn(step -> !step.taskDefinitionKey().startsWith("Task_Consider")).extracting(CaseDriver.Step::assignee).containsOnly("omar");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("caseOutcome").singleResult().getValue())
        .isIn("recovered", "closed");
  }

  @Test
  void aFlaggedSystemicCauseGoesToAProcessReviewFirst() {
    EngineRest omar = EngineRest.as(web, "omar");
    String caseId = omar.startCase("MicroFailure", MicroFailureForms.intake("jun", List.of("systemic-failure")));

    List<CaseDriver.Step> steps = driver.walk(caseId, user -> EngineRest.as(web, user), MicroFailureForms::answer, 40);

    assertThat(steps.get(0).taskDefinitionKey()).isEqualTo("Task_SystemicReview");
  }

  @Test
  void theMainDriverMustBeOneOfTheTickedDrivers() {
    Map<String, Object> form = MicroFailureForms.intake("jun", List.of());
    form.put("mainDriver", "identity-threat");

    var response = EngineRest.as(web, "omar").submitStartForm("MicroFailure", form);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("mainDriver");
  }
}
