package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real engine with the plugin: the rules hold for the Java API, not only in Tasklist. */
class FormEnforcementEngineTest {

  private static ProcessEngine engine;
  private static RuntimeService runtime;
  private static TaskService tasks;
  private static FormService forms;
  private static HistoryService history;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName("forms-" + UUID.randomUUID());
    config.setJdbcUrl("jdbc:h2:mem:forms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(false);
    config.setDefaultSerializationFormat("application/json");
    config.setProcessEnginePlugins(List.of(
        new SpinProcessEnginePlugin(), new FormEnforcementEnginePlugin()));
    engine = config.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    forms = engine.getFormService();
    history = engine.getHistoryService();

    BpmnModelInstance withTaskForm = Bpmn.createExecutableProcess("TaskFormProcess")
        .startEvent()
        .userTask("Task_Fix").camundaFormRef("fixture-form").camundaFormRefBinding("latest")
        .endEvent()
        .done();
    BpmnModelInstance withStartForm = Bpmn.createExecutableProcess("StartFormProcess")
        .startEvent("StartEvent_Plan")
            .camundaFormRef("fixture-start").camundaFormRefBinding("latest")
        .userTask("Task_Wait")
        .endEvent()
        .done();
    BpmnModelInstance caller = Bpmn.createExecutableProcess("CallerProcess")
        .startEvent()
        .callActivity("Call_StartFormProcess").calledElement("StartFormProcess")
        .endEvent()
        .done();
    BpmnModelInstance withOutsideCondition = Bpmn.createExecutableProcess("OutsideConditionProcess")
        .startEvent()
        .userTask("Task_Reason").camundaFormRef("fixture-outside-condition").camundaFormRefBinding("latest")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", caller)
        .addModelInstance("outside-condition.bpmn", withOutsideCondition)
        .addClasspathResource("forms-fixtures/outside-condition.form")
        .addModelInstance("task-form.bpmn", withTaskForm)
        .addModelInstance("start-form.bpmn", withStartForm)
        .addClasspathResource("forms-fixtures/fixture-form.form")
        .addClasspathResource("forms-fixtures/fixture-start.form")
        .deploy();
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private static Task openTaskOfNewInstance() {
    String instanceId = runtime.startProcessInstanceByKey("TaskFormProcess").getId();
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  void anEmptySubmitFormIsRejectedNothingIsStoredAndTheTaskStaysOpen() {
    Task task = openTaskOfNewInstance();

    assertThatThrownBy(() -> forms.submitTaskForm(task.getId(), Map.of()))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"What to fix first\" is required.");

    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(runtime.getVariables(task.getProcessInstanceId())).isEmpty();
  }

  @Test
  void aBadCompleteIsRejectedWithEveryViolationAndRolledBack() {
    Task task = openTaskOfNewInstance();
    Map<String, Object> bad = Variables.createVariables()
        .putValue("fixFirst", "abc")
        .putValue("supports", Variables.serializedObjectValue("[\"made-up\"]")
            .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList")
            .create());

    assertThatThrownBy(() -> tasks.complete(task.getId(), bad))
        .isInstanceOfSatisfying(FormRulesViolatedException.class, e ->
            assertThat(e.violations()).extracting(FormViolation::fieldKey, FormViolation::rule)
                .containsExactly(
                    Tuple.tuple("fixFirst", "minLength"),
                    Tuple.tuple("supports", "options")));

    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(runtime.getVariables(task.getProcessInstanceId())).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void aValidSubmissionCompletesTheTask() {
    Task task = openTaskOfNewInstance();

    forms.submitTaskForm(task.getId(), Variables.createVariables()
        .putValue("fixFirst", "Restore the login flow")
        .putValueTyped("supports", SpinValues
            .jsonValue("[\"paired-work\"]").create()));

    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNull();
    assertThat(runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("fixFirst")
        .singleResult().getValue()).isEqualTo("Restore the login flow");
  }

  @Test
  void aStartThatBreaksTheStartFormIsRejectedAndNoInstanceExists() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("StartFormProcess")
        .count();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("StartFormProcess",
        Map.of("smallWinDays", 9)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Days\" must be at most 5.");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("StartFormProcess"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("\"Days\" is required.");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("StartFormProcess")
        .count()).isEqualTo(before);
    assertThat(history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("StartFormProcess").count()).isEqualTo(before);
  }

  @Test
  void aStartThatSatisfiesTheStartFormRuns() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("StartFormProcess").latestVersion().singleResult().getId();

    String instanceId = forms.submitStartForm(definitionId, Map.of("smallWinDays", 3)).getId();

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isEqualTo(1);
  }

  @Test
  void aProcessCalledByAnotherIsNotHeldToItsStartForm() {
    // given a caller that passes no variables to a process whose start form has required fields
    // when it calls the process
    String callerId = runtime.startProcessInstanceByKey("CallerProcess").getId();

    // then the called process runs: a start form is for people starting it, not for callers
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(callerId).processDefinitionKey("StartFormProcess").count())
        .isEqualTo(1);
  }

  private static Task reasonTaskOfNewInstance(Map<String, Object> variables) {
    String instanceId = runtime.startProcessInstanceByKey("OutsideConditionProcess", variables).getId();
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  void aVariableTheFormDoesNotNameIsNotRead() {
    // given a case variable whose stored JSON no longer parses (as if written by hand or an older release):
    // reading it throws
    Task task = reasonTaskOfNewInstance(Variables.createVariables()
        .putValue("skipReason", false)
        .putValueTyped("unreadable", Variables.serializedObjectValue("[1]")
            .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList").create()));
    corruptStoredValue(task.getProcessInstanceId(), "unreadable");
    assertThatThrownBy(() -> runtime.getVariable(task.getProcessInstanceId(), "unreadable"))
        .isInstanceOf(ProcessEngineException.class);

    // when the task is completed with what its form asks for
    tasks.complete(task.getId(), Map.of("reason", "A reason"));

    // then the form's check never touched the other variable
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNull();
  }

  private static void corruptStoredValue(String instanceId, String name) {
    VariableInstanceEntity variable =
        (VariableInstanceEntity) runtime.createVariableInstanceQuery()
            .processInstanceIdIn(instanceId).variableName(name).disableCustomObjectDeserialization().singleResult();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          context.getDbEntityManager().selectById(ByteArrayEntity.class,
              variable.getByteArrayValueId()).setBytes("[not json".getBytes(StandardCharsets.UTF_8));
          return null;
        });
  }

  @Test
  void aConditionOnAVariableOutsideTheFormStillHidesItsField() {
    Task skipped = reasonTaskOfNewInstance(Map.of("skipReason", true));
    tasks.complete(skipped.getId(), Map.of());
    assertThat(tasks.createTaskQuery().taskId(skipped.getId()).singleResult()).isNull();

    Task asked = reasonTaskOfNewInstance(Map.of("skipReason", false));
    assertThatThrownBy(() -> tasks.complete(asked.getId(), Map.of()))
        .isInstanceOfSatisfying(FormRulesViolatedException.class, e ->
            assertThat(e.violations()).extracting(FormViolation::fieldKey).containsExactly("reason"));
  }
}
