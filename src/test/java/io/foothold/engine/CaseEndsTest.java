package io.foothold.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.foothold.engine.events.CaseClosed;
import io.foothold.support.FootholdSpringTest;

/** A case's end is announced once, for the case itself, however it ends; a playbook it called ending is not its end. */
@FootholdSpringTest
@RecordApplicationEvents
class CaseEndsTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ApplicationEvents events;

  @BeforeEach
  void deployACaseThatCallsAnotherPlaybook() {
    repository.createDeployment().name("foothold:case-ends-test").enableDuplicateFiltering(true)
        .addModelInstance("case-ends-test/called.bpmn", Bpmn.createExecutableProcess("CaseEndsCalled")
            .startEvent().userTask("Task_Step").endEvent().done())
        .addModelInstance("case-ends-test/case.bpmn", Bpmn.createExecutableProcess("CaseEndsCase")
            .startEvent().callActivity("Call_Playbook").calledElement("CaseEndsCalled").endEvent().done())
        .deploy();
  }

  @Test
  void aCaseIsClosedWhenItEndsNotWhenThePlaybookItCalledEnds() {
    // given a case waiting in the playbook it called
    String caseId = runtime.startProcessInstanceByKey("CaseEndsCase").getId();
    String calledId = runtime.createProcessInstanceQuery().superProcessInstanceId(caseId).singleResult().getId();

    // when the called playbook's step is done (it ends, then the case)
    tasks.complete(tasks.createTaskQuery().processInstanceId(calledId).singleResult().getId());

    // then one announcement, for the case
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    assertThat(events.stream(CaseClosed.class)).containsExactly(new CaseClosed(caseId));
  }

  @Test
  void aCaseDeletedWithItsListenersSkippedIsClosedToo() {
    String caseId = runtime.startProcessInstanceByKey("CaseEndsCase").getId();

    runtime.deleteProcessInstance(caseId, "opened by mistake", true);

    assertThat(events.stream(CaseClosed.class)).containsExactly(new CaseClosed(caseId));
  }
}
