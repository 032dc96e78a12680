package io.foothold.security.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * Foothold's promises, checked over its whole REST surface rather than endpoint by endpoint: every operation Camunda
 * describes for /engine-rest (its published OpenAPI document), the same operations through the webapps' engine API
 * (session cookie and CSRF header, as Tasklist and Cockpit call it) and Foothold's own /api (its /v3/api-docs), sent
 * by every role — another manager, employees, HR, a designer, nobody — with the ids of maya's case in every path
 * parameter, in the plain spelling and the spellings a URL rule would miss, with an empty and a generated body.
 * Nobody but maya may learn anything of her case (HR may read its history), nobody may change it or gain rights,
 * nobody — the administrator included — may ever read her private note, and nothing answers 5xx.
 * Every violation is collected and reported at once, grouped by kind and operation.
 *
 * <p>Run it alone: {@code mvn -B -q test -Dtest=RestSurfaceTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("rest-surface")
@FootholdSpringTest
class RestSurfaceTest {

  static final List<String> PEOPLE = List.of("omar", "sam", "jun", "hana", "dana");
  static final String ENGINE_REST = "engine-rest";
  static final String WEBAPP = "webapp";
  static final String API = "api";

  /**
   * Legitimate for a designer and shared by every test in this context: a new playbook version, or running cases moved
   * to one, would change what every other test starts. They are checked for every other role.
   */
  static final Set<String> DESIGNERS_OWN_MODEL_CHANGES = Set.of("POST /deployment/create", "POST /deployment/{id}/redeploy",
      "POST /api/playbooks/{id}/migrations/execute");

  @LocalServerPort int port;
  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private final String marker = "surface-marker-" + UUID.randomUUID();
  private final String secret = "private-note-secret-" + UUID.randomUUID();
  private final Verdicts verdicts = new Verdicts();
  /** Every case opened for maya in this run (a case a request destroyed is replaced): their ids stay private. */
  private final List<MayasCase> cases = new ArrayList<>();
  private MayasCase current;
  private CaseSnapshot baseline;
  private final ConcurrentLinkedQueue<String> requestLog = new ConcurrentLinkedQueue<>();
  private long snapshotNanos;
  private List<Map<String, Object>> passwords;
  private int snapshots;

  @Test
  void noRoleLearnsChangesOrBreaksAnotherManagersCaseThroughAnyOperation() throws Exception {
    long started = System.nanoTime();
    String baseUrl = "http://127.0.0.1:" + port;
    List<String> noteFields = privateNoteFields();
    assertThat(noteFields).as("forms with private-note fields").contains("recovery-arc/calm-debrief.form: privateNoteDebrief");

    GlobalState before = GlobalState.take(this);
    passwords = jdbc.queryForList("select ID_, PWD_, SALT_ from ACT_ID_USER");
    openMayasCase();
    List<String> missing = MayasCase.expectedKinds().stream().filter(kind -> current.all(kind).isEmpty()).toList();
    assertThat(missing).as("ids of maya's case found for every kind the probes use (%s)", current.ids).isEmpty();

    List<ApiOperation> engineOperations = engineRestOperations(ENGINE_REST);
    List<ApiOperation> webappOperations = engineRestOperations(WEBAPP);
    List<ApiOperation> apiOperations = footholdApiOperations(baseUrl);
    assertThat(engineOperations).as("Camunda's OpenAPI document").hasSizeGreaterThanOrEqualTo(390);
    assertThat(apiOperations).as("Foothold's /v3/api-docs").extracting(ApiOperation::label)
        .contains("GET /api/audit/cases/{caseId}", "DELETE /api/audit/cases/{caseId}");

    Map<String, Map<String, SurfaceClient>> clients = signIn(baseUrl);
    controlTheJudge(baseUrl);

    List<ApiOperation> all = new ArrayList<>(engineOperations);
    all.addAll(webappOperations);
    all.addAll(apiOperations);
    readOnlyPhase(all.stream().filter(ApiOperation::readOnly).toList(), clients);
    long readDone = System.nanoTime();
    writingPhase(all.stream().filter(operation -> !operation.readOnly()).toList(), clients);
    long writeDone = System.nanoTime();

    Map<String, String> stillSignedIn = whoIsSignedIn(baseUrl, clients);
    GlobalState.take(this).restore(before, this);
    writeRequestLog();

    Set<String> exercised = verdicts.operationsExercised();
    System.out.printf("%nREST surface: %d operations in Camunda's document, %d in Foothold's; %d operations exercised "
        + "(engine REST, webapps' engine API, /api), %d requests; read-only phase %.1f s, writing phase %.1f s; %d case(s) opened%n",
        engineOperations.size(), apiOperations.size(), exercised.size(), verdicts.requests(), (readDone - started) / 1e9,
        (writeDone - readDone) / 1e9, cases.size());
    System.out.printf("%d snapshots of maya's case, %.1f ms each%n", snapshots, snapshots == 0 ? 0 : snapshotNanos / 1e6 / snapshots);
    System.out.println("surface | role | status | verdict                                                      requests");
    System.out.println(verdicts.table());
    String report = verdicts.report();
    System.out.println(report.isEmpty() ? "No violations." : "Violations:" + report);

    assertThat(exercised).as("every operation of every surface was exercised")
        .hasSizeGreaterThanOrEqualTo(engineOperations.size() * 2 + apiOperations.size());
    assertThat(stillSignedIn).as("every role was signed in from start to end of the run")
        .allSatisfy((client, answer) -> assertThat(answer).isEqualTo("ok"));
    for (String person : PEOPLE) {
      assertThat(verdicts.get("role " + person + " answered")).as("%s got answers other than 401", person).isGreaterThan(500);
      for (String surface : List.of(ENGINE_REST, WEBAPP, API)) {
        assertThat(verdicts.get("unexpected 401 " + surface + " " + person)).as("401s for %s, signed in on %s", person, surface).isZero();
      }
    }
    assertThat(verdicts.violations()).as("violations of Foothold's promises, by kind and operation:%s", report).isEmpty();
  }

  /** The form fields that hold a manager's private note (key starting with privateNote), as file: key. */
  private static List<String> privateNoteFields() throws IOException {
    List<String> fields = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        collectNoteKeys(new ObjectMapper().readTree(form.toFile()), Path.of("forms").relativize(form).toString(), fields);
      }
    }
    System.out.println("Private-note fields: " + fields);
    return fields;
  }

  private static void collectNoteKeys(JsonNode node, String file, List<String> fields) {
    if (node.isObject() && node.path("key").asText("").startsWith("privateNote")) {
      fields.add(file + ": " + node.get("key").asText());
    }
    node.forEach(child -> collectNoteKeys(child, file, fields));
  }

  private void openMayasCase() {
    current = MayasCase.open(EngineRest.as(web, "maya"), new MayasCase.Engine(runtime, tasks, history, management, repository, authorizations,
        filters), marker, secret);
    cases.add(current);
    baseline = snapshot();
  }

  private CaseSnapshot snapshot() {
    Set<String> instances = new LinkedHashSet<>();
    Set<String> taskIds = new LinkedHashSet<>();
    Set<String> caseIds = new LinkedHashSet<>();
    for (MayasCase mayas : cases) {
      instances.add(mayas.processInstanceId);
      taskIds.addAll(mayas.all("task"));
      caseIds.addAll(mayas.privateIds());
    }
    return CaseSnapshot.take(jdbc, instances, taskIds, caseIds);
  }

  private Verdicts.MayasCaseMarks marks() {
    Set<String> privateIds = new LinkedHashSet<>();
    Map<String, String> kinds = new HashMap<>();
    for (MayasCase mayas : cases) {
      mayas.ids.forEach((kind, values) -> {
        if (MayasCase.PRIVATE_KINDS.contains(kind)) {
          values.forEach(id -> {
            privateIds.add(id);
            kinds.put(id, kind);
          });
        }
      });
    }
    return new Verdicts.MayasCaseMarks(marker, Set.of(secret), privateIds, kinds);
  }

  private List<ApiOperation> engineRestOperations(String surface) throws IOException {
    try (InputStream document = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
      assertThat(document).as("openapi.json from org.camunda.bpm:camunda-engine-rest-openapi").isNotNull();
      return ApiOperation.read(document, surface);
    }
  }

  private List<ApiOperation> footholdApiOperations(String baseUrl) throws Exception {
    SurfaceClient.Answer docs = SurfaceClient.basic(baseUrl, "hana").send("GET", "/v3/api-docs", null, null);
    assertThat(docs.status()).as("/v3/api-docs: %s", docs.body()).isEqualTo(200);
    return ApiOperation.read(new ByteArrayInputStream(docs.body().getBytes(StandardCharsets.UTF_8)), API).stream()
        .filter(operation -> operation.path().startsWith("/api/")).toList();
  }

  /** Per surface, per role, a signed-in client; each checked to be who it says before any probe is sent. */
  private Map<String, Map<String, SurfaceClient>> signIn(String baseUrl) throws Exception {
    Map<String, Map<String, SurfaceClient>> clients = new LinkedHashMap<>();
    for (String surface : List.of(ENGINE_REST, WEBAPP, API)) {
      Map<String, SurfaceClient> bySurface = new LinkedHashMap<>();
      for (String person : PEOPLE) {
        bySurface.put(person, surface.equals(WEBAPP) ? SurfaceClient.session(baseUrl, person, person.equals("dana") ? "cockpit" : "tasklist")
            : SurfaceClient.basic(baseUrl, person));
      }
      bySurface.put("admin", surface.equals(WEBAPP) ? SurfaceClient.session(baseUrl, "admin", "cockpit") : SurfaceClient.basic(baseUrl, "admin"));
      bySurface.put("anonymous", surface.equals(WEBAPP) ? SurfaceClient.anonymousSession(baseUrl) : SurfaceClient.anonymous(baseUrl));
      clients.put(surface, bySurface);
    }
    Map<String, String> signedIn = whoIsSignedIn(baseUrl, clients);
    assertThat(signedIn).as("every role signs in, anonymous does not").allSatisfy((client, answer) -> assertThat(answer).isEqualTo("ok"));
    return clients;
  }

  /** For each client: "ok" when it is signed in as its person (anonymous: when it is refused), else what it got. */
  private Map<String, String> whoIsSignedIn(String baseUrl, Map<String, Map<String, SurfaceClient>> clients) throws Exception {
    Map<String, String> result = new LinkedHashMap<>();
    for (var surface : clients.entrySet()) {
      for (var entry : surface.getValue().entrySet()) {
        SurfaceClient client = entry.getValue();
        String path = surface.getKey().equals(WEBAPP) ? "/camunda/api/engine/engine/default/identity/groups?userId=" + entry.getKey()
            : "/engine-rest/identity/groups?userId=" + entry.getKey();
        SurfaceClient.Answer answer = client.send("GET", path, null, null);
        boolean anonymous = entry.getKey().equals("anonymous");
        boolean ok = anonymous ? answer.status() == 401 || answer.status() == 403 : answer.status() == 200;
        result.put(surface.getKey() + " " + entry.getKey(), ok ? "ok" : answer.status() + " " + answer.body());
      }
    }
    return result;
  }

  /**
   * The judge must see what it looks for: maya's own reads of her case, judged as if someone else had sent them,
   * are all found revealing. Otherwise a clean run could mean answers the judge cannot read.
   */
  private void controlTheJudge(String baseUrl) throws Exception {
    SurfaceClient maya = SurfaceClient.basic(baseUrl, "maya");
    Verdicts control = new Verdicts();
    String task = current.first("task");
    String instance = current.processInstanceId;
    List<String> reads = List.of("/engine-rest/task/" + task, "/engine-rest/task/" + task + "/comment",
        "/engine-rest/process-instance/" + instance + "/variables/incidentSummary",
        "/engine-rest/task?maxResults=10&processInstanceId=" + instance);
    ApiOperation get = new ApiOperation(ENGINE_REST, "GET", "/control", "control", List.of(), null, null, null);
    for (String read : reads) {
      SurfaceClient.Answer answer = maya.send("GET", read, null, null);
      assertThat(answer.status()).as("maya reads her own case: %s", read).isEqualTo(200);
      control.judge("omar", new ProbeFactory.Probe(get, "plain", "none", read, "", null, null, Set.of(read.contains("?") ? "" : task, instance)),
          answer, marks(), List.of());
    }
    assertThat(control.violations()).as("the judge finds maya's case in maya's own answers").hasSize(reads.size())
        .allSatisfy(v -> assertThat(v.kind()).isEqualTo(Verdicts.Kind.REVEALS_CASE));
  }

  private void readOnlyPhase(List<ApiOperation> operations, Map<String, Map<String, SurfaceClient>> clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      ProbeFactory factory = new ProbeFactory(current);
      Verdicts.MayasCaseMarks marks = marks();
      for (ApiOperation operation : operations) {
        for (var role : clients.get(operation.surface()).entrySet()) {
          work.add(pool.submit(() -> {
            for (ProbeFactory.Probe probe : factory.probes(operation, role.getKey(), withVariants(role.getKey()))) {
              verdicts.judge(role.getKey(), probe, send(role.getValue(), probe, role.getKey()), marks, List.of());
            }
            return null;
          }));
        }
      }
      for (Future<?> done : work) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    List<String> changes = snapshot().differencesFrom(baseline);
    if (!changes.isEmpty()) {
      ApiOperation reads = new ApiOperation("all", "GET", "(read-only operations together)", null, List.of(), null, null, null);
      verdicts.judge("anyone", new ProbeFactory.Probe(reads, "any", "none", "", "", null, null, Set.of()), new SurfaceClient.Answer(200, ""),
          marks(), changes);
      openMayasCase();
    }
  }

  /**
   * One request at a time, so a change to maya's case is pinned on the request that made it; after a change her case
   * is replaced by a fresh one, so later requests still meet an intact case. The administrator sends none of these.
   */
  private void writingPhase(List<ApiOperation> operations, Map<String, Map<String, SurfaceClient>> clients) throws Exception {
    for (ApiOperation operation : operations) {
      boolean refusals = false;
      for (var role : clients.get(operation.surface()).entrySet()) {
        if (!role.getKey().equals("admin")) {
          refusals |= writeAs(role.getKey(), role.getValue(), operation, false);
        }
      }
      if (refusals && !changes().isEmpty()) {
        // A refused request changed the case: replay the operation person by person to name who did it.
        openMayasCase();
        for (var role : clients.get(operation.surface()).entrySet()) {
          if (!role.getKey().equals("admin")) {
            writeAs(role.getKey(), role.getValue(), operation, true);
          }
        }
      }
    }
  }

  /**
   * The probes of one operation as one person. A refused request should change nothing, so the case is compared after
   * every request that was not refused; refused ones together, after everyone sent the operation ({@code checkRefused}
   * false: answers whether any request was refused) or after this person's ({@code checkRefused} true: a change then
   * names the last refused request).
   */
  private boolean writeAs(String role, SurfaceClient client, ApiOperation operation, boolean checkRefused) throws Exception {
    ProbeFactory.Probe lastRefused = null;
    SurfaceClient.Answer lastRefusal = null;
    for (ProbeFactory.Probe probe : new ProbeFactory(current).probes(operation, role, withVariants(role))) {
      if (role.equals("dana") && DESIGNERS_OWN_MODEL_CHANGES.contains(operation.label())) {
        if (!checkRefused) {
          verdicts.skipped(role, probe, "designer's own model change");
        }
        continue;
      }
      SurfaceClient.Answer answer = send(client, probe, role);
      boolean refused = answer.status() >= 400 && answer.status() < 500;
      List<String> changes = refused ? List.of() : changes();
      if (!checkRefused || !changes.isEmpty()) {
        verdicts.judge(role, probe, answer, marks(), changes);
      }
      if (refused) {
        lastRefused = probe;
        lastRefusal = answer;
      } else if (!changes.isEmpty()) {
        restorePasswords();
        openMayasCase();
        return false;
      }
    }
    if (lastRefused == null) {
      return false;
    }
    if (!checkRefused) {
      return true;
    }
    List<String> changes = changes();
    if (changes.isEmpty()) {
      return false;
    }
    verdicts.judge(role, lastRefused, lastRefusal, marks(), List.of("after refused request(s) of this operation: " + String.join(" | ", changes)));
    restorePasswords();
    openMayasCase();
    return false;
  }

  /** A request that changed someone's password must not lock the run out: everyone gets their password back. */
  private void restorePasswords() {
    passwords.forEach(user -> jdbc.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?", user.get("PWD_"), user.get("SALT_"),
        user.get("ID_")));
  }

  private List<String> changes() {
    long started = System.nanoTime();
    List<String> changes = snapshot().differencesFrom(baseline);
    snapshotNanos += System.nanoTime() - started;
    snapshots++;
    return changes;
  }

  /** Jun is an employee like sam: he gets the plain spelling only, which keeps the run within its time. */
  private static boolean withVariants(String role) {
    return !role.equals("jun");
  }

  private SurfaceClient.Answer send(SurfaceClient client, ProbeFactory.Probe probe, String role) throws IOException, InterruptedException {
    String prefix = switch (probe.operation().surface()) {
      case ENGINE_REST -> "/engine-rest";
      case WEBAPP -> "/camunda/api/engine/engine/default";
      default -> "";
    };
    String target = prefix + probe.path() + (probe.query().isEmpty() ? "" : "?" + probe.query());
    SurfaceClient.Answer answer = client.send(probe.operation().method(), target, probe.contentType(), probe.body());
    requestLog.add(System.currentTimeMillis() + " " + role + " " + probe.operation().method() + " " + target + " " + probe.bodyKind() + " -> "
        + answer.status());
    return answer;
  }

  /** Every request of the run and its status, for checking verdicts by hand: target/rest-surface-requests.log. */
  private void writeRequestLog() throws IOException {
    Files.write(Path.of("target", "rest-surface-requests.log"), requestLog);
  }
}
