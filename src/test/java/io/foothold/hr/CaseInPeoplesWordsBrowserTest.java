package io.foothold.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.playbook.PlaybookCatalog;
import io.foothold.playbook.PlaybookRegistry;
import io.foothold.support.CaseDriver;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.WalkedRecoveryCase;

/**
 * What hana reads, in Debian's headless Chromium: a walked case's timeline in the forms' and catalog's words and
 * people's names, with its raised concern inside it and the raw values one click away; badges that agree with the
 * Outcome filter for every outcome; and Tasklist's Escalations list with employee, manager, kind of signal and how long
 * each task has waited. axe-core finds no WCAG 2.2 A/AA violation on the HR pages.
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class CaseInPeoplesWordsBrowserTest extends HrBrowserTestBase {

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String OUTCOME_PLAYBOOK = "hr-browser-outcomes";

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired PlaybookRegistry playbooks;
  @Autowired FilterService filters;

  @Test
  void aWalkedCaseReadsInLabelsAndNamesWithItsConcernAndTheRawViewOneClickAway() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given a recovery case walked to its end, with a concern raised and reviewed on the way
      String caseId = WalkedRecoveryCase.walk(web, management);
      CaseDriver.resetClock();
      browser.loginToTasklist("hana", "demo");

      // when hana opens its page
      browser.get("/hr/case.html?id=" + caseId);
      browser.waitFor(By.cssSelector("body[data-timeline='rendered']"));
      String timeline = browser.waitFor(By.id("timeline")).getText();

      // then the timeline speaks the forms' and the catalog's labels and people's names
      assertThat(timeline).contains("Supports for this case: " + label("calm-debrief"), label("track-in-one-on-ones"), "Maya Lindqvist",
          "Hana Novak", "Route offered: Employee assistance programme", "Dominant driver = " + label("social"));
      // with the concern inside the case: who raised it and which kind of signal
      WebElement concern = browser.waitFor(By.cssSelector("#timeline li[data-kind='concern-raised']"));
      assertThat(concern.getText()).contains("concern raised", "Maya Lindqvist", label(WalkedRecoveryCase.CONCERN_KIND));
      // and none of the engine's words
      assertNoEngineWords(timeline, caseId);
      assertThat(browser.waitFor(By.id("facts")).getText()).contains("Ravi Menon", "Maya Lindqvist").doesNotContain("maya");
      assertThat(UUID.matcher(browser.waitFor(By.tagName("main")).getText()).find()).as("no id anywhere on the page").isFalse();
      assertThat(axeViolations()).isEmpty();
      browser.script("document.getElementById('timeline-heading').scrollIntoView()");
      browser.screenshot(SCREENSHOTS.resolve("hr-timeline-words.png"));

      // when she asks for the raw values, they are one click away
      browser.waitFor(By.id("raw-toggle")).click();
      assertThat(browser.waitFor(By.id("raw-toggle")).getAttribute("aria-pressed")).isEqualTo("true");
      String raw = browser.waitFor(By.id("timeline")).getText();
      assertThat(raw).contains("chosenSupports", "calm-debrief", "managerId", "Task_ChooseSupports");
      assertThat(browser.waitFor(By.tagName("main")).getText()).contains(caseId);
      assertThat(axeViolations()).isEmpty();
      // and gone again with the next click
      browser.waitFor(By.id("raw-toggle")).click();
      assertThat(browser.waitFor(By.id("timeline")).getText()).doesNotContain("chosenSupports");
    });
  }

  @Test
  void everyOutcomeFilterFindsTheCasesWhoseBadgeSaysIt() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given one case for every outcome HR can filter by
      Map<String, String> caseWith = oneCaseForEveryOutcome();
      browser.loginToTasklist("hana", "demo");

      browser.get("/hr/index.html?playbook=" + OUTCOME_PLAYBOOK);
      List<WebElement> options = browser.all(By.cssSelector("select[name='outcome'] option"));
      Map<String, String> offered = new LinkedHashMap<>();
      options.stream().filter(option -> !option.getAttribute("value").isEmpty())
          .forEach(option -> offered.put(option.getAttribute("value"), option.getText()));
      assertThat(offered.keySet()).containsExactlyInAnyOrderElementsOf(caseWith.keySet());

      for (Map.Entry<String, String> outcome : offered.entrySet()) {
        // when hana filters by it
        browser.get("/hr/index.html?playbook=" + OUTCOME_PLAYBOOK + "&outcome=" + outcome.getKey());
        browser.waitUntil((ExpectedCondition<Boolean>) d -> browser.waitFor(By.id("summary")).getText().endsWith(" cases"));

        // then it finds exactly that case, and its badge says what the filter offered
        List<WebElement> rows = browser.all(By.cssSelector("#cases tr[data-case-id]"));
        assertThat(rows).extracting(row -> row.getAttribute("data-case-id")).as(outcome.getKey()).containsExactly(caseWith.get(outcome.getKey()));
        WebElement badge = rows.get(0).findElement(By.cssSelector(".badge.outcome"));
        assertThat(badge.getAttribute("data-outcome")).isEqualTo(outcome.getKey());
        assertThat(badge.getText()).isEqualTo(outcome.getValue());
      }
      assertThat(axeViolations()).isEmpty();
    });
  }

  @Test
  void hrsEscalationsInTasklistShowEmployeeManagerSignalAndWaitingTime() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given a concern raised three days before any other HR task still open, so it heads HR's list (oldest first)
      Date oldestOpen = tasks.createTaskQuery().taskCandidateGroup("hr").includeAssignedTasks().orderByTaskCreateTime().asc()
          .listPage(0, 1).stream().map(Task::getCreateTime).findFirst().orElse(new Date());
      ClockUtil.setCurrentTime(new Date(Math.min(oldestOpen.getTime(), System.currentTimeMillis()) - 3 * 24L * 3600 * 1000));
      EngineRest maya = EngineRest.as(web, "maya");
      String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
      maya.startCase("RaiseConcern", Map.of("caseId", caseId, "seriousSignalKinds", List.of(WalkedRecoveryCase.CONCERN_KIND),
          "seriousSignalNote", "Missed three days without notice."));
      CaseDriver.resetClock();
      String reviewId = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_ReviewSeriousSignal").singleResult().getId();

      // when hana opens her Escalations filter in Tasklist
      browser.loginToTasklist("hana", "demo");
      browser.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='Escalations']")).click();
      // Tasklist lists newest first unless told otherwise; HR reads the longest waiting first
      String filterId = filters.createFilterQuery().filterName("Escalations").singleResult().getId();
      browser.get("/camunda/app/tasklist/default/#/?filter=" + filterId + "&sorting="
          + URLEncoder.encode("[{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]", StandardCharsets.UTF_8));
      By card = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
          + "[.//h4//a[contains(@href, 'task=" + reviewId + "')]]");
      // Tasklist redraws its list as it refreshes: read the card once it carries its columns, as it is then
      String[] shown = new String[1];
      browser.waitUntil((ExpectedCondition<Boolean>) d -> {
        try {
          WebElement listed = d.findElement(card);
          if (!listed.getText().contains("Signal")) {
            listed.findElement(By.cssSelector(".shutter.actions")).click(); // "Show more": the third column is below the fold
          }
          shown[0] = d.findElement(card).getText();
          return shown[0].contains("Signal") && shown[0].contains("ago");
        } catch (NoSuchElementException | StaleElementReferenceException redrawn) {
          return false;
        }
      });

      // then the task shows who it is about, whose case it is, the kind of signal in the catalog's words, and how long it has waited
      assertThat(shown[0]).contains("Employee", "Lea Brandt", "Manager", "Maya Lindqvist", "Signal", label(WalkedRecoveryCase.CONCERN_KIND))
          .doesNotContain(WalkedRecoveryCase.CONCERN_KIND).containsPattern("Created\\s+\\S.* ago");
      browser.screenshot(SCREENSHOTS.resolve("tasklist-escalations.png"));
    });
  }

  private Map<String, String> oneCaseForEveryOutcome() {
    repository.createDeployment().name("foothold:" + OUTCOME_PLAYBOOK).enableDuplicateFiltering(true)
        .addModelInstance(OUTCOME_PLAYBOOK + "/" + OUTCOME_PLAYBOOK + ".bpmn", Bpmn.createExecutableProcess("HrBrowserOutcomeCase")
            .name("Outcome test").camundaHistoryTimeToLive(180).startEvent().userTask("Task_Step").name("The one step")
            .camundaAssignee("${managerId}").endEvent().done())
        .deploy();
    Map<String, String> caseWith = new LinkedHashMap<>();
    caseWith.put("open", start());
    for (String named : List.of("recovered", "escalated", "process-review", "completed")) {
      caseWith.put(named, closeWith(start(), named));
    }
    caseWith.put("closed", closeWith(start(), "withdrawn"));
    return caseWith;
  }

  private String start() {
    return runtime.startProcessInstanceByKey("HrBrowserOutcomeCase", Map.of("managerId", "maya", "employeeId", "sam")).getId();
  }

  private String closeWith(String caseId, String caseOutcome) {
    runtime.setVariable(caseId, "caseOutcome", caseOutcome);
    tasks.complete(tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId());
    return caseId;
  }

  private void assertNoEngineWords(String text, String caseId) {
    List<String> variableNames = new ArrayList<>(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).list().stream()
        .map(HistoricVariableInstance::getName).filter(name -> name.chars().anyMatch(Character::isUpperCase)).distinct().toList());
    assertThat(variableNames).contains("chosenSupports", "managerId", "employeeId");
    for (String name : variableNames) {
      assertThat(text).as("variable name %s", name).doesNotContainPattern("\\b" + Pattern.quote(name) + "\\b");
    }
    PlaybookCatalog catalog = playbooks.catalog("recovery-arc").orElseThrow();
    List<String> ids = catalog.lists().values().stream().flatMap(List::stream).map(PlaybookCatalog.Entry::id)
        .filter(id -> id.contains("-")).toList();
    assertThat(ids).contains("calm-debrief", "track-in-one-on-ones");
    for (String id : ids) {
      assertThat(text).as("catalog id %s", id).doesNotContainPattern("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])");
    }
    assertThat(text).doesNotContain(WalkedRecoveryCase.REFERRAL_ROUTE).doesNotContain("Task_");
    assertThat(UUID.matcher(text).find()).as("a UUID in the timeline:\n%s", text).isFalse();
  }

  private String label(String catalogId) {
    return playbooks.catalog("recovery-arc").orElseThrow().labelOf(catalogId).orElseThrow();
  }

  private List<String> axeViolations() throws Exception {
    return HeadlessChromium.axeViolations(browser.driver());
  }
}
