package io.foothold.playbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;
import io.foothold.lint.Finding;
import io.foothold.lint.LintInput;
import io.foothold.lint.LintWorkspace;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * What the designers' console shows: each playbook's state, files, versions, last deployment, last refusal and
 * lint findings (warnings too), plus files in the designers' folders that belong to no playbook. Engine reads run as
 * the signed-in designer (the /api filter), so the engine's grants decide what is seen; none of it is case data.
 */
@Component
class PlaybookConsole {

  private final PlaybookDiscovery discovery;
  private final PlaybookDeployer deployer;
  private final PlaybookRegistry registry;
  private final RepositoryService repository;
  private final SystemAccess system;
  private final LiveReloads reloads;
  private final PlaybookMigrations migrations;

  PlaybookConsole(PlaybookDiscovery discovery, PlaybookDeployer deployer, PlaybookRegistry registry, RepositoryService repository,
      SystemAccess system, LiveReloads reloads, PlaybookMigrations migrations) {
    this.reloads = reloads;
    this.migrations = migrations;
    this.discovery = discovery;
    this.deployer = deployer;
    this.registry = registry;
    this.repository = repository;
    this.system = system;
  }

  record Overview(List<Entry> playbooks, List<String> filesOutsidePlaybooks, String designerFolder, LiveReloads.Reload lastReload) {
  }

  record Entry(String id, String name, String version, String origin, String state, List<String> problems, Instant checkedAt,
      List<String> files, List<ProcessVersion> processes, LastDeployment lastDeployment, Refusal lastRefusal,
      List<Finding> lintFindings, LiveReloads.Reload lastReload, List<OlderVersionInUse> olderVersionsInUse) {
  }

  /**
   * An older version that still has running cases, and whether they would move cleanly to the newest version. HR's
   * rule that small counts can point at a person applies: only administrators get counts ({@code runningCases},
   * {@code mapCleanly}); designers read {@code running} ("some cases") and {@code mapping}. No case is named.
   */
  record OlderVersionInUse(String processKey, int version, int newestVersion, String running, String mapping, Long runningCases,
      Long mapCleanly, List<String> reasons) {
  }

  record ProcessVersion(String key, String name, int latestVersion, long versions) {
  }

  record LastDeployment(String deploymentId, Instant at) {
  }

  record Refusal(Instant at, List<String> problems) {
  }

  /** @param showCounts whether the reader is an administrator, who may see how many cases run on older versions */
  Overview overview(boolean showCounts) {
    PlaybookDiscovery.Result found = discovery.discover();
    // every deployed key, as the deployment check itself knows them (a signed-in caller's list queries must page)
    PlaybookValidator.Known known = system.call(() -> deployer.known(found));
    Map<String, Playbook> byId = new LinkedHashMap<>();
    found.playbooks().forEach(playbook -> byId.put(playbook.id(), playbook));
    List<Entry> entries = new ArrayList<>();
    for (PlaybookState state : registry.all()) {
      Playbook playbook = byId.get(state.id());
      entries.add(new Entry(state.id(), state.name(), state.version(), state.origin(), state.status().name(), state.problems(),
          state.checkedAt(), playbook == null ? List.of() : files(playbook.descriptor()),
          playbook == null ? List.of() : processes(playbook.descriptor()), lastDeployment(state.id()),
          registry.lastRefused(state.id()).map(refused -> new Refusal(refused.checkedAt(), refused.problems())).orElse(null),
          playbook == null ? List.of() : PlaybookValidator.lintFindings(playbook, known, deployer.parsedFiles()),
          reloads.lastOf(state.id()).orElse(null), olderVersionsInUse(state.id(), showCounts)));
    }
    Path folder = discovery.designerFolders();
    List<String> outside = folder == null ? List.of() : LintWorkspace.outsidePlaybooks(LintInput.fromDirectory(folder).files().keySet());
    return new Overview(entries, outside, folder == null ? null : folder.toAbsolutePath().toString(), reloads.last().orElse(null));
  }

  /** The migration plan, read as counts for administrators and as "some cases" for designers; never case ids. */
  private List<OlderVersionInUse> olderVersionsInUse(String playbookId, boolean showCounts) {
    List<OlderVersionInUse> older = new ArrayList<>();
    for (PlaybookMigrations.DefinitionPlan plan : migrations.plan(playbookId)) {
      long running = plan.cases().size();
      long clean = plan.cases().stream().filter(PlaybookMigrations.CasePlan::mapsCleanly).count();
      String mapping = clean == running ? "all map cleanly" : clean == 0 ? "none maps cleanly" : "some map cleanly, some do not";
      List<String> reasons = plan.cases().stream().map(PlaybookMigrations.CasePlan::reason).filter(Objects::nonNull)
          .distinct().sorted().toList();
      older.add(new OlderVersionInUse(plan.processKey(), plan.fromVersion(), plan.toVersion(), running == 0 ? "none" : "some cases",
          mapping, showCounts ? running : null, showCounts ? clean : null, reasons));
    }
    return older;
  }

  private static List<String> files(PlaybookDescriptor d) {
    List<String> files = new ArrayList<>();
    files.add(d.seedPath("playbook.yaml"));
    d.processes().forEach(file -> files.add(d.processPath(file)));
    d.decisions().forEach(file -> files.add(d.processPath(file)));
    d.forms().forEach(file -> files.add(d.formPath(file)));
    if (d.catalog() != null) {
      files.add(d.seedPath(d.catalog()));
    }
    return files;
  }

  private List<ProcessVersion> processes(PlaybookDescriptor d) {
    List<ProcessVersion> versions = new ArrayList<>();
    for (String key : d.entryProcesses()) {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (latest != null) {
        versions.add(new ProcessVersion(key, latest.getName(), latest.getVersion(),
            repository.createProcessDefinitionQuery().processDefinitionKey(key).count()));
      }
    }
    return versions;
  }

  private LastDeployment lastDeployment(String id) {
    List<Deployment> newest = repository.createDeploymentQuery().deploymentName(DeploymentNames.of(id))
        .orderByDeploymentTime().desc().listPage(0, 1);
    return newest.isEmpty() ? null : new LastDeployment(newest.get(0).getId(), newest.get(0).getDeploymentTime().toInstant());
  }
}
