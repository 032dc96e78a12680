package io.foothold.audit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Tiny playbooks deployed by the audit tests themselves ("foothold:&lt;id&gt;", resources "&lt;id&gt;/…", as Foothold
 * deploys), so each test class owns its cases and can count them exactly in the shared application context.
 */
final class TestPlaybooks {

  private TestPlaybooks() {
  }

  /** Start → one manager step → end. */
  static void oneStep(RepositoryService repository, String playbookId, String processKey) {
    deploy(repository, playbookId, Bpmn.createExecutableProcess(processKey).name("Audit test " + playbookId)
        .startEvent().userTask("Task_Step").name("The one step").camundaAssignee("${managerId}").endEvent().done());
  }

  /** Start → end: a case that is closed as soon as it opens. */
  static void instant(RepositoryService repository, String playbookId, String processKey) {
    deploy(repository, playbookId, Bpmn.createExecutableProcess(processKey).name("Audit test " + playbookId)
        .startEvent().endEvent().done());
  }

  private static void deploy(RepositoryService repository, String playbookId, BpmnModelInstance model) {
    repository.createDeployment().name("foothold:" + playbookId).enableDuplicateFiltering(true)
        .addModelInstance(playbookId + "/" + playbookId + ".bpmn", model).deploy();
  }
}
