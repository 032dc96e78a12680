package io.foothold.values;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.PlaybooksDeployed;

/**
 * Rewrites, at start-up, every variable of a running case that is still stored in Java serialization (decision
 * results and lists stored before objects were kept as JSON) as JSON. Tasklist sends a variable back with the type
 * it was stored with, and Java serialization is refused, so such a case could not get past its next form. Setting
 * the same value again stores it as JSON (the variable layer's format); a second run finds nothing to do. Runs once
 * the playbooks are deployed at start-up: a variable write may evaluate the models' conditions, which call the
 * playbooks' contributions.
 */
@Component
public class JsonVariablesMigration {

  private static final Logger log = LoggerFactory.getLogger(JsonVariablesMigration.class);
  /** The engine's name for its Java serialization serializer (ACT_RU_VARIABLE.TYPE_). */
  static final String JAVA_SERIALIZER = "serializable";

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;

  JsonVariablesMigration(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, TaskService tasks) {
    this.jdbc = jdbc;
    this.management = management;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @EventListener(condition = "#deployed.startUp()")
  void on(PlaybooksDeployed deployed) {
    migrate();
  }

  /** Rewrites what is still Java-serialized; returns how many variables were rewritten. */
  public int migrate() {
    // One indexed-free scan of the runtime table: cheaper than reading every variable of every open case through the API.
    List<String> ids = jdbc.queryForList("select ID_ from " + management.getTableName(VariableInstanceEntity.class)
        + " where TYPE_ = ?", String.class, JAVA_SERIALIZER);
    int rewritten = 0;
    for (String id : ids) {
      VariableInstance variable = runtime.createVariableInstanceQuery().variableId(id).singleResult();
      if (variable == null) {
        continue;
      }
      try {
        if (variable.getTaskId() != null) {
          tasks.setVariableLocal(variable.getTaskId(), variable.getName(), variable.getValue());
        } else {
          runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), variable.getValue());
        }
        rewritten++;
      } catch (RuntimeException e) {
        log.warn("Variable '{}' of case {} stays Java-serialized: {}", variable.getName(), variable.getProcessInstanceId(), e.getMessage());
      }
    }
    if (rewritten > 0) {
      log.info("Stored {} variables of running cases as JSON instead of Java serialization", rewritten);
    }
    return rewritten;
  }
}
