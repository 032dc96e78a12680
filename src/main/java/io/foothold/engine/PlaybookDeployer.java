package io.foothold.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every playbook folder (processes/&lt;playbook&gt;/ and forms/&lt;playbook&gt;/) as one Camunda deployment.
 * Resource names are fixed to "&lt;playbook&gt;/&lt;file&gt;" so they are the same under java -jar, spring-boot:run
 * and tests, and duplicate filtering only creates a new version for what really changed.
 * Form options marked {@code "properties": {"catalog": "<list>"}} are filled from the playbook's catalog
 * on the way in (see {@link CatalogOptions}), so Tasklist and the server-side checks see the labels.
 * A playbook that fails to deploy is logged with its file and reason; the others and the last good
 * version keep serving.
 */
@Component
@Order(StartupOrder.DEPLOY_PLAYBOOKS)
public class PlaybookDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PlaybookDeployer.class);
  private static final List<String> PATTERNS = List.of(
      "classpath*:processes/*/*.bpmn", "classpath*:processes/*/*.dmn", "classpath*:forms/*/*.form");

  private final RepositoryService repositoryService;
  private final PlaybookStates states;

  public PlaybookDeployer(RepositoryService repositoryService, PlaybookStates states) {
    this.repositoryService = repositoryService;
    this.states = states;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    findPlaybookResources().forEach(this::deploy);
  }

  Map<String, List<Resource>> findPlaybookResources() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, List<Resource>> byPlaybook = new TreeMap<>();
    for (String pattern : PATTERNS) {
      for (Resource resource : resolver.getResources(pattern)) {
        byPlaybook.computeIfAbsent(playbookOf(resource), id -> new ArrayList<>()).add(resource);
      }
    }
    return byPlaybook;
  }

  void deploy(String playbookId, List<Resource> resources) {
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name("foothold:" + playbookId)
        .source("foothold")
        .enableDuplicateFiltering(true);
    try {
      CatalogOptions catalog = catalogOf(playbookId);
      for (Resource resource : resources) {
        try (InputStream in = resource.getInputStream()) {
          String name = playbookId + "/" + resource.getFilename();
          String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          deployment.addString(name, name.endsWith(".form") ? catalog.fill(text, name) : text);
        }
      }
      DeploymentWithDefinitions result = deployment.deployWithResult();
      states.deployed(playbookId, result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
      log.info("Playbook '{}' deployed ({} resources checked, deployment {})", playbookId, resources.size(), result.getId());
    } catch (Exception e) {
      states.failed(playbookId, e.getMessage());
      log.error("Playbook '{}' was not deployed; the last good version keeps serving. Reason: {}", playbookId, e.getMessage());
    }
  }

  /** The playbook's content catalog (seeds/&lt;id&gt;/catalog.yaml on the classpath), used to fill catalog-driven options. */
  private static CatalogOptions catalogOf(String playbookId) throws IOException {
    Resource catalog = new PathMatchingResourcePatternResolver().getResource("classpath:seeds/" + playbookId + "/catalog.yaml");
    return catalog.exists() ? CatalogOptions.read(catalog.getInputStream()) : CatalogOptions.none();
  }

  private static String playbookOf(Resource resource) throws IOException {
    String path = resource.getURL().getPath();
    String[] parts = path.split("/");
    return parts[parts.length - 2];
  }
}
