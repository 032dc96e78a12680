package io.foothold.privacy;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.PlaybooksDeployed;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * Gives every version of a playbook's processes and decisions the configured history time-to-live whenever the
 * playbook is deployed: at start-up every playbook, on a live reload the one saved (its new version would
 * otherwise keep whatever its model says). All versions, because cases still running on an old version end under
 * it; the removal time of a case is fixed when it ends (see history-removal-time-strategy in application.yaml), so
 * a changed setting applies to cases that end after the next start-up.
 */
@Component
class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repository;
  private final RetentionSettings settings;

  HistoryRetention(RepositoryService repository, RetentionSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  @EventListener
  void on(PlaybooksDeployed deployed) {
    if (deployed.startUp()) {
      apply();
    } else {
      deployed.playbookIds().forEach(id -> apply(repository.createDeploymentQuery().deploymentName(DeploymentNames.of(id)).list()));
    }
  }

  /** Every playbook's deployments, including those of a playbook that failed its checks this time. */
  void apply() {
    apply(repository.createDeploymentQuery().deploymentNameLike(DeploymentNames.anyPlaybook()).list());
  }

  private void apply(List<Deployment> deployments) {
    for (Deployment deployment : deployments) {
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
