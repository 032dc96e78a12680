package io.foothold.engine.events;

import java.util.List;

/**
 * Playbooks were checked and deployed: every playbook at start-up ({@code startUp}, published even when none
 * could be deployed, so what waits for start-up deployment runs), or one playbook a designer saved (live reload).
 * A deployment the engine's duplicate filtering skipped counts as deployed: its definitions are the ones serving.
 *
 * @param playbookIds        the playbooks whose definitions now serve, in the order they were deployed
 * @param startableProcesses keys of those playbooks' processes that Tasklist offers to start (managers may start
 *                           these, and only processes a playbook brings: a model deployed any other way is not
 *                           offered to managers by a playbook's deployment)
 * @param startUp            true for the pass over every playbook as the application starts
 */
public record PlaybooksDeployed(List<String> playbookIds, List<String> startableProcesses, boolean startUp) {

  public PlaybooksDeployed {
    playbookIds = List.copyOf(playbookIds);
    startableProcesses = List.copyOf(startableProcesses);
  }
}
