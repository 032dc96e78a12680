package io.foothold.playbook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.PlaybooksDeployed;
import io.foothold.lint.LintInput;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.ParsedFiles;
import io.foothold.modelguard.ContentHash;
import io.foothold.modelguard.ModelBeanRegistry;
import io.foothold.playbook.spi.DeploymentNames;

/**
 * Discovers, checks and deploys every playbook, each as its own Camunda deployment named
 * "foothold:&lt;id&gt;". Resource names are fixed to "&lt;id&gt;/&lt;file&gt;" so they are the same under
 * java -jar, spring-boot:run and tests, and duplicate filtering only makes new versions of what changed.
 * A playbook that fails its checks or its deployment is recorded as failed with the reasons; the others,
 * and its own last good version, keep serving. Each pass ends with {@link PlaybooksDeployed}, which is how
 * retention, start permissions and start-up steps that need the definitions follow a deployment.
 */
@Component
class PlaybookDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PlaybookDeployer.class);
  /**
   * Room for every file of a few dozen playbooks (each save reads all of them for their declared ids) plus a few
   * versions a designer's saves leave behind; a large model parsed is a few hundred kilobytes of heap.
   */
  private static final int PARSED_FILES_KEPT = 256;

  private final PlaybookDiscovery discovery;
  private final PlaybookRegistry registry;
  private final RepositoryService repository;
  private final ModelBeanRegistry beans;
  private final ApplicationEventPublisher events;
  /** Every playbook file parsed so far, by content: a save parses the changed file once and nothing else. */
  private final ParsedFiles parsed = new ParsedFiles(PARSED_FILES_KEPT);
  private final Map<FilledFormKey, byte[]> filledForms = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FilledFormKey, byte[]> eldest) {
      return size() > PARSED_FILES_KEPT;
    }
  };

  PlaybookDeployer(PlaybookDiscovery discovery, PlaybookRegistry registry, RepositoryService repository,
      ModelBeanRegistry beans, ApplicationEventPublisher events) {
    this.discovery = discovery;
    this.registry = registry;
    this.repository = repository;
    this.beans = beans;
    this.events = events;
  }

  @Override
  public void run(ApplicationArguments args) {
    deployAll();
  }

  /**
   * Checks and deploys one playbook again, as it is now on disk (live reload). A playbook that fails keeps its
   * last good version serving; the returned state says why.
   */
  synchronized PlaybookState redeploy(String id) {
    List<String> deployed = checkAndDeploy(id::equals);
    if (!deployed.isEmpty()) {
      try {
        events.publishEvent(new PlaybooksDeployed(deployed, startableProcesses(deployed), false));
      } catch (RuntimeException e) {
        // The new version serves already; what follows a deployment (retention, start permissions) is applied
        // again at the next deployment or start-up. Live reload goes on.
        log.error("Playbook '{}' is deployed, but what follows a deployment failed: {}", id, e.getMessage(), e);
      }
    }
    return registry.find(id).orElse(null);
  }

  /** Every playbook, as the application starts; then whatever waits for the start-up deployment runs. */
  synchronized void deployAll() {
    warnAboutFilesOutsidePlaybooks();
    List<String> deployed = checkAndDeploy(id -> true);
    events.publishEvent(new PlaybooksDeployed(deployed, startableProcesses(deployed), true));
  }

  /** The processes these playbooks' serving deployments define that Tasklist offers to start. */
  private List<String> startableProcesses(List<String> playbookIds) {
    return playbookIds.stream()
        .flatMap(id -> registry.find(id).stream())
        .filter(state -> state.deploymentId() != null)
        .flatMap(state -> repository.createProcessDefinitionQuery().deploymentId(state.deploymentId())
            .startableInTasklist().list().stream())
        .map(ProcessDefinition::getKey)
        .distinct()
        .toList();
  }

  /** Checks and deploys the discovered playbooks the filter takes, recording failures; returns the ids deployed. */
  private List<String> checkAndDeploy(Predicate<String> which) {
    PlaybookDiscovery.Result found = discovery.discover();
    found.failures().stream().filter(failure -> which.test(failure.id()))
        .forEach(failure -> fail(failure.id(), failure.origin(), List.of(failure.reason())));
    PlaybookValidator.Known known = PlaybookValidator.declaredBy(found.playbooks(), deployedDefinitions(), parsed);
    List<String> deployed = new ArrayList<>();
    for (Playbook playbook : found.playbooks()) {
      if (!which.test(playbook.id())) {
        continue;
      }
      List<PlaybookValidator.Problem> problems = PlaybookValidator.validate(playbook, known, parsed);
      if (problems.isEmpty()) {
        if (deploy(playbook)) {
          deployed.add(playbook.id());
        }
      } else {
        fail(playbook, problems.stream().map(PlaybookValidator.Problem::toString).toList());
      }
    }
    return deployed;
  }

  /** A model saved straight into processes/ (not processes/&lt;playbook&gt;/) is never deployed: say so at start-up. */
  private void warnAboutFilesOutsidePlaybooks() {
    Path folder = discovery.designerFolders();
    if (folder != null) {
      LintWorkspace.outsidePlaybooks(LintInput.fromDirectory(folder).files().keySet()).forEach(file -> log.warn(
          "{} in {} is not inside a playbook folder (processes/<playbook>/…), so it is not deployed", file, folder));
    }
  }

  private boolean deploy(Playbook playbook) {
    PlaybookDescriptor d = playbook.descriptor();
    try {
      registerContributions(playbook);
      DeploymentBuilder deployment = repository.createDeployment()
          .name(DeploymentNames.of(d.id()))
          .source("foothold " + d.version())
          .enableDuplicateFiltering(true);
      for (String file : d.processes()) {
        deployment.addInputStream(d.id() + "/" + file, stream(playbook.source().read(d.processPath(file)).orElseThrow()));
      }
      for (String file : d.decisions()) {
        deployment.addInputStream(d.id() + "/" + file, stream(playbook.source().read(d.processPath(file)).orElseThrow()));
      }
      for (String file : d.forms()) {
        byte[] form = filledForm(playbook.source().read(d.formPath(file)).orElseThrow(), playbook.catalog());
        deployment.addInputStream(d.id() + "/" + file, stream(form));
      }
      String deploymentId = deployment.deploy().getId();
      registry.recordCatalog(d.id(), playbook.catalog());
      registry.record(new PlaybookState(d.id(), d.name(), d.version(), playbook.source().describe(),
          PlaybookState.Status.DEPLOYED, List.of(), d.entryProcesses(), deploymentId, Instant.now()));
      log.info("Playbook '{}' {} ({}) deployed", d.id(), d.version(), playbook.source().describe());
      return true;
    } catch (RuntimeException e) {
      fail(playbook, List.of("deployment refused by the engine: " + e.getMessage()));
      return false;
    }
  }

  /** A form as deployed (catalog options filled in); filled again only when the form's bytes or the catalog change. */
  private byte[] filledForm(byte[] form, PlaybookCatalog catalog) {
    synchronized (filledForms) {
      return filledForms.computeIfAbsent(new FilledFormKey(ContentHash.sha256(form), catalog),
          key -> CatalogFormOptions.fill(form, catalog));
    }
  }

  private record FilledFormKey(String formHash, PlaybookCatalog catalog) {
  }

  /** A plugin's Java contributions become callable by name from models (and nothing else of the application is). */
  private void registerContributions(Playbook playbook) {
    playbook.contributions().forEach(beans::contribute);
  }

  /** The version Tasklist starts of each of the playbook's entry processes, after a reload that deployed it. */
  Map<String, Integer> startedVersions(PlaybookState state) {
    if (state == null || state.status() != PlaybookState.Status.DEPLOYED) {
      return Map.of();
    }
    Map<String, Integer> versions = new TreeMap<>();
    for (String key : state.entryProcesses()) {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      if (latest != null) {
        versions.put(key, latest.getVersion());
      }
    }
    return versions;
  }

  /** What the checks know exists, for these discovered playbooks (the console lints with the same knowledge). */
  PlaybookValidator.Known known(PlaybookDiscovery.Result found) {
    return PlaybookValidator.declaredBy(found.playbooks(), deployedDefinitions(), parsed);
  }

  /** The files parsed by the deployment checks, for the console's lint findings (the same parse, not another). */
  ParsedFiles parsedFiles() {
    return parsed;
  }

  private PlaybookValidator.Known deployedDefinitions() {
    var processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    var decisions = repository.createDecisionDefinitionQuery().latestVersion().list().stream()
        .map(DecisionDefinition::getKey).collect(Collectors.toSet());
    return new PlaybookValidator.Known(processes, decisions, Set.of(), beans);
  }

  private void fail(Playbook playbook, List<String> problems) {
    PlaybookDescriptor d = playbook.descriptor();
    registry.record(new PlaybookState(d.id(), d.name(), d.version(), playbook.source().describe(),
        PlaybookState.Status.FAILED, problems, d.entryProcesses(), null, Instant.now()));
    log.error("Playbook '{}' ({}) was not deployed; its last good version, if any, keeps serving. {}",
        d.id(), playbook.source().describe(), String.join("; ", problems));
  }

  private void fail(String id, String origin, List<String> problems) {
    registry.record(new PlaybookState(id, null, null, origin, PlaybookState.Status.FAILED, problems, List.of(), null, Instant.now()));
    log.error("Playbook '{}' ({}) could not be read: {}", id, origin, String.join("; ", problems));
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
