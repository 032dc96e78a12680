package io.foothold.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * How a case's variables are stored. Tasklist sends a variable back with the type it was stored with, and
 * Foothold refuses Java serialization, so a single Java-serialized list or map makes a step impossible to
 * complete in Tasklist: a walked case must have none, in any version of any variable.
 */
public final class StoredValues {

  private StoredValues() {
  }

  /** The case and every instance it called, finished or not (recursively). */
  public static List<String> caseAndCalled(HistoryService history, String caseId) {
    List<String> ids = new ArrayList<>(List.of(caseId));
    for (int i = 0; i < ids.size(); i++) {
      history.createHistoricProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().stream()
          .map(HistoricProcessInstance::getId).forEach(ids::add);
    }
    return ids;
  }

  /**
   * Every variable of the case (and what it called) that was ever stored Java-serialized, as "name (format)":
   * the current values and every earlier version in history.
   */
  public static List<String> javaSerialized(HistoryService history, String caseId) {
    String[] ids = caseAndCalled(history, caseId).toArray(String[]::new);
    List<String> found = new ArrayList<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).disableCustomObjectDeserialization()
        .listPage(0, 2000).forEach(v -> check(v.getName(), v.getTypedValue(), found));
    for (String id : ids) {
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
          .disableCustomObjectDeserialization().listPage(0, 2000)) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        check(update.getVariableName(), update.getTypedValue(), found);
      }
    }
    return found.stream().distinct().toList();
  }

  private static void check(String name, TypedValue value, List<String> found) {
    if (value instanceof SerializableValue serializable
        && SerializationDataFormats.JAVA.getName().equals(serializable.getSerializationDataFormat())) {
      found.add(name + " (" + serializable.getSerializationDataFormat() + ")");
    }
  }
}
