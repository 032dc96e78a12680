package io.foothold.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.foothold.support.FootholdSpringTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lists and maps — however the engine, a listener or a delegate writes them — are stored as JSON of their raw
 * type, which Tasklist reads (and pre-ticks checklists from) and sends back as JSON; values stored Java-serialized
 * before are rewritten at start-up.
 */
@FootholdSpringTest
class StoredAsJsonTest {

  private static final String PROCESS = "StoredAsJsonProbe";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired JsonVariablesMigration migration;

  private String deployment;

  @BeforeEach
  void deployAProbe() {
    deployment = engine.getRepositoryService().createDeployment().name("stored-as-json-probe")
        .addModelInstance("probe.bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Wait").endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void removeTheProbe() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void listsAndMapsFromJavaCodeAreStoredAsJsonOfTheirRawTypeAndReadBackWithTheirValueTypes() {
    // given: values as a decision result or a delegate hands them over (no format named)
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("gateDecision", "close");
    gate.put("recovered", true);
    gate.put("checkIns", 2);

    // when
    ProcessInstance probe = runtime.startProcessInstanceByKey(PROCESS, Map.of(
        "chosenSupports", new ArrayList<>(List.of("calm-debrief", "paired-work")),
        "immutable", List.of("a", "b"),
        "gate", gate));

    // then: JSON, raw type, read back as written
    for (String name : List.of("chosenSupports", "immutable", "gate")) {
      ObjectValue stored = runtime.getVariableTyped(probe.getId(), name, false);
      assertThat(stored.getSerializationDataFormat()).as(name).isEqualTo(SerializationDataFormats.JSON.getName());
      assertThat(stored.getObjectTypeName()).as(name).isIn("java.util.ArrayList", "java.util.LinkedHashMap");
    }
    ObjectValue supports = runtime.getVariableTyped(probe.getId(), "chosenSupports", false);
    assertThat(supports.getValueSerialized()).as("what form-js reads: a JSON array of option values")
        .isEqualTo("[\"calm-debrief\",\"paired-work\"]");
    assertThat(runtime.getVariable(probe.getId(), "immutable")).isEqualTo(List.of("a", "b"));
    assertThat(runtime.getVariable(probe.getId(), "gate")).isEqualTo(gate);
  }

  @Test
  void valuesStoredJavaSerializedBeforeAreRewrittenAsJsonAtStartUpOnce() {
    // given: a running case holding a list in Java serialization, as cases stored before this fix do
    ProcessInstance probe = runtime.startProcessInstanceByKey(PROCESS);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setJavaSerializationFormatEnabled(true);
    try {
      runtime.setVariable(probe.getId(), "chosenSupports", Variables.objectValue(new ArrayList<>(List.of("calm-debrief", "paired-work")))
          .serializationDataFormat(SerializationDataFormats.JAVA).create());
    } finally {
      configuration.setJavaSerializationFormatEnabled(false);
    }
    assertThat(((ObjectValue) runtime.getVariableTyped(probe.getId(), "chosenSupports", false)).getSerializationDataFormat())
        .isEqualTo(SerializationDataFormats.JAVA.getName());

    // when
    int rewritten = migration.migrate();

    // then
    assertThat(rewritten).isGreaterThanOrEqualTo(1);
    ObjectValue stored = runtime.getVariableTyped(probe.getId(), "chosenSupports", false);
    assertThat(stored.getSerializationDataFormat()).isEqualTo(SerializationDataFormats.JSON.getName());
    assertThat(stored.getValueSerialized()).isEqualTo("[\"calm-debrief\",\"paired-work\"]");
    assertThat(migration.migrate()).as("a second start-up finds nothing left to rewrite").isZero();
  }
}
