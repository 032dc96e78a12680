package io.foothold.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;

/**
 * Moves running cases to a playbook's newest version, on purpose and visibly: Camunda keeps running cases
 * on the version they started with, which is right until a designer fixes something cases need now.
 * The plan says which cases map cleanly (every step they wait in exists, same id, in the new version);
 * executing it moves only those and leaves a comment on each case for the audit trail.
 */
@Component
class PlaybookMigrations {

  record CasePlan(String caseId, boolean mapsCleanly, String reason) {
  }

  record DefinitionPlan(String processKey, int fromVersion, int toVersion, List<CasePlan> cases) {

    /**
     * The plan as a designer may read it: whether cases map and why not, without case ids or counts (designers
     * change models, they do not read case data; HR's 5-case rule applies to counts).
     */
    DefinitionPlan withoutCases() {
      List<CasePlan> kinds = cases.stream().map(c -> new CasePlan(null, c.mapsCleanly(), c.reason())).distinct().toList();
      return new DefinitionPlan(processKey, fromVersion, toVersion, kinds);
    }
  }

  private final SystemAccess system;

  PlaybookMigrations(SystemAccess system) {
    this.system = system;
  }

  List<DefinitionPlan> plan(String playbookId) {
    return system.call(() -> {
      List<DefinitionPlan> plans = new ArrayList<>();
      for (ProcessDefinition target : latestDefinitionsOf(playbookId)) {
        for (ProcessDefinition source : olderVersionsWithCases(target)) {
          plans.add(planFor(source, target));
        }
      }
      return plans;
    });
  }

  List<DefinitionPlan> execute(String playbookId, String userId) {
    List<DefinitionPlan> plans = plan(playbookId);
    system.run(() -> {
      ProcessEngine engine = system.engine();
      for (DefinitionPlan plan : plans) {
        List<String> movable = plan.cases().stream().filter(CasePlan::mapsCleanly).map(CasePlan::caseId).toList();
        if (movable.isEmpty()) {
          continue;
        }
        ProcessDefinition source = definition(plan.processKey(), plan.fromVersion());
        ProcessDefinition target = definition(plan.processKey(), plan.toVersion());
        engine.getRuntimeService().newMigration(migrationPlan(source, target)).processInstanceIds(movable).execute();
        for (String caseId : movable) {
          engine.getTaskService().createComment(null, caseId, "Moved from version " + plan.fromVersion() + " to version "
              + plan.toVersion() + " of " + plan.processKey() + " by " + userId + ".");
        }
      }
    });
    return plans;
  }

  private DefinitionPlan planFor(ProcessDefinition source, ProcessDefinition target) {
    List<ProcessInstance> cases = system.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionId(source.getId()).rootProcessInstances().list();
    List<CasePlan> casePlans = new ArrayList<>();
    MigrationPlan plan;
    try {
      plan = migrationPlan(source, target);
    } catch (MigrationPlanValidationException e) {
      cases.forEach(c -> casePlans.add(new CasePlan(c.getId(), false, "the versions cannot be mapped: " + e.getMessage())));
      return new DefinitionPlan(source.getKey(), source.getVersion(), target.getVersion(), casePlans);
    }
    Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    for (ProcessInstance c : cases) {
      Set<String> waitingIn = new TreeSet<>();
      collectActivities(system.engine().getRuntimeService().getActivityInstance(c.getId()), waitingIn);
      waitingIn.removeAll(mapped);
      casePlans.add(waitingIn.isEmpty()
          ? new CasePlan(c.getId(), true, null)
          : new CasePlan(c.getId(), false, "waits in " + String.join(", ", waitingIn) + ", which the new version does not have"));
    }
    return new DefinitionPlan(source.getKey(), source.getVersion(), target.getVersion(), casePlans);
  }

  private MigrationPlan migrationPlan(ProcessDefinition source, ProcessDefinition target) {
    return system.engine().getRuntimeService().createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities().updateEventTriggers().build();
  }

  private static void collectActivities(ActivityInstance instance, Set<String> into) {
    if (instance == null) {
      return;
    }
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
        && instance.getParentActivityInstanceId() != null) {
      into.add(instance.getActivityId());
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectActivities(child, into);
    }
  }

  /** The newest version of every process the playbook deployed (resource names start with "<id>/"). */
  private List<ProcessDefinition> latestDefinitionsOf(String playbookId) {
    return system.engine().getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(definition -> definition.getResourceName() != null && definition.getResourceName().startsWith(playbookId + "/"))
        .toList();
  }

  private List<ProcessDefinition> olderVersionsWithCases(ProcessDefinition target) {
    return system.engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(target.getKey()).list().stream()
        .filter(definition -> definition.getVersion() < target.getVersion())
        .filter(definition -> system.engine().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionId(definition.getId()).rootProcessInstances().count() > 0)
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
        .toList();
  }

  private ProcessDefinition definition(String key, int version) {
    return system.engine().getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).processDefinitionVersion(version).singleResult();
  }
}
