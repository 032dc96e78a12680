package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.foothold.playbook.PlaybookCatalog;
import io.foothold.playbook.PlaybookRegistry;
import io.foothold.support.CaseDriver;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.WalkedRecoveryCase;

/**
 * HR reads a case in people's words: form labels, catalog labels, step names and display names; the engine's variable
 * names, catalog ids and ids stay in the raw fields. The same words in the case's CSV.
 */
@FootholdSpringTest
class TimelineInPeoplesWordsTest {

  static final String HANA = "Hana Novak";
  static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Autowired TestRestTemplate web;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired PlaybookRegistry playbooks;

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void aWalkedCaseWithAConcernReadsInLabelsAndNames() {
    // given a recovery case walked to its end by maya, with a concern raised and reviewed by HR on the way
    String caseId = WalkedRecoveryCase.walk(web, management);

    // when HR reads its timeline
    JsonNode audit = AuditApi.as(web, "hana").json("/api/audit/cases/" + caseId);
    List<JsonNode> timeline = CaseTimelineTest.list(audit.path("timeline"));
    String visible = timeline.stream().map(TimelineInPeoplesWordsTest::visibleText).collect(Collectors.joining("\n"));

    // then it speaks the forms' and the catalog's labels and people's names
    assertThat(visible).contains("Supports for this case: ", label("calm-debrief"), label("track-in-one-on-ones"))
        .contains("Maya Lindqvist", "Route offered: Employee assistance programme", "Kinds of signal: " + label(WalkedRecoveryCase.CONCERN_KIND))
        .contains("Chosen by the decision table Recommend recovery supports from: Dominant driver = " + label("social"));
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("task-assigned"))
        .extracting(e -> e.path("what").asText()).contains("assigned to Maya Lindqvist");
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("task-completed"))
        .extracting(e -> e.path("whoName").asText()).contains("Maya Lindqvist", HANA);
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("concern-raised")).singleElement()
        .satisfies(concern -> assertThat(concern.path("whoName").asText()).isEqualTo("Maya Lindqvist"));
    // and none of the engine's words: no variable names, no catalog ids, no ids
    assertNoEngineWords(visible, caseId);
    // while the raw view still has them, one click away
    assertThat(timeline).filteredOn(e -> e.path("kind").asText().equals("variable-changed"))
        .extracting(e -> e.path("details").path("name").asText()).contains("chosenSupports", "managerId");

    // and the CSV speaks the same words in its people's columns (what, whoName, facts), the raw ones after them
    List<String> rows = AuditApi.as(web, "hana").get("/api/audit/cases/" + caseId + ".csv").getBody().lines().toList();
    assertThat(rows.get(0)).isEqualTo(String.join(",", CaseCsv.TIMELINE_COLUMNS));
    String csvWords = rows.stream().skip(1).map(TimelineInPeoplesWordsTest::peoplesColumns).collect(Collectors.joining("\n"));
    assertThat(csvWords).contains(label("calm-debrief"), "Maya Lindqvist", "Route offered: Employee assistance programme");
    assertNoEngineWords(csvWords, caseId);
  }

  /** What the case page shows of an event: its words, who by name, its labelled facts. */
  static String visibleText(JsonNode event) {
    StringBuilder text = new StringBuilder(event.path("what").asText());
    if (event.hasNonNull("whoName")) {
      text.append(" — ").append(event.path("whoName").asText());
    }
    event.path("facts").forEach(fact -> text.append(" | ").append(fact.path("label").asText()).append(": ").append(fact.path("value").asText()));
    return text.toString();
  }

  /** The CSV row's columns in people's words: whoName, what and facts (columns 4 to 6). */
  private static String peoplesColumns(String row) {
    CSVRecord record;
    try {
      record = CSVParser.parse(row, CSVFormat.DEFAULT).getRecords().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return record.get(3) + " | " + record.get(4) + " | " + record.get(5);
  }

  private void assertNoEngineWords(String text, String caseId) {
    List<String> variableNames = history.createHistoricVariableInstanceQuery().processInstanceId(caseId).list().stream()
        .map(HistoricVariableInstance::getName).filter(name -> name.chars().anyMatch(Character::isUpperCase)).distinct().toList();
    assertThat(variableNames).contains("chosenSupports", "managerId", "employeeId");
    for (String name : variableNames) {
      assertThat(text).as("variable name %s", name).doesNotContainPattern("\\b" + Pattern.quote(name) + "\\b");
    }
    PlaybookCatalog catalog = playbooks.catalog("recovery-arc").orElseThrow();
    List<String> ids = catalog.lists().values().stream().flatMap(List::stream).map(PlaybookCatalog.Entry::id).filter(id -> id.contains("-")).toList();
    assertThat(ids).contains("calm-debrief", "track-in-one-on-ones", "prolonged-withdrawal");
    for (String id : ids) {
      assertThat(text).as("catalog id %s", id).doesNotContainPattern("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])");
    }
    assertThat(text).as("form option id").doesNotContain("employee-assistance");
    assertThat(UUID.matcher(text).find()).as("a UUID in:\n%s", text).isFalse();
  }

  private String label(String catalogId) {
    return playbooks.catalog("recovery-arc").orElseThrow().labelOf(catalogId).orElseThrow();
  }
}
