package io.foothold.privacy;

import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.foothold.engine.StartupOrder;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * Gives every version of every playbook's processes and decisions the configured history time-to-live, once
 * the playbooks are deployed. All versions, because cases still running on an old version end under it; the
 * removal time of a case is fixed when it ends (see history-removal-time-strategy in application.yaml), so a
 * changed setting applies to cases that end after the next start-up.
 */
@Component
@Order(StartupOrder.HISTORY_RETENTION)
class HistoryRetention implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repository;
  private final RetentionSettings settings;

  HistoryRetention(RepositoryService repository, RetentionSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    apply();
  }

  void apply() {
    for (Deployment deployment : repository.createDeploymentQuery().deploymentNameLike(DeploymentNames.anyPlaybook()).list()) {
      String playbookId = DeploymentNames.playbookOf(deployment.getName());
      int days = settings.daysFor(playbookId);
      int changed = 0;
      for (var process : repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()) {
        if (!Objects.equals(process.getHistoryTimeToLive(), days)) {
          repository.updateProcessDefinitionHistoryTimeToLive(process.getId(), days);
          changed++;
        }
      }
      for (var decision : repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list()) {
        if (!Objects.equals(decision.getHistoryTimeToLive(), days)) {
          repository.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), days);
          changed++;
        }
      }
      if (changed > 0) {
        log.info("Playbook '{}': history of finished cases is kept {} days ({} definitions of deployment {} updated)",
            playbookId, days, changed, deployment.getId());
      }
    }
  }
}
