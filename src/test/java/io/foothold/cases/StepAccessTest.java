package io.foothold.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.MicroConfidenceForms;

/**
 * Who sees and works which step of a case, and reads its history afterwards: the person the step is assigned to.
 * The manager reads all of her case's history (her grant on the case), the employee the steps he did himself.
 * Rights are grants only: nobody, administrators included, can write a REVOKE ("deny") authorization.
 */
@FootholdSpringTest
class StepAccessTest {

  @Autowired TestRestTemplate web;
  @Autowired AuthorizationService authorizations;

  @RegisterExtension final CaseDriver driver = CaseDriver.forEachTest();

  @Test
  void theEmployeeSeesWorksAndLaterReadsOnlyHisOwnStepsAndTheManagerNotHisOpenOne() {
    String caseId = EngineRest.as(web, "maya").startCase("MicroConfidenceLoop", MicroConfidenceForms.start("sam"));
    driver.walk(caseId, user -> EngineRest.as(web, user), MicroConfidenceForms::answer, 3, "Task_ShipToday");
    EngineRest sam = EngineRest.as(web, "sam");
    EngineRest maya = EngineRest.as(web, "maya");

    assertThat(keys(sam.getList("/task?processInstanceId=" + caseId))).containsExactly("Task_ShipToday");
    assertThat(keys(maya.getList("/task?processInstanceId=" + caseId))).as("the employee's open step").isEmpty();
    String shipToday = (String) sam.task(caseId, "Task_ShipToday").get("id");
    assertThat(maya.submitTaskForm(shipToday, MicroConfidenceForms.answer("Task_ShipToday")).getStatusCode().is2xxSuccessful())
        .isFalse();

    sam.completeTask(caseId, "Task_ShipToday", MicroConfidenceForms.answer("Task_ShipToday"));

    assertThat(keys(sam.getList("/history/task?finished=true&processInstanceId=" + caseId)))
        .as("the employee's own finished step, not the manager's").containsExactly("Task_ShipToday");
    assertThat(keys(maya.getList("/history/task?finished=true&processInstanceId=" + caseId)))
        .as("the manager reads her case's whole history").containsExactlyInAnyOrder("Task_DefineAction", "Task_ShipToday");
    assertThat(keys(EngineRest.as(web, "omar").getList("/history/task?processInstanceId=" + caseId))).isEmpty();
  }

  @Test
  void noOneCanDenyARightOnlyGrantOne() {
    Map<String, Object> revoke = Map.of("type", AUTH_TYPE_REVOKE, "permissions", List.of("READ"), "userId", "maya",
        "resourceType", Resources.PROCESS_DEFINITION.resourceType(), "resourceId", "RecoveryArc");

    ResponseEntity<String> byAdmin = EngineRest.as(web, "admin").post("/authorization/create", revoke);
    ResponseEntity<String> byManager = EngineRest.as(web, "maya").post("/authorization/create", revoke);

    assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(byAdmin.getBody()).contains("REVOKE");
    assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThatThrownBy(() -> authorizations.createNewAuthorization(AUTH_TYPE_REVOKE))
        .isInstanceOf(BadUserRequestException.class);
    assertThat(authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE).count()).isZero();
  }

  private static List<Object> keys(List<Map<String, Object>> tasks) {
    return tasks.stream().map(task -> task.get("taskDefinitionKey")).toList();
  }
}
