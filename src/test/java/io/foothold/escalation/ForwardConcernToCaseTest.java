package io.foothold.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;

import io.foothold.engine.WorkingDays;
import io.foothold.playbooks.recoveryarc.CaseSoFar;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RaiseConcern's delegate: only the case's own manager can flag it, and the flag starts the HR review there. */
@Deployment(resources = {
    "processes/recovery-arc/recovery-arc.bpmn",
    "processes/recovery-arc/raise-concern.bpmn",
    "processes/recovery-arc/recovery-supports.dmn",
    "processes/recovery-arc/recovery-escalation-gate.dmn"})
class ForwardConcernToCaseTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();

  private RuntimeService runtimeService;

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    runtimeService = engine.getRuntimeService();
    Mocks.register("workingDays", new WorkingDays());
    Mocks.register("forwardConcernToCase", new ForwardConcernToCase());
    Mocks.register("caseSoFar", new CaseSoFar());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void copiesTheSignalOntoTheCaseAndStartsOneHrReview() {
    // given
    ProcessInstance theCase = openCase("maya", Variables.createVariables().putValue("seriousSignal", false));

    // when
    raiseConcern("maya", theCase.getId());

    // then
    assertThat(theCase).isWaitingAt("Task_CalmDebrief", "Task_ReviewSeriousSignal");
    assertThat(task("Task_ReviewSeriousSignal", theCase)).hasCandidateGroup("hr");
    // the review task holds the forwarded signal as its own copy; the case itself is cleared for the next one
    String reviewId = task("Task_ReviewSeriousSignal", theCase).getId();
    TypedValue kinds = engine.getTaskService().getVariableTyped(reviewId, "reviewSignalKinds");
    assertThat(kinds.getType()).isEqualTo(SpinValueType.JSON);
    assertThat(kinds.getValue().toString()).isEqualTo("[\"safety-or-team-impact\"]");
    assertThat(engine.getTaskService().getVariables(reviewId))
        .containsEntry("reviewSignalNote", "Left a machine running unattended twice this week.")
        .containsEntry("reviewSignalSource", "concern");
    assertThat(runtimeService.getVariables(theCase.getId()))
        .containsEntry("seriousSignal", false)
        .containsEntry("escalated", true)
        .doesNotContainKeys("seriousSignalKinds", "seriousSignalNote", "seriousSignalSource");
  }

  @Test
  void worksForACaseStartedWithoutTheSeriousSignalField() {
    // given: a case started outside Tasklist, without the checkbox variable
    ProcessInstance theCase = openCase("maya", Variables.createVariables());

    // when
    raiseConcern("maya", theCase.getId());

    // then: exactly one review
    assertThat(theCase).isWaitingAt("Task_CalmDebrief", "Task_ReviewSeriousSignal");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(theCase.getId())
        .taskDefinitionKey("Task_ReviewSeriousSignal").count()).isEqualTo(1);
  }

  @Test
  void aSecondConcernStartsASecondReview() {
    // given
    ProcessInstance theCase = openCase("maya", Variables.createVariables().putValue("seriousSignal", false));
    raiseConcern("maya", theCase.getId());

    // when
    raiseConcern("maya", theCase.getId());

    // then
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(theCase.getId())
        .taskDefinitionKey("Task_ReviewSeriousSignal").count()).isEqualTo(2);
  }

  @Test
  void rejectsAnotherManagersCase() {
    // given
    ProcessInstance theCase = openCase("maya", Variables.createVariables().putValue("seriousSignal", false));

    // when / then
    assertThatThrownBy(() -> raiseConcern("omar", theCase.getId()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("caseId")
        .satisfies(e -> assertThat((Object) ((FormFieldValidationException) e).getDetail()).isEqualTo("caseId"));
    assertThat(theCase).isWaitingAtExactly("Task_CalmDebrief");
    assertThat(runtimeService.getVariables(theCase.getId())).doesNotContainKeys("seriousSignalSource", "escalated");
  }

  @Test
  void rejectsAnUnknownCaseId() {
    assertThatThrownBy(() -> raiseConcern("maya", "no-such-case"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("caseId");
  }

  @Test
  void rejectsAnEndedCase() {
    // given: a systemic case closed right after its review
    ProcessInstance theCase = openCase("maya", Variables.createVariables()
        .putValue("failureKind", "systemic").putValue("seriousSignal", false));
    engine.getTaskService().complete(task("Task_AfterActionReview", theCase).getId(),
        Variables.createVariables().putValue("alsoSupportPerson", false).putValue("seriousSignal", false));
    assertThat(theCase).isEnded();

    // when / then
    assertThatThrownBy(() -> raiseConcern("maya", theCase.getId()))
        .isInstanceOf(FormFieldValidationException.class);
  }

  @Test
  void rejectsASuspendedCase() {
    // given: an operator suspended the case
    ProcessInstance theCase = openCase("maya", Variables.createVariables().putValue("seriousSignal", false));
    runtimeService.suspendProcessInstanceById(theCase.getId());

    // when / then: a suspended case takes no new work, so the concern must go through another route
    assertThatThrownBy(() -> raiseConcern("maya", theCase.getId()))
        .isInstanceOf(FormFieldValidationException.class);
  }

  private ProcessInstance openCase(String managerId, VariableMap variables) {
    variables.putIfAbsent("failureKind", "individual");
    variables.putValue("dominantDriver", "process").putValue("visibility", "private").putValue("pressurePoints", List.of());
    engine.getIdentityService().setAuthenticatedUserId(managerId);
    try {
      return runtimeService.startProcessInstanceByKey("RecoveryArc", variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessInstance raiseConcern(String managerId, String caseId) {
    engine.getIdentityService().setAuthenticatedUserId(managerId);
    try {
      return runtimeService.startProcessInstanceByKey("RaiseConcern", Variables.createVariables()
          .putValue("caseId", caseId)
          .putValueTyped("seriousSignalKinds", SpinValues.jsonValue("[\"safety-or-team-impact\"]").create())
          .putValue("seriousSignalNote", "Left a machine running unattended twice this week."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
