package io.foothold.playbooks.checkinnote;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.foothold.playbook.PlaybookRegistry;
import io.foothold.playbook.PlaybookState;
import io.foothold.playbook.spi.DeploymentNames;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * The README's worked example, "A new playbook in 5 files": a descriptor and its catalog ({@code seeds/check-in-note/}),
 * one model ({@code processes/check-in-note/}), one form ({@code forms/check-in-note/}) and one bean
 * ({@link CheckInNote}, in this package). Its folders alone, put into the shared application's designers' folder
 * before start-up ({@link CheckInNoteExample}), are discovered, checked, deployed and run like a built-in playbook,
 * and nothing outside its folders and its package had to change.
 */
@FootholdSpringTest
class NewPlaybookInFiveFilesTest {

  private static final String ID = "check-in-note";
  private static final List<String> ITS_FOLDERS = List.of("seeds/" + ID, "processes/" + ID, "forms/" + ID);
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @Autowired PlaybookRegistry registry;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate web;

  @BeforeEach
  void theApplicationHasFoundIt() throws InterruptedException {
    // CheckInNoteExample put its folders into the designers' folder before start-up; the deployer checks them then.
    awaitDeployed();
  }

  @Test
  void thePlaybookIsDiscoveredAndDeployedAsItsOwnDeployment() {
    PlaybookState state = registry.find(ID).orElseThrow();

    assertThat(state.status()).isEqualTo(PlaybookState.Status.DEPLOYED);
    assertThat(state.problems()).isEmpty();
    assertThat(state.entryProcesses()).containsExactly("CheckInNote");
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey("CheckInNote").latestVersion().singleResult();
    assertThat(repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getName())
        .isEqualTo(DeploymentNames.of(ID));
  }

  @Test
  void theLinterFindsNothingToSayAboutIt() throws IOException {
    JsonNode console = EngineRest.json(EngineRest.as(web, "dana").getApi("/api/playbooks/console").getBody());

    JsonNode entry = null;
    for (JsonNode playbook : console.path("playbooks")) {
      if (ID.equals(playbook.path("id").asText())) {
        entry = playbook;
      }
    }
    assertThat(entry).as("the console lists the new playbook").isNotNull();
    assertThat(entry.path("lintFindings").isArray()).isTrue();
    assertThat(entry.path("lintFindings")).as("no errors, no warnings").isEmpty();
    assertThat(console.path("filesOutsidePlaybooks").toString()).doesNotContain(ID);
  }

  @Test
  void aManagerStartsItFromItsFormAndItsModelCallsItsOwnBean() {
    String caseId = EngineRest.as(web, "maya").startCase("CheckInNote",
        Map.of("employeeId", "sam", "pace", "catching-up", "said", "The new build steps make sense now. "));

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("checkInLine")
        .singleResult().getValue()).isEqualTo("Pace: catching-up. In their words: The new build steps make sense now.");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Noted");
  }

  @Test
  void itsFormIsEnforcedOnStart() {
    EngineRest maya = EngineRest.as(web, "maya");
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("CheckInNote").count();

    ResponseEntity<String> nothingSaid = maya.submitStartForm("CheckInNote", Map.of("employeeId", "sam", "pace", "steady"));
    ResponseEntity<String> unknownPace = maya.submitStartForm("CheckInNote",
        Map.of("employeeId", "sam", "pace", "racing", "said", "Fine."));

    assertThat(nothingSaid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nothingSaid.getBody()).contains("said");
    assertThat(unknownPace.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownPace.getBody()).contains("pace");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("CheckInNote").count()).isEqualTo(before);
  }

  @Test
  void nothingOutsideItsFoldersAndItsPackageWasNeeded() throws IOException {
    // the example is exactly its three folders
    Path example = CheckInNoteExample.source();
    try (Stream<Path> files = Files.walk(example)) {
      assertThat(files.filter(Files::isRegularFile).map(file -> example.relativize(file).toString().replace('\\', '/')))
          .isNotEmpty().allMatch(file -> ITS_FOLDERS.stream().anyMatch(folder -> file.startsWith(folder + "/")));
    }
    // Foothold's own code and playbooks do not know it
    for (String root : List.of("src/main", "processes", "forms", "seeds")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        assertThat(files.filter(Files::isRegularFile).filter(NewPlaybookInFiveFilesTest::mentionsThePlaybook).toList())
            .as("files under " + root + " naming the example").isEmpty();
      }
    }
    // and its Java uses the playbook SPI and nothing else of Foothold
    noClasses().that().resideInAPackage("io.foothold.playbooks.checkinnote").and().haveSimpleNameNotEndingWith("Test")
        .should().dependOnClassesThat(resideInAPackage("io.foothold..")
            .and(not(resideInAnyPackage("io.foothold.playbook.spi..", "io.foothold.playbooks.checkinnote.."))))
        .check(new ClassFileImporter().importPackages("io.foothold.playbooks.checkinnote"));
  }

  private static boolean mentionsThePlaybook(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains(ID) || text.contains("CheckInNote") || text.contains("checkInNote");
    } catch (IOException notText) {
      return false;
    }
  }

  private void awaitDeployed() throws InterruptedException {
    Instant deadline = Instant.now().plus(LIMIT);
    while (registry.find(ID).map(state -> state.status() != PlaybookState.Status.DEPLOYED).orElse(true)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("check-in-note was not deployed within " + LIMIT + ": " + registry.find(ID).orElse(null));
      }
      Thread.sleep(50);
    }
  }
}
