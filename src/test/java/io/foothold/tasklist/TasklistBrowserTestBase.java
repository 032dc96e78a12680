package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.foothold.support.HeadlessChromium;

/**
 * What every test in the real Camunda Tasklist stands on: a fresh headless Chromium on this app's Tasklist for each
 * test ({@link #tasklist}), closed after it, by when the pages must have worked under their Content-Security-Policy.
 * Subclasses carry {@code @FootholdSpringTest}.
 */
abstract class TasklistBrowserTestBase {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  TasklistPage tasklist;
  String testName;

  @BeforeEach
  void openBrowser(TestInfo info) throws Exception {
    testName = info.getTestMethod().orElseThrow().getName();
    tasklist = TasklistPage.open("http://127.0.0.1:" + port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (tasklist != null) {
      try {
        if (checksContentSecurityPolicy()) {
          assertThat(tasklist.cspViolations()).as("Tasklist works under its Content-Security-Policy").isEmpty();
        }
      } finally {
        tasklist.close();
      }
    }
  }

  /** Whether the test ends by asking what the Content-Security-Policy refused (every test but one that is about something else). */
  boolean checksContentSecurityPolicy() {
    return true;
  }

  /** Runs the steps; on a failure keeps a screenshot and the page source under {@link #SCREENSHOTS}, named after the test. */
  void onFailureKeepEvidence(HeadlessChromium.Steps steps) throws Throwable {
    HeadlessChromium.onFailureKeepEvidence(tasklist.driver(), SCREENSHOTS, testName, steps);
  }

  /** Opens a recovery-arc case through the engine as the given manager, the way the start form would. */
  ProcessInstance openCaseAs(String manager, String employee) {
    List<String> groups = identity.createGroupQuery().groupMember(manager).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(manager, groups);
    try {
      return runtime.startProcessInstanceByKey("RecoveryArc", Map.of(
          "employeeId", employee,
          "incidentSummary", "A report with wrong figures reached the board.",
          "incidentDate", LocalDate.now().minusDays(2).toString(),
          "visibility", "senior",
          "failureKind", "individual",
          "dominantDriver", "cognitive",
          "seriousSignal", false));
    } finally {
      identity.clearAuthentication();
    }
  }
}
