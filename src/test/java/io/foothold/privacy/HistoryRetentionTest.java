package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.casefile.CaseFiles;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * Retention as an operator configures it: every playbook definition carries the configured time-to-live, and
 * Camunda's history cleanup removes a finished case once that time has passed (with its row in the case file), and
 * nothing younger.
 */
@FootholdSpringTest
@ExtendWith(RestoreCleanupSchedule.class)
class HistoryRetentionTest {

  private static final long DAY = 24L * 3600 * 1000;

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RetentionSettings settings;
  @Autowired HistoryRetention retention;
  @Autowired CaseFiles caseFiles;

  @Test
  void everyVersionOfEveryPlaybookDefinitionCarriesTheConfiguredTimeToLive() {
    assertThat(settings.daysFor("recovery-arc")).isEqualTo(180);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ThanksNote").list())
        .as("the example plugin's model says P30D; the operator's setting wins")
        .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
    for (Deployment deployment : repository.createDeploymentQuery().deploymentNameLike("foothold:%").list()) {
      int days = settings.daysFor(deployment.getName().substring("foothold:".length()));
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
          .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getId()).isEqualTo(days));
      assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list())
          .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getId()).isEqualTo(days));
    }
  }

  @Test
  void aPlaybookCanKeepItsHistoryLongerThanTheDefault() {
    RetentionSettings longer = new RetentionSettings();
    longer.setHistoryTimeToLive(settings.getHistoryTimeToLive());
    longer.setPlaybooks(Map.of("recovery-arc", Duration.ofDays(365)));

    new HistoryRetention(repository, longer).apply();

    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("RecoveryArc").list())
        .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(365));
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("RecoveryEscalationGate").list())
        .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(365));
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("MicroFailure").list())
        .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isEqualTo(180));
  }

  @Test
  void historyCleanupRemovesACaseWhoseTimeToLiveHasPassedAndKeepsAYoungerOne() {
    // Far in the past, so that no other test's case is old enough to be removed by this cleanup.
    long base = System.currentTimeMillis() - 3000 * DAY;
    String old = finishedThanksNoteAt(new Date(base));
    String younger = finishedThanksNoteAt(new Date(base + 150 * DAY));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).singleResult().getRemovalTime())
        .as("removal time is stamped when the case ends").isNotNull();
    assertThat(caseFiles.of(old)).as("the case file has the ended case").isPresent();

    ClockUtil.setCurrentTime(new Date(base + 181 * DAY));
    history.cleanUpHistoryAsync(true);
    history.findHistoryCleanupJobs().forEach(job -> management.executeJob(job.getId()));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).as("180 days after its end").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(younger).count()).as("31 days after its end").isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(younger).count()).isPositive();
    assertThat(caseFiles.of(old)).as("the case file forgets the removed case").isEmpty();
    assertThat(caseFiles.of(younger)).as("and keeps the younger one").isPresent();
  }

  private String finishedThanksNoteAt(Date when) {
    ClockUtil.setCurrentTime(when);
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("ThanksNote",
        Map.of("employeeId", "sam", "whatWentWell", "Unblocked the release by fixing the flaky test.", "channel", "written"));
    maya.completeTask(caseId, "Task_FollowUp", Map.of("said", true));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndTime()).isNotNull();
    return caseId;
  }
}
