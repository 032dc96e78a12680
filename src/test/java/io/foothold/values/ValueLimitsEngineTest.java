package io.foothold.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The values module's plugin on its own (as in an engine built without Spring): every variable write passes the
 * limits, a refusal inside a task listener reaches the caller as itself, and objects are stored as JSON even where
 * the engine's default format is Java serialization.
 */
class ValueLimitsEngineTest {

  private static final String LONG_NAME = "n".repeat(InputLimits.MAX_NAME_LENGTH + 1);
  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    config.setProcessEngineName("value-limits-" + UUID.randomUUID());
    config.setJdbcUrl("jdbc:h2:mem:value-limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    config.setJobExecutorActivate(false);
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new ValueLimitsEnginePlugin()));
    engine = config.buildProcessEngine();

    BpmnModelInstance listenerWrites = Bpmn.createExecutableProcess("ListenerWrites")
        .startEvent()
        .userTask("Task_Write").camundaTaskListenerExpression("complete", "${task.setVariable('" + LONG_NAME + "', 'x')}")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("listener-writes.bpmn", listenerWrites).deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void aValueOverALimitIsRefusedWhoeverWritesIt() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("ListenerWrites").getId();

    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(instance, "note", "y".repeat(InputLimits.DATABASE_TEXT_COLUMN + 1)))
        .isInstanceOfSatisfying(RefusedValueException.class, e ->
            assertThat(e.refused()).singleElement().extracting(RefusedValueException.RefusedValue::rule).isEqualTo("maxTextLength"));
    assertThat(engine.getRuntimeService().getVariable(instance, "note")).as("nothing stored").isNull();
  }

  @Test
  void aRefusalInsideATaskListenerReachesTheCallerUnwrappedAndTheTaskStaysOpen() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("ListenerWrites").getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId()))
        .isInstanceOfSatisfying(RefusedValueException.class, e ->
            assertThat(e.refused()).singleElement().extracting(RefusedValueException.RefusedValue::rule).isEqualTo("nameLength"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
  }

  @Test
  void aListFromJavaCodeIsStoredAsJsonThoughTheEnginesDefaultIsJavaSerialization() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("ListenerWrites",
        Map.of("chosen", new ArrayList<>(List.of("a", "b")))).getId();

    ObjectValue stored = engine.getRuntimeService().getVariableTyped(instance, "chosen", false);
    assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(stored.getValueSerialized()).isEqualTo("[\"a\",\"b\"]");
  }
}
