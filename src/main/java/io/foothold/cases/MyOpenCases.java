package io.foothold.cases;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.escalation.SeriousSignals;
import io.foothold.forms.FormOption;
import io.foothold.forms.FormOptionsSource;

/**
 * Options source "my-open-cases": the running cases the current manager opened that can take a concern
 * (their playbook listens for serious signals), newest first.
 */
@Component
class MyOpenCases implements FormOptionsSource {

  private static final DateTimeFormatter OPENED = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final SystemAccess system;

  MyOpenCases(SystemAccess system) {
    this.system = system;
  }

  @Override
  public String name() {
    return "my-open-cases";
  }

  @Override
  public List<FormOption> optionsFor(String userId) {
    if (userId == null) {
      return List.of();
    }
    return system.call(() -> {
      ProcessEngine engine = system.engine();
      List<HistoricProcessInstance> cases = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .unfinished().rootProcessInstances().variableValueEquals(CaseOpened.MANAGER, userId)
          .orderByProcessInstanceStartTime().desc().list();
      return cases.stream()
          .filter(instance -> engine.getRuntimeService().getVariable(instance.getId(), CaseOpened.EMPLOYEE) != null)
          .filter(instance -> SeriousSignals.areHeardBy(instance.getProcessDefinitionId()))
          .map(instance -> new FormOption(instance.getId(), label(engine, instance)))
          .toList();
    });
  }

  private static String label(ProcessEngine engine, HistoricProcessInstance instance) {
    Object name = engine.getRuntimeService().getVariable(instance.getId(), CaseOpened.EMPLOYEE_NAME);
    String who = name != null ? name.toString() : String.valueOf(engine.getRuntimeService().getVariable(instance.getId(), CaseOpened.EMPLOYEE));
    String what = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey();
    String when = OPENED.format(instance.getStartTime().toInstant().atZone(ZoneId.systemDefault()));
    return who + " — " + what + " (opened " + when + ")";
  }
}
