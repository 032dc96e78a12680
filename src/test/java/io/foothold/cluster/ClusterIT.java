package io.foothold.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdNode;
import io.foothold.support.HardenedResponses;
import io.foothold.support.ProductionPeople;
import io.foothold.support.TestPostgres;

/**
 * Two Foothold nodes (the packaged jar, prod profile, loopback ports) on one PostgreSQL — Camunda 7's
 * homogeneous cluster. Shows that a completion on one node is visible on the other at once, that a browser
 * session opened on one node is good on the other, and, under load, that 1,000 timers due at the same
 * moment fire exactly once each across the nodes while node B is killed with SIGKILL: no completion it
 * acknowledged is lost, and the jobs it had locked are finished by node A once their lock expires.
 * Prints its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int TIMERS = 1_000;
  private static final String PROCESS = "ClusterTimers";
  private static final long LOCK_MILLIS = 10_000;
  private static final String ADMIN_PASSWORD = "Harbour-" + UUID.randomUUID() + "-Q7";

  private static TestPostgres.Database database;
  private static FootholdNode nodeA;
  private static FootholdNode nodeB;
  private static ProductionPeople people;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    database = TestPostgres.server().createDatabase("cluster");
    // The first node creates the schema; the second joins an existing one (README: start one node first).
    nodeA = node("node-a").start();
    nodeB = node("node-b").start();
    System.out.printf("cluster: node-a ready after %.1f s, node-b after %.1f s%n", nodeA.startupTime().toMillis() / 1000.0,
        nodeB.startupTime().toMillis() / 1000.0);
    people = new ProductionPeople(nodeA.rest(), ADMIN_PASSWORD)
        .person("maya", "Maya", "Lindqvist", "managers")
        .person("sam", "Sam", "Okafor", "employees")
        .team("maya", List.of("sam"));
    deployTimerProcess();
  }

  private static FootholdNode node(String name) {
    return FootholdNode.prod(name, database, ADMIN_PASSWORD)
        // A crashed node's jobs come back after the lock expires: shortened from production's 5 minutes.
        .with("FOOTHOLD_JOB_LOCK_MILLIS", String.valueOf(LOCK_MILLIS))
        .with("FOOTHOLD_JOB_QUEUE", "20");
  }

  @AfterAll
  static void stopNodes() throws Exception {
    for (FootholdNode node : new FootholdNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void aCompletionOnOneNodeIsVisibleOnTheOtherAtOnce() throws Exception {
    EngineRest onA = admin(nodeA);
    EngineRest onB = admin(nodeB);
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      instances.add(startTimerCase(i % 2 == 0 ? onA : onB, new Date(System.currentTimeMillis() - 1000)));
    }
    for (String instance : instances) {
      String taskId = awaitTask(onA, instance);
      boolean onNodeA = instances.indexOf(instance) % 2 == 0;
      EngineRest completer = onNodeA ? onA : onB;
      EngineRest other = onNodeA ? onB : onA;

      assertThat(completer.post("/task/" + taskId + "/complete", Map.of()).getStatusCode().value()).isEqualTo(204);

      assertThat(other.get("/task/" + taskId).getStatusCode().value()).as("the other node no longer offers the task").isEqualTo(404);
      assertThat(other.getList("/history/task?finished=true&taskId=" + taskId)).as("the other node reads the completion").hasSize(1);
      assertThat(other.getList("/history/process-instance?finished=true&processInstanceId=" + instance)).hasSize(1);
    }
  }

  @Test
  @Order(2)
  void aBrowserSessionOpenedOnOneNodeWorksOnTheOther() throws Exception {
    WebappSessionClient browser = new WebappSessionClient();
    var signedIn = browser.signIn(nodeA.baseUrl(), "maya", people.password());
    assertThat(signedIn.statusCode()).isEqualTo(200);
    HttpHeaders loginHeaders = new HttpHeaders();
    signedIn.headers().map().forEach(loginHeaders::addAll);
    assertThat(HardenedResponses.setCookie(loginHeaders, HardenedResponses.SESSION_COOKIE)).as("the shared session's cookie").isNotNull();
    // Production cookies are Secure (TLS ends at the load balancer) even though this test reaches the node over http.
    HardenedResponses.assertHardened(loginHeaders, false, true);

    var onB = browser.get(nodeB.baseUrl(), "/camunda/api/admin/auth/user/default");
    assertThat(onB.statusCode()).as("node B knows the session signed in on node A").isEqualTo(200);
    assertThat(onB.body()).contains("\"userId\":\"maya\"");
    var tasklistCallOnB = browser.get(nodeB.baseUrl(), "/camunda/api/engine/engine/default/task/count");
    assertThat(tasklistCallOnB.statusCode()).isEqualTo(200);

    WebappSessionClient stranger = new WebappSessionClient();
    stranger.get(nodeB.baseUrl(), "/camunda/app/tasklist/default/");
    assertThat(stranger.get(nodeB.baseUrl(), "/camunda/api/engine/engine/default/task/count").statusCode())
        .as("without signing in, nothing").isEqualTo(401);
  }

  @Test
  @Order(3)
  void aThousandDueTimersFireExactlyOnceWhileNodeBIsKilledAndNothingCommittedIsLost() throws Exception {
    EngineRest onA = admin(nodeA);
    EngineRest onB = admin(nodeB);
    String jobDefinitionId = (String) onA.getList("/job-definition?processDefinitionKey=" + PROCESS + "&activityIdIn=Timer_Due").get(0).get("id");

    // Given 1,000 cases whose timers all fall due at the same moment: hold the timers while the cases open...
    assertThat(onA.exchange("PUT", "/job-definition/" + jobDefinitionId + "/suspended", Map.of("suspended", true, "includeJobs", true))
        .getStatusCode().value()).isEqualTo(204);
    long creating = System.nanoTime();
    Set<String> instances = startCases(onA, onB, TIMERS);
    double creationSeconds = (System.nanoTime() - creating) / 1e9;
    assertThat(instances).hasSize(TIMERS);

    // ...then release all of them at once.
    long released = System.nanoTime();
    assertThat(onA.exchange("PUT", "/job-definition/" + jobDefinitionId + "/suspended", Map.of("suspended", false, "includeJobs", true))
        .getStatusCode().value()).isEqualTo(204);

    // When both nodes work them off, managers complete the tasks they create through both nodes...
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean bAlive = new AtomicBoolean(true);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicInteger lostInFlight = new AtomicInteger();
    ExecutorService managers = Executors.newFixedThreadPool(4);
    List<Future<?>> completing = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      boolean usesB = worker % 2 == 1;
      completing.add(managers.submit(() -> completeTasks(usesB ? onB : onA, usesB ? "node-b" : "node-a", usesB ? bAlive : null, stop,
          acknowledged, lostInFlight)));
    }

    // ...and node B is killed while it holds jobs it has locked but not finished.
    Set<String> orphaned = killNodeBWhileItHoldsJobs(() -> acknowledged.values().stream().filter("node-b"::equals).count());
    bAlive.set(false);
    long killed = System.nanoTime();
    int firedBeforeKill = firedTimers();

    // Then node A fires every remaining timer, including B's orphans once their lock expires.
    awaitAllTimersFired(Math.max(180, LOCK_MILLIS / 1000 * 6));
    double allFiredSeconds = (System.nanoTime() - released) / 1e9;
    double orphansRecoveredSeconds = (System.nanoTime() - killed) / 1e9;
    awaitOpenTasksCompleted(120);
    stop.set(true);
    for (Future<?> future : completing) {
      future.get(60, TimeUnit.SECONDS);
    }
    managers.shutdown();

    assertThat(orphaned).as("node B died holding locked jobs").isNotEmpty();
    assertThat(countWhere("select count(*) from act_hi_actinst where proc_def_key_ = ? and act_id_ = 'Timer_Due' and end_time_ is not null"))
        .as("every timer fired").isEqualTo(TIMERS + 4);
    assertThat(countWhere("select count(*) from (select proc_inst_id_ from act_hi_actinst where proc_def_key_ = ? and act_id_ = 'Timer_Due' "
        + "group by proc_inst_id_ having count(*) > 1) twice")).as("no timer fired twice").isZero();
    assertThat(countWhere("select count(*) from act_hi_taskinst where proc_def_key_ = ? and task_def_key_ = 'Task_AfterTimer'"))
        .as("one task per fired timer").isEqualTo(TIMERS + 4);
    assertThat(countWhere("select count(*) from (select job_id_ from act_hi_job_log where process_def_key_ = ? and job_state_ = 2 "
        + "group by job_id_ having count(*) > 1) twice")).as("no job succeeded twice").isZero();
    Map<String, Integer> byNode = successfulJobsByNode();
    assertThat(byNode.getOrDefault("node-a", 0)).isPositive();
    assertThat(byNode.getOrDefault("node-b", 0)).as("node B worked before it was killed").isPositive();
    for (String job : orphaned) {
      assertThat(successfulRunsOn(job)).as("B's locked job %s was finished by A", job).containsExactly("node-a");
    }
    Set<String> lost = new HashSet<>(acknowledged.keySet());
    lost.removeAll(ids("select id_ from act_hi_taskinst where proc_def_key_ = ? and end_time_ is not null and delete_reason_ = 'completed'"));
    assertThat(lost).as("acknowledged completions missing from the database").isEmpty();

    System.out.printf("cluster figures: %d cases opened in %.1f s through both nodes; %d timers released at once, all fired %.1f s later "
        + "(%d before the kill); jobs run per node %s; node B killed holding %d locked jobs, all finished by node A %.1f s after the kill "
        + "(lock %d s); completions acknowledged %d (node A %d, node B %d), lost 0; requests cut by the kill %d%n",
        TIMERS, creationSeconds, TIMERS, allFiredSeconds, firedBeforeKill, byNode, orphaned.size(), orphansRecoveredSeconds,
        LOCK_MILLIS / 1000, acknowledged.size(), acknowledged.values().stream().filter("node-a"::equals).count(),
        acknowledged.values().stream().filter("node-b"::equals).count(), lostInFlight.get());
  }

  private static Set<String> startCases(EngineRest onA, EngineRest onB, int count) throws Exception {
    Set<String> instances = ConcurrentHashMap.newKeySet();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    Date due = new Date();
    List<Future<?>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EngineRest node = i % 2 == 0 ? onA : onB;
      started.add(starters.submit(() -> instances.add(startTimerCase(node, due))));
    }
    for (Future<?> future : started) {
      future.get(5, TimeUnit.MINUTES);
    }
    starters.shutdown();
    return instances;
  }

  /** Completes open timer tasks through one node until told to stop; a node that dies mid-request loses only that request. */
  private static void completeTasks(EngineRest node, String nodeName, AtomicBoolean alive, AtomicBoolean stop, Map<String, String> acknowledged,
      AtomicInteger cutByKill) {
    while (!stop.get() && (alive == null || alive.get())) {
      List<Map<String, Object>> tasks;
      try {
        tasks = node.getList("/task?processDefinitionKey=" + PROCESS + "&maxResults=20&firstResult=" + (int) (Math.random() * 40));
      } catch (RuntimeException nodeGone) {
        if (alive != null && !alive.get()) {
          return;
        }
        continue;
      }
      if (tasks.isEmpty()) {
        sleep(100);
        continue;
      }
      for (Map<String, Object> task : tasks) {
        String taskId = (String) task.get("id");
        try {
          ResponseEntity<String> response = node.post("/task/" + taskId + "/complete", Map.of());
          if (response.getStatusCode().value() == 204) {
            acknowledged.put(taskId, nodeName);
          }
        } catch (RuntimeException cut) {
          cutByKill.incrementAndGet();
          if (alive != null && !alive.get()) {
            return;
          }
        }
      }
    }
  }

  /** Kills node B once it has done real work (timers fired, completions acknowledged) and holds locked jobs right now. */
  private static Set<String> killNodeBWhileItHoldsJobs(LongSupplier completionsOnB) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (firedTimers() >= 200 && completionsOnB.getAsLong() >= 25 && countWhere("select count(*) from act_ru_job where lock_owner_ = 'node-b' and process_def_key_ = ?") > 0) {
        nodeB.kill();
        return ids("select id_ from act_ru_job where lock_owner_ = 'node-b' and process_def_key_ = ?");
      }
      Thread.sleep(10);
    }
    throw new AssertionError("node B never held a locked timer job while the timers were due");
  }

  private static void awaitAllTimersFired(long seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (System.currentTimeMillis() < deadline) {
      if (countWhere("select count(*) from act_ru_job where process_def_key_ = ?") == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timers still waiting after " + seconds + " s: "
        + countWhere("select count(*) from act_ru_job where process_def_key_ = ?"));
  }

  /** Gives the managers' workers time to complete what node A's timers created; what they acknowledged is checked after. */
  private static void awaitOpenTasksCompleted(long seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    while (System.currentTimeMillis() < deadline && countWhere("select count(*) from act_ru_task where proc_def_id_ like ? || ':%'") > 0) {
      Thread.sleep(200);
    }
  }

  private static int firedTimers() throws SQLException {
    return countWhere("select count(*) from act_hi_actinst where proc_def_key_ = ? and act_id_ = 'Timer_Due' and end_time_ is not null");
  }

  private static Map<String, Integer> successfulJobsByNode() throws SQLException {
    Map<String, Integer> byNode = new LinkedHashMap<>();
    try (Connection sql = database.connect();
        PreparedStatement query = sql.prepareStatement(
            "select hostname_, count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 2 group by hostname_ order by hostname_")) {
      query.setString(1, PROCESS);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          byNode.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return byNode;
  }

  private static List<String> successfulRunsOn(String jobId) throws SQLException {
    List<String> nodes = new ArrayList<>();
    try (Connection sql = database.connect();
        PreparedStatement query = sql.prepareStatement("select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2")) {
      query.setString(1, jobId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          nodes.add(rows.getString(1));
        }
      }
    }
    return nodes;
  }

  private static int countWhere(String sqlWithProcessKey) throws SQLException {
    try (Connection sql = database.connect(); PreparedStatement query = sql.prepareStatement(sqlWithProcessKey)) {
      query.setString(1, PROCESS);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static Set<String> ids(String sqlWithProcessKey) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection sql = database.connect(); PreparedStatement query = sql.prepareStatement(sqlWithProcessKey)) {
      query.setString(1, PROCESS);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  private static String startTimerCase(EngineRest node, Date due) {
    ResponseEntity<String> response = node.post("/process-definition/key/" + PROCESS + "/start",
        Map.of("variables", Map.of("dueAt", Map.of("type", "Date", "value", restDate(due)))));
    if (response.getStatusCode().value() != 200) {
      throw new IllegalStateException("start answered " + response.getStatusCode() + " " + response.getBody());
    }
    String body = response.getBody();
    int at = body.indexOf("\"id\":\"") + 6;
    return body.substring(at, body.indexOf('"', at));
  }

  private static String awaitTask(EngineRest node, String instance) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      List<Map<String, Object>> tasks = node.getList("/task?processInstanceId=" + instance);
      if (!tasks.isEmpty()) {
        return (String) tasks.get(0).get("id");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the due timer of " + instance + " never fired");
  }

  private static String restDate(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(date);
  }

  private static EngineRest admin(FootholdNode node) {
    return EngineRest.as(node.rest(), "admin", ADMIN_PASSWORD);
  }

  /** A case that waits on a timer, then asks a manager to act: the shape of a check-in or a reminder. */
  private static void deployTimerProcess() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Cluster timers").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Opened")
        .intermediateCatchEvent("Timer_Due").timerWithDate("${dueAt}")
        .userTask("Task_AfterTimer").name("Act on the due check-in").camundaAssignee("maya")
        .endEvent("EndEvent_Done")
        .done();
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "cluster-it");
    body.add("data", new ByteArrayResource(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return PROCESS + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", ADMIN_PASSWORD);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> deployed = nodeA.rest().postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    if (!deployed.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("deployment answered " + deployed.getStatusCode() + " " + deployed.getBody());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
