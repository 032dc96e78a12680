package io.foothold.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import io.foothold.engine.WorkingDays;
import io.foothold.playbooks.microconfidence.EvidenceLog;
import io.foothold.playbooks.recoveryarc.CaseSoFar;

/**
 * The baseline for arc throughput: a plain Camunda engine (full history, in-memory H2, job executor off) with
 * none of Foothold's plugins, listeners, form enforcement or grants, deploying the same recovery-arc and
 * micro-confidence files. Only Camunda's own Spin plugin is on, because the forms' checklists are stored as
 * JSON. The beans the models name are the real pure-logic classes (working days, evidence log, case so far) or minimal
 * stand-ins (people, forwardConcernToCase; the arc's walk never reaches them).
 */
final class BareArcEngine {

  private BareArcEngine() {
  }

  static ProcessEngine build(Path repositoryRoot) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-bare-arc");
    configuration.setJdbcUrl("jdbc:h2:mem:bench-bare-arc;DB_CLOSE_DELAY=-1");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    JavaDelegate forwardConcernStandIn = execution -> { };
    configuration.setBeans(Map.of(
        "workingDays", new WorkingDays(),
        "evidenceLog", new EvidenceLog(),
        "caseSoFar", new CaseSoFar(),
        "people", new PeopleStandIn(),
        "forwardConcernToCase", forwardConcernStandIn));
    ProcessEngine engine = configuration.buildProcessEngine();
    deploy(engine, repositoryRoot, "recovery-arc");
    deploy(engine, repositoryRoot, "micro-confidence");
    return engine;
  }

  /** Every model and form of one playbook, named "&lt;id&gt;/&lt;file&gt;" as Foothold names them. */
  private static void deploy(ProcessEngine engine, Path root, String playbook) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare:" + playbook);
    for (Path folder : List.of(root.resolve("processes").resolve(playbook), root.resolve("forms").resolve(playbook))) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          try (InputStream in = Files.newInputStream(file)) {
            deployment.addInputStream(playbook + "/" + file.getFileName(), new ByteArrayInputStream(in.readAllBytes()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    deployment.deploy();
  }

  /** ${people.employeeOrManager(...)} of the micro-confidence loop: the manager does the daily step. */
  public static final class PeopleStandIn {
    public String employeeOrManager(String employeeId, String managerId) {
      return managerId;
    }
  }
}
