package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard tells a person's request from the engine's own work by where the command comes from, not by what it is
 * called: an engine command it does not know may change no variable when a person runs it, while the same work run
 * by the engine itself, and Foothold's own code acting for a person, may.
 */
class PersonWriteGuardEngineTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName("person-writes-" + UUID.randomUUID());
    config.setJdbcUrl("jdbc:h2:mem:person-writes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    config.setJobExecutorActivate(false);
    config.setDefaultSerializationFormat("application/json");
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new FormEnforcementEnginePlugin()));
    engine = config.buildProcessEngine();

    BpmnModelInstance timerThenOutcome = Bpmn.createExecutableProcess("TimerThenOutcome")
        .startEvent()
        .intermediateCatchEvent("Timer_Wait").timerWithDuration("PT1H")
        .serviceTask("Task_Outcome").camundaExpression("${execution.setVariable('caseOutcome', 'closed')}")
        .userTask("Task_Next")
        .endEvent()
        .done();
    BpmnModelInstance externalThenTask = Bpmn.createExecutableProcess("ExternalThenTask")
        .startEvent()
        .serviceTask("Task_Outside").camundaType("external").camundaTopic("outside")
        .userTask("Task_After")
        .endEvent()
        .done();
    BpmnModelInstance withTaskForm = Bpmn.createExecutableProcess("TaskFormProcess")
        .startEvent()
        .userTask("Task_Fix").camundaFormRef("fixture-form").camundaFormRefBinding("latest").camundaAssignee("maya")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("timer-then-outcome.bpmn", timerThenOutcome)
        .addModelInstance("external-then-task.bpmn", externalThenTask)
        .addModelInstance("task-form.bpmn", withTaskForm)
        .addClasspathResource("forms-fixtures/fixture-form.form")
        .deploy();
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aPersonRunningACommandTheGuardDoesNotKnowMayChangeNoVariable() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("ExternalThenTask").getId();
    String workId = engine.getExternalTaskService().fetchAndLock(1, "worker").topic("outside", 60_000).execute().get(0).getId();

    engine.getIdentityService().setAuthentication("maya", List.of("managers"));
    assertThatThrownBy(() -> engine.getExternalTaskService().complete(workId, "worker", Map.of("caseOutcome", "closed")))
        .hasStackTraceContaining("would change [caseOutcome]");
    engine.getIdentityService().clearAuthentication();

    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseId).count()).isZero();
  }

  @Test
  void aPersonMayNotRunAJobAndTheRefusalLeavesTheJobAsItWas() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("TimerThenOutcome").getId();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseId).singleResult();

    engine.getIdentityService().setAuthentication("maya", List.of("managers"));
    assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
        .hasMessageContaining("Only an administrator may run a job now");
    engine.getIdentityService().clearAuthentication();

    Job after = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isNull();
  }

  @Test
  void taskVariablesTakeOnlyTheTasksFormFieldsWhateverTheCall() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("TaskFormProcess").getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(caseId).singleResult().getId();

    engine.getIdentityService().setAuthentication("maya", List.of("managers"));
    engine.getTaskService().setVariable(taskId, "fixFirst", "The nightly import");
    assertThatThrownBy(() -> engine.getTaskService().setVariable(taskId, "managerId", "hana"))
        .hasMessageContaining("The variable 'managerId' is not a field of the form \"fixture-form\"");
    assertThatThrownBy(() -> engine.getTaskService().setVariableLocal(taskId, "caseOutcome", "closed"))
        .hasMessageContaining("'caseOutcome'");
    assertThatThrownBy(() -> engine.getTaskService().removeVariable(taskId, "fixFirst"))
        .hasMessageContaining("cannot remove variables ('fixFirst')");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("fixFirst", "The nightly import",
        "escalated", true))).hasMessageContaining("'escalated'");
    engine.getIdentityService().clearAuthentication();

    assertThat(engine.getRuntimeService().getVariables(caseId)).containsOnlyKeys("fixFirst");
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void theEngineItselfRunsTheSameWork() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("TimerThenOutcome").getId();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseId).singleResult();

    engine.getManagementService().executeJob(timer.getId());

    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isEqualTo("closed");
  }

  @Test
  void anAdministratorMayRunIt() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("TimerThenOutcome").getId();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseId).singleResult();

    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(engine.getRuntimeService().getVariable(caseId, "caseOutcome")).isEqualTo("closed");
  }

  @Test
  void footholdsOwnCodeActingForAPersonWritesWhatItComputes() {
    String caseId = engine.getRuntimeService().startProcessInstanceByKey("TimerThenOutcome").getId();
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    engine.getIdentityService().setAuthentication("maya", List.of("managers"));
    config.getCommandExecutorTxRequired().execute(context -> {
      engine.getRuntimeService().setVariable(caseId, "managerId", "maya");
      return null;
    });
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(caseId, "managerId", "hana"))
        .hasMessageContaining("only through the form of their step");

    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getRuntimeService().getVariable(caseId, "managerId")).isEqualTo("maya");
  }
}
