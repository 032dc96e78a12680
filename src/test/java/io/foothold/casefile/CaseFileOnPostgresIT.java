package io.foothold.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdNode;
import io.foothold.support.ProductionPeople;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;
import io.foothold.support.TestPostgres;
import io.foothold.support.WalkedRecoveryCase;

/**
 * The case file on PostgreSQL, where production keeps it: cases walked through REST on a prod node (one waiting at
 * its check-in timer after two ratings, one closed recovered, one left open after its first step, one whose serious
 * signal HR has claimed) have, read straight from the database, the rows, open steps, timers and ratings the
 * engine's history describes ({@link CaseFileAgreement}); its readers page, filter and count them; the history
 * cleanup removes the rows of a case whose history is gone; a rebuild at
 * start-up writes the same rows again; and tables of the case file's first release are brought up to date and
 * rewritten from history when a node starts.
 */
class CaseFileOnPostgresIT {

  private static final String ADMIN_PASSWORD = "Harbour-" + UUID.randomUUID() + "-Q7";
  private static TestPostgres.Database database;
  private static FootholdNode node;
  private static ProductionPeople people;
  /** The case file read as the application reads it, but on a connection of the test's own. */
  private static JdbcTemplate jdbc;
  private static CaseFiles caseFiles;
  private static final Map<String, String> playbookOf = new LinkedHashMap<>();
  private static String atTimer;
  private static String recovered;
  private static String open;
  private static String withHr;

  @BeforeAll
  static void casesWalkedOnPostgres() throws Exception {
    database = TestPostgres.server().createDatabase("casefile");
    node = prodNode("pg-casefile").start();
    people = new ProductionPeople(node.rest(), ADMIN_PASSWORD)
        .person("maya", "Maya", "Lindqvist", "managers")
        .person("sam", "Sam", "Okafor", "employees")
        .person("ravi", "Ravi", "Menon", "employees")
        .person("lea", "Lea", "Brandt", "employees")
        .person("jun", "Jun", "Sato", "employees")
        .person("noor", "Noor", "Aziz", "employees")
        .person("hana", "Hana", "Novak", "hr")
        .team("maya", List.of("sam", "ravi", "lea", "jun", "noor"));
    jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    caseFiles = new CaseFiles(jdbc);

    atTimer = as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    RecoveryArcSteps.toCheckInTimer(as("maya"), atTimer);
    for (int rating : List.of(2, 4)) {
      runTheDueCheckInTimer(atTimer);
      as("maya").completeTask(atTimer, "Task_CheckIn", RecoveryArcForms.checkIn("continue", rating));
    }
    recovered = as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
    RecoveryArcSteps.toCheckInTimer(as("maya"), recovered);
    runTheDueCheckInTimer(recovered);
    as("maya").completeTask(recovered, "Task_CheckIn", RecoveryArcForms.checkIn("recovered", 4));
    as("maya").completeTask(recovered, "Task_RecoverySummary", RecoveryArcForms.recoverySummary());
    open = as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    as("maya").completeTask(open, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
    withHr = withSeriousSignalClaimedByHr(as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("jun")));
    for (String caseId : List.of(atTimer, recovered, open, withHr)) {
      playbookOf.put(caseId, "recovery-arc");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theRowsWrittenAlongTheWayOnPostgresAreTheOnesHistoryDescribes() {
    // given the walked cases (see casesWalkedOnPostgres), then each agrees with the engine's history
    assertEveryCaseAgreesWithHistory();
    CaseFileAgreement.assertWaitsAtItsCheckInTimerAfterRatingsTwoAndFour(caseFiles, atTimer);
    assertThat(caseFiles.of(recovered).orElseThrow()).extracting(CaseFile::outcome, CaseFile::escalated, CaseFile::currentStep)
        .containsExactly("recovered", false, null);
    assertThat(caseFiles.of(recovered).orElseThrow().closedAt()).isNotNull();
    assertThat(caseFiles.of(open).orElseThrow()).extracting(CaseFile::outcome, CaseFile::closedAt, CaseFile::managerId, CaseFile::employeeId)
        .containsExactly("open", null, "maya", "ravi");
    assertThat(caseFiles.steps(open)).as("the open case's step is the manager's").singleElement()
        .extracting(CaseStep::hrTask, CaseStep::assignee).containsExactly(false, "maya");
    assertThat(caseFiles.steps(withHr)).as("HR's claimed review of the serious signal")
        .anySatisfy(step -> assertThat(step).extracting(CaseStep::hrTask, CaseStep::assignee).containsExactly(true, "hana"));
    assertThat(caseFiles.steps(withHr)).as("the debrief, due").anySatisfy(step -> assertThat(step.dueAt()).isNotNull());
  }

  @Test
  void aRebuildAtStartUpWritesTheSameRowsOnPostgres() throws Exception {
    // given the case file as written along the way, then spoilt while no node runs
    Map<String, List<Object>> before = everything();
    node.close();
    sql("UPDATE FH_CASE SET CURRENT_STEP_ = 'stale', NEXT_MILLIS_ = NULL, SUPPORTS_ = NULL",
        "UPDATE FH_CASE_STEP SET HR_ = FALSE, ASSIGNEE_ = NULL",
        "DELETE FROM FH_CASE_TIMER",
        "DELETE FROM FH_CASE_RATING");

    // when a node starts with the operator's rebuild switch
    node = prodNode("pg-casefile-rebuild").with("FOOTHOLD_CASE_FILE_REBUILD", "true").start();

    // then every row is the one written along the way, and agrees with history
    assertThat(everything()).isEqualTo(before);
    assertEveryCaseAgreesWithHistory();
  }

  @Test
  void tablesOfTheFirstReleaseAreBroughtUpToDateAndRewrittenAtStartUp() throws Exception {
    // given the case file's tables as its first release made them (no process name, next date, supports; steps
    // without assignee, due date and HR's offer, their creation time required; no timers or ratings), rows stale
    node.close();
    sql("DROP TABLE FH_CASE_TIMER", "DROP TABLE FH_CASE_RATING",
        "ALTER TABLE FH_CASE DROP COLUMN PROCESS_NAME_, DROP COLUMN NEXT_MILLIS_, DROP COLUMN SUPPORTS_",
        "ALTER TABLE FH_CASE_STEP DROP COLUMN ASSIGNEE_, DROP COLUMN DUE_MILLIS_, DROP COLUMN HR_",
        "DELETE FROM FH_CASE_STEP WHERE CREATED_MILLIS_ IS NULL",
        "ALTER TABLE FH_CASE_STEP ALTER COLUMN CREATED_MILLIS_ SET NOT NULL",
        "DROP INDEX FH_CASE_MANAGER_CLOSED", "CREATE INDEX FH_CASE_MANAGER ON FH_CASE (MANAGER_)",
        "UPDATE FH_CASE SET CURRENT_STEP_ = 'stale'");

    // when a node of this release starts on them
    node = prodNode("pg-casefile-upgraded").start();

    // then they have this release's shape and every case's rows are written again from history
    assertThat(query("SELECT IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'fh_case_step' AND COLUMN_NAME = 'created_millis_'"))
        .as("a step's creation time may wait for its task").isEqualTo("YES");
    assertThat(query("SELECT COUNT(*) FROM PG_INDEXES WHERE INDEXNAME = 'fh_case_manager'")).isEqualTo("0");
    assertEveryCaseAgreesWithHistory();
    // and a task offered to HR before it exists (a serious signal's review) is written on the upgraded tables
    String signalled = withSeriousSignalClaimedByHr(as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("noor")));
    CaseFileAgreement.assertAgrees(caseFiles, history(), signalled, "recovery-arc");
    assertThat(caseFiles.steps(signalled)).anySatisfy(step -> assertThat(step.hrTask()).isTrue());
  }

  @Test
  void itsReadersPageFilterAndCountOnPostgres() {
    // given the walked cases, when HR's list pages through maya's recovery arcs two at a time
    List<CaseFile> paged = new ArrayList<>();
    caseFiles.forEach(new CaseFileFilter("recovery-arc", null, "maya", null, null, null, null, null), 2, paged::addAll);

    // then every case comes once, newest first, as one query reads them
    assertThat(paged).containsExactlyElementsOf(caseFiles.all().stream().filter(row -> "maya".equals(row.managerId())).toList())
        .extracting(CaseFile::caseId).containsAll(playbookOf.keySet());
    List<CaseFile> recoveredOnly = new ArrayList<>();
    caseFiles.forEach(new CaseFileFilter(null, false, null, null, null, null, null, "recovered"), 10, recoveredOnly::addAll);
    assertThat(recoveredOnly).extracting(CaseFile::caseId).containsExactly(recovered);
    // and her overview has her open cases with what they wait on, and her newest closed one
    CaseFiles.OpenCases mine = caseFiles.openCasesOf("maya");
    assertThat(mine.cases()).extracting(CaseFile::caseId).contains(atTimer, open, withHr).doesNotContain(recovered);
    assertThat(mine.timers()).extracting(CaseTimer::caseId).contains(atTimer);
    assertThat(mine.ratings()).filteredOn(rating -> rating.caseId().equals(atTimer)).extracting(CaseRating::value).containsExactly(2.0, 4.0);
    assertThat(mine.steps()).extracting(CaseStep::caseId).contains(open, withHr);
    CaseFiles.ClosedCases closed = caseFiles.closedCasesOf("maya", 1);
    assertThat(closed.newest()).extracting(CaseFile::caseId).containsExactly(recovered);
    assertThat(closed.total()).isEqualTo(1);
  }

  @Test
  void hrsListAndFiguresReadOnPostgres() {
    // given the walked cases, when HR's list counts and pages them by offset, and analytics reads its facts
    CaseFileFilter mayas = new CaseFileFilter("recovery-arc", null, "maya", null, null, null, null, null);
    List<CaseFile> byOffset = new ArrayList<>(caseFiles.page(mayas, 0, 2));
    byOffset.addAll(caseFiles.page(mayas, 2, 100));

    // then the pages hold every case once, newest first, and the count agrees
    List<CaseFile> all = caseFiles.all().stream().filter(row -> "maya".equals(row.managerId())).toList();
    assertThat(byOffset).containsExactlyElementsOf(all);
    assertThat(caseFiles.count(mayas)).isEqualTo(all.size());
    // and the figures' queries run here: cases per process, ratings, median time per step of the closed cases, medians per element
    assertThat(caseFiles.casesAboutSomeonePerProcess()).contains(new ProcessCases("RecoveryArc", all.size()));
    assertThat(caseFiles.ratingsOfCasesAboutSomeone()).filteredOn(rating -> rating.caseId().equals(atTimer))
        .extracting(CaseRating::value).containsExactly(2.0, 4.0);
    assertThat(caseFiles.stepMediansOfClosedCasesAboutSomeone()).as("the one closed case's steps, in the order it reached them")
        .allSatisfy(step -> assertThat(step.cases()).isEqualTo(1)).extracting(StepMedian::activityId).startsWith("Task_CalmDebrief")
        .contains("Task_CheckIn", "Task_RecoverySummary");
    assertThat(caseFiles.stepPassagesOfCasesAboutSomeone()).filteredOn(step -> step.activityId().equals("Task_CalmDebrief"))
        .singleElement().satisfies(debrief -> {
          assertThat(debrief.cases()).isEqualTo(all.size());
          assertThat(debrief.timedCases()).as("the three walked past their debrief have a time, the one waiting for HR has none")
              .isBetween(3, all.size() - 1);
          assertThat(debrief.medianMillis()).isNotNull().isNotNegative();
        });
  }

  /**
   * The engine announces HR's candidate group before the task itself; the row that announcement writes has no name or
   * creation time until the task follows. PostgreSQL sorts such a NULL first in a descending order, H2 last.
   */
  @Test
  void aTaskOfferedToHrBeforeItExistsIsNotTheCasesCurrentStepOnPostgres() {
    // given the open case, and HR offered a task of it that is not yet written
    String current = caseFiles.of(open).orElseThrow().currentStep();
    String announced = "announced-" + UUID.randomUUID();
    CaseStepTables.offeredToHr(jdbc, open, announced, true);
    try {
      // when the case's current step is worked out again (another of its tasks changed in the same command)
      CaseFileTable.refresh(jdbc, open);

      // then it is still its newest task
      assertThat(caseFiles.of(open).orElseThrow().currentStep()).isEqualTo(current).isNotNull();
    } finally {
      CaseStepTables.stepClosed(jdbc, announced);
      CaseFileTable.refresh(jdbc, open);
    }
  }

  @Test
  void theHistoryCleanupErasesTheRowsOfACaseWhoseHistoryIsGoneOnPostgres() {
    // given a case whose instance and history an administrator deleted through the REST API
    String gone = as("maya").startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
    EngineRest admin = EngineRest.as(node.rest(), "admin", ADMIN_PASSWORD);
    assertThat(admin.exchange("DELETE", "/process-instance/" + gone, null).getStatusCode().value()).isEqualTo(204);
    assertThat(admin.exchange("DELETE", "/history/process-instance/" + gone, null).getStatusCode().value()).isEqualTo(204);
    assertThat(caseFiles.of(gone)).as("hidden at once").isEmpty();
    assertThat(rowsOf(gone)).as("but still stored").isPositive();

    // when Camunda's history cleanup runs
    ResponseEntity<String> scheduled = admin.post("/history/cleanup?immediatelyDue=true", null);
    assertThat(scheduled.getStatusCode().value()).as(scheduled.getBody()).isEqualTo(200);
    ResponseEntity<String> ran = admin.post("/job/" + EngineRest.json(scheduled.getBody()).path("id").asText() + "/execute", null);
    assertThat(ran.getStatusCode().value()).as(ran.getBody()).isEqualTo(204);

    // then that case's rows are gone from the database, and every other case keeps its own
    assertThat(rowsOf(gone)).isZero();
    assertEveryCaseAgreesWithHistory();
  }

  private static void assertEveryCaseAgreesWithHistory() {
    CaseHistory history = history();
    playbookOf.forEach((caseId, playbook) -> CaseFileAgreement.assertAgrees(caseFiles, history, caseId, playbook));
  }

  /** Every walked case's row, open steps, timers and ratings. */
  private static Map<String, List<Object>> everything() {
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    playbookOf.keySet().forEach(caseId -> rows.put(caseId, List.of(caseFiles.of(caseId), caseFiles.steps(caseId), caseFiles.timers(caseId),
        caseFiles.ratings(caseId))));
    return rows;
  }

  private static CaseHistory history() {
    return new NodeCaseHistory(EngineRest.as(node.rest(), "admin", ADMIN_PASSWORD), database);
  }

  /** A user made by {@link ProductionPeople}, on the node now running. */
  private static EngineRest as(String userId) {
    return EngineRest.as(node.rest(), userId, people.password());
  }

  private static void runTheDueCheckInTimer(String caseId) {
    EngineRest admin = EngineRest.as(node.rest(), "admin", ADMIN_PASSWORD);
    List<Map<String, Object>> timers = admin.getList("/job?timers=true&processInstanceId=" + caseId);
    assertThat(timers).as("the case waits on its check-in timer").hasSize(1);
    ResponseEntity<String> executed = admin.post("/job/" + timers.get(0).get("id") + "/execute", null);
    assertThat(executed.getStatusCode().value()).as(executed.getBody()).isEqualTo(204);
  }

  /** The manager raises a serious signal on her case, and HR's hana claims its review. */
  private static String withSeriousSignalClaimedByHr(String caseId) {
    as("maya").startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of(WalkedRecoveryCase.CONCERN_KIND),
        "seriousSignalNote", "Missed three days without notice."));
    EngineRest hana = as("hana");
    ResponseEntity<String> claimed = hana.post("/task/" + hana.task(caseId, "Task_ReviewSeriousSignal").get("id") + "/claim",
        Map.of("userId", "hana"));
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    return caseId;
  }

  /**
   * A prod node on the test's database whose jobs run only when the test executes them through the job API: a
   * job executor would race the test for the history cleanup job, which is due at once.
   */
  private static FootholdNode prodNode(String name) {
    return FootholdNode.prod(name, database, ADMIN_PASSWORD).with("CAMUNDA_BPM_JOBEXECUTION_ENABLED", "false");
  }

  /** The case's rows in every case file table, counted straight from the database. */
  private static long rowsOf(String caseId) {
    Long rows = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM FH_CASE WHERE CASE_ID_ = ?) + (SELECT COUNT(*) FROM FH_CASE_STEP "
        + "WHERE CASE_ID_ = ?) + (SELECT COUNT(*) FROM FH_CASE_TIMER WHERE CASE_ID_ = ?) + (SELECT COUNT(*) FROM FH_CASE_RATING "
        + "WHERE CASE_ID_ = ?)", Long.class, caseId, caseId, caseId, caseId);
    return rows == null ? 0 : rows;
  }

  private static void sql(String... statements) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (String each : statements) {
        statement.execute(each);
      }
    }
  }

  private static String query(String select) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(select)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
