package io.foothold.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.security.Roles;
import io.foothold.support.EngineRest;

import io.foothold.support.FootholdSpringTest;

/**
 * The designer loop: a file saved in the designers' folder is checked and deployed within seconds; a broken
 * one is refused with file, element and reason while the last good version keeps serving. Waits are bounded
 * polls, never fixed sleeps; each test prints its save-to-live time.
 */
@FootholdSpringTest
class LiveReloadTest {

  private static final String BPMN = "processes/designer-sandbox/sandbox.bpmn";
  private static final String FORM = "forms/designer-sandbox/step.form";
  private static final Duration LIMIT = Duration.ofSeconds(15);

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired PlaybookRegistry registry;
  @Autowired PlaybookDeployer deployer;
  @Autowired TestRestTemplate web;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  @AfterEach
  void restoreTheSandbox() throws IOException {
    boolean changed = restore(BPMN) | restore(FORM);
    if (changed) {
      awaitState(PlaybookState.Status.DEPLOYED);
    }
  }

  @Test
  void anUnchangedRestartDeploysNothing() {
    long before = repository.createDeploymentQuery().count();

    deployer.deployAll();

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aSavedFormReachesOpenTasksWithoutANewProcessVersion() throws IOException {
    String taskId = startSandboxAndGetTask();
    int processVersion = latest().getVersion();
    String label = "Note, saved at " + System.nanoTime();

    long millis = saveAndWait(FORM, original(FORM).replace("Note, first version", label),
        () -> deployedTaskForm(taskId).contains(label));

    System.out.println("Live reload, form saved to live in " + millis + " ms");
    assertThat(latest().getVersion()).as("a form change makes no new process version").isEqualTo(processVersion);
    String lastDeployment = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0).getId();
    assertThat(repository.getDeploymentResourceNames(lastDeployment)).containsExactly("designer-sandbox/step.form");
  }

  @Test
  void aSavedModelBecomesTheVersionThatStarts() throws IOException {
    int before = latest().getVersion();
    String name = "Do the step, revised " + System.nanoTime();

    long millis = saveAndWait(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"" + name + "\""),
        () -> latest().getVersion() > before);

    System.out.println("Live reload, model saved to startable in " + millis + " ms");
    String instance = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getName()).isEqualTo(name);
  }

  @Test
  void aSavedModelsNewVersionKeepsHistoryAsLongAsTheOperatorSaysNotAsTheModelSays() throws IOException {
    // given the sandbox's model says P1D, and the operator's retention is 180 days (application.yaml)
    int before = latest().getVersion();

    // when the designer saves a new version
    save(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"Do the step, kept\""));
    awaitReload("DEPLOYED");

    // then the new version carries the operator's retention, like every version deployed at start-up
    assertThat(latest().getVersion()).isGreaterThan(before);
    assertThat(latest().getHistoryTimeToLive()).isEqualTo(180);
  }

  @Test
  void managersMayStartAModelAsSoonAsItIsSavedAsStartableInTasklist() throws IOException {
    // given the sandbox is not offered in Tasklist, so managers have no start permission on it
    assertThat(managersMayStart("DesignerSandbox")).isFalse();
    try {
      // when the designer saves it as startable in Tasklist
      save(BPMN, original(BPMN).replace("camunda:isStartableInTasklist=\"false\"", "camunda:isStartableInTasklist=\"true\""));
      awaitReload("DEPLOYED");

      // then managers may start it without waiting for a restart
      assertThat(managersMayStart("DesignerSandbox")).isTrue();
    } finally {
      authorizations.createAuthorizationQuery().groupIdIn(Roles.MANAGERS).resourceType(Resources.PROCESS_DEFINITION)
          .resourceId("DesignerSandbox").list().forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }
  }

  @Test
  void aPlaybooksReloadOffersManagersOnlyThatPlaybooksProcesses() throws IOException {
    // given a startable model deployed another way than as a playbook (e.g. through the REST API)
    String deploymentId = repository.createDeployment().name("not-a-playbook")
        .addModelInstance("elsewhere.bpmn", Bpmn.createExecutableProcess("StartableElsewhere")
            .camundaHistoryTimeToLive(1).camundaStartableInTasklist(true).startEvent().endEvent().done())
        .deploy().getId();
    try {
      // when a designer's save redeploys a playbook
      save(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"Do the step, again\""));
      awaitReload("DEPLOYED");

      // then managers are not offered the other model: a playbook's deployment grants only what that playbook brings
      assertThat(managersMayStart("StartableElsewhere")).isFalse();
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  private boolean managersMayStart(String processKey) {
    return authorizations.createAuthorizationQuery().groupIdIn(Roles.MANAGERS).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(processKey).hasPermission(Permissions.CREATE_INSTANCE).count() > 0;
  }

  @Test
  void aBrokenModelIsRefusedWithFileLineAndReasonWhileTheLastGoodVersionServes() throws IOException {
    ProcessDefinition good = latest();
    String bpmn = original(BPMN);

    save(BPMN, bpmn.substring(0, bpmn.indexOf("<bpmn:endEvent")));
    PlaybookState state = awaitState(PlaybookState.Status.FAILED);

    assertThat(state.reason()).contains(BPMN).contains("does not parse as BPMN").containsPattern("(?i)line[ =]\\d+");
    assertThat(latest().getId()).isEqualTo(good.getId());
    assertThat(runtime.startProcessInstanceByKey("DesignerSandbox").getProcessDefinitionId()).isEqualTo(good.getId());
    assertThat(web.withBasicAuth("dana", "demo").getForEntity("/api/playbooks/designer-sandbox", String.class).getBody())
        .contains("FAILED").contains("does not parse as BPMN");
  }

  @Test
  void aBrokenFormIsRefusedWithItsFileName() throws IOException {
    String taskId = startSandboxAndGetTask();

    save(FORM, "{ \"id\": \"designer-sandbox-step\", \"components\": [ ");
    PlaybookState state = awaitState(PlaybookState.Status.FAILED);

    assertThat(state.reason()).contains(FORM).contains("is not valid JSON");
    assertThat(deployedTaskForm(taskId)).as("open tasks keep the last good form").contains("\"components\"");
  }

  @Test
  void aUserTaskWithoutAFormIsRefusedNamingTheElement() throws IOException {
    int before = latest().getVersion();

    save(BPMN, original(BPMN).replace(" camunda:formRef=\"designer-sandbox-step\" camunda:formRefBinding=\"latest\"", ""));
    PlaybookState state = awaitState(PlaybookState.Status.FAILED);

    assertThat(state.reason()).contains(BPMN).contains("[Task_Step]").contains("form-exists").contains("has no form");
    assertThat(latest().getVersion()).isEqualTo(before);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "<camunda:executionListener event=\"start\" expression=\"${execution.processEngineServices.identityService.createMembership('dana','camunda-admin')}\" />",
      "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">execution.processEngineServices</camunda:script></camunda:executionListener>"})
  void aSavedModelThatReachesPastThePlaybookIsRefusedWhileTheLastGoodVersionServes(String listener) throws IOException {
    ProcessDefinition good = latest();

    save(BPMN, original(BPMN).replace("<bpmn:incoming>Flow_ToStep</bpmn:incoming>",
        "<bpmn:extensionElements>" + listener + "</bpmn:extensionElements><bpmn:incoming>Flow_ToStep</bpmn:incoming>"));
    PlaybookState state = awaitState(PlaybookState.Status.FAILED);

    assertThat(state.reason()).contains(BPMN).contains("[Task_Step]").containsAnyOf("expressions-call-contributed-beans", "no-scripts");
    assertThat(latest().getId()).isEqualTo(good.getId());
    String instance = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId()).isEqualTo(good.getId());
    assertThat(identity.createUserQuery().userId("dana").memberOfGroup("camunda-admin").count()).isZero();
  }

  @Test
  void theLinterRefusesAModelerGeneratedIdOnSave() throws IOException {
    int before = latest().getVersion();

    save(BPMN, original(BPMN).replace("Task_Step", "Activity_0x7f3ab"));
    PlaybookState state = awaitState(PlaybookState.Status.FAILED);

    assertThat(state.reason()).contains(BPMN).contains("[Activity_0x7f3ab]").contains("readable-ids");
    assertThat(latest().getVersion()).isEqualTo(before);
  }

  @Test
  void runningCasesMoveToTheNewVersionOnlyWhenAskedAndOnlyWhenTheyMapCleanly() throws IOException {
    // given a case waiting in Task_Step of the current version
    String waiting = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    int before = latest().getVersion();

    // when the designer saves a new version that renames the step (same id)
    saveAndWait(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"Do the step, clearer\""), () -> latest().getVersion() > before);

    // then the case stays on its version until the designer plans and executes the move
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting).singleResult().getProcessDefinitionId())
        .isNotEqualTo(latest().getId());
    String plan = web.withBasicAuth("dana", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/plan", null, String.class).getBody();
    assertThat(plan).contains("\"mapsCleanly\":true").as("a designer reads no case ids").doesNotContain(waiting);
    assertThat(web.withBasicAuth("admin", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/plan", null, String.class)
        .getBody()).as("an administrator sees which cases").contains(waiting);
    assertThat(web.withBasicAuth("maya", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/execute", null, String.class)
        .getStatusCode().value()).as("managers may not move cases").isEqualTo(403);

    web.withBasicAuth("dana", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/execute", null, String.class);

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting).singleResult().getProcessDefinitionId()).isEqualTo(latest().getId());
    assertThat(tasks.getProcessInstanceComments(waiting)).extracting(c -> c.getFullMessage())
        .anySatisfy(message -> assertThat(message).contains("Moved from version").contains("by dana"));
  }

  @Test
  void aCaseWaitingInAStepTheNewVersionLacksIsNotMoved() throws IOException {
    String waiting = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    String oldDefinition = latest().getId();
    int before = latest().getVersion();

    saveAndWait(BPMN, original(BPMN).replace("Task_Step", "Task_StepReworked"), () -> latest().getVersion() > before);
    String plan = web.withBasicAuth("dana", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/plan", null, String.class).getBody();
    web.withBasicAuth("dana", "demo").postForEntity("/api/playbooks/designer-sandbox/migrations/execute", null, String.class);

    assertThat(plan).contains("waits in Task_Step").doesNotContain(waiting);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting).singleResult().getProcessDefinitionId()).isEqualTo(oldDefinition);
  }

  @Test
  void theConsoleShowsTheLastReloadWithItsFilesAndTheVersionOrTheRefusal() throws Exception {
    // given a saved model that goes live
    int before = latest().getVersion();
    saveAndWait(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"Do the step, reloaded\""), () -> latest().getVersion() > before);

    // then the console names the file and the version Tasklist now starts, for the playbook and overall
    JsonNode live = awaitReload("DEPLOYED");
    assertThat(live.path("files").toString()).contains(BPMN);
    assertThat(live.path("versions").path("DesignerSandbox").asInt()).isEqualTo(latest().getVersion());
    assertThat(console("dana").path("lastReload").path("playbookId").asText()).isEqualTo("designer-sandbox");

    // when a broken save follows
    save(BPMN, original(BPMN).replace("Task_Step", "Activity_0x7f3ab"));
    awaitState(PlaybookState.Status.FAILED);

    // then the reload reads as refused, with file, element and rule
    JsonNode refused = awaitReload("REFUSED");
    assertThat(refused.path("files").toString()).contains(BPMN);
    assertThat(refused.path("problems").toString()).contains(BPMN).contains("[Activity_0x7f3ab]").contains("readable-ids");
    assertThat(refused.path("versions").size()).isZero();
  }

  @Test
  void theConsoleShowsRunningCasesOnOlderVersionsCountedOnlyForAdministrators() throws Exception {
    // given a case waiting in the current version, and a new version that keeps its step
    String waiting = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    ProcessDefinition old = latest();
    saveAndWait(BPMN, original(BPMN).replace("name=\"Do the step\"", "name=\"Do the step, again\""), () -> latest().getVersion() > old.getVersion());
    long running = runtime.createProcessInstanceQuery().processDefinitionId(old.getId()).rootProcessInstances().count();

    // when dana and admin open the console
    ResponseEntity<String> forDana = EngineRest.as(web, "dana").getApi("/api/playbooks/console");
    JsonNode danaSees = olderVersion(new ObjectMapper().readTree(forDana.getBody()), old.getVersion());
    JsonNode adminSees = olderVersion(console("admin"), old.getVersion());

    // then dana reads that some cases run there and map cleanly, without a count or a case id
    assertThat(danaSees.path("running").asText()).isEqualTo("some cases");
    assertThat(danaSees.path("mapping").asText()).isEqualTo("all map cleanly");
    assertThat(danaSees.path("newestVersion").asInt()).isEqualTo(latest().getVersion());
    assertThat(danaSees.path("runningCases").isNumber()).as("no count for designers").isFalse();
    assertThat(danaSees.path("mapCleanly").isNumber()).isFalse();
    assertThat(forDana.getBody()).doesNotContain(waiting);
    // and the administrator reads the counts
    assertThat(adminSees.path("runningCases").asLong()).isEqualTo(running);
    assertThat(adminSees.path("mapCleanly").asLong()).isEqualTo(running);
  }

  private JsonNode console(String user) throws IOException {
    return new ObjectMapper().readTree(EngineRest.as(web, user).getApi("/api/playbooks/console").getBody());
  }

  private static JsonNode sandbox(JsonNode console) {
    for (JsonNode playbook : console.path("playbooks")) {
      if ("designer-sandbox".equals(playbook.path("id").asText())) {
        return playbook;
      }
    }
    throw new AssertionError("no designer-sandbox in " + console);
  }

  private static JsonNode olderVersion(JsonNode console, int version) {
    for (JsonNode older : sandbox(console).path("olderVersionsInUse")) {
      if (older.path("version").asInt() == version) {
        return older;
      }
    }
    throw new AssertionError("version " + version + " not among the older versions in use: " + sandbox(console));
  }

  /** The sandbox's last reload once it has the result and came after the last save (the record follows the state). */
  private JsonNode awaitReload(String result) throws IOException {
    JsonNode[] seen = new JsonNode[1];
    await(() -> {
      try {
        seen[0] = sandbox(console("dana")).path("lastReload");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return result.equals(seen[0].path("result").asText())
          && Instant.parse(seen[0].path("at").asText()).isAfter(lastSave);
    });
    return seen[0];
  }

  private String startSandboxAndGetTask() {
    String instance = runtime.startProcessInstanceByKey("DesignerSandbox").getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("DesignerSandbox").latestVersion().singleResult();
  }

  private String deployedTaskForm(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private long saveAndWait(String file, String content, BooleanSupplier live) throws IOException {
    long started = System.nanoTime();
    save(file, content);
    await(live);
    return (System.nanoTime() - started) / 1_000_000;
  }

  private PlaybookState awaitState(PlaybookState.Status status) {
    await(() -> registry.find("designer-sandbox").map(s -> s.status() == status && s.checkedAt() != null).orElse(false)
        && registry.find("designer-sandbox").get().checkedAt().isAfter(lastSave));
    return registry.find("designer-sandbox").orElseThrow();
  }

  private Instant lastSave = Instant.EPOCH;

  private void save(String file, String content) throws IOException {
    lastSave = Instant.now();
    Files.writeString(DesignerSandboxFolder.folder().resolve(file), content);
  }

  /** Puts the test resource's version back; true when the file had been changed. */
  private boolean restore(String file) throws IOException {
    String original = original(file);
    Path copy = DesignerSandboxFolder.folder().resolve(file);
    if (Files.readString(copy).equals(original)) {
      return false;
    }
    save(file, original);
    return true;
  }

  private static String original(String file) throws IOException {
    try (InputStream in = LiveReloadTest.class.getClassLoader().getResourceAsStream("designer-sandbox/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not live within " + LIMIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(50); // polling interval of a bounded wait, not a timing assumption
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
