package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * A manager's private note through the whole life of a case: she reads it back while the case runs, HR's
 * history shows only that it exists, and once the case has ended no table in the database holds its text.
 */
@FootholdSpringTest
class PrivateNotesTest {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
  }

  @Test
  void theManagerReadsHerNoteWhileTheCaseRunsAndHrSeesOnlyThatItExists() {
    EngineRest maya = EngineRest.as(web, "maya");
    EngineRest hana = EngineRest.as(web, "hana");
    String note = uniqueNote("Lea went quiet when the client was mentioned");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));

    maya.completeTask(caseId, "Task_CalmDebrief", debriefWith(note));

    assertThat(maya.get("/process-instance/" + caseId + "/variables/privateNoteDebrief").getBody())
        .as("the manager reads her note back while the case runs").contains(note);

    List<Map<String, Object>> variables = hana.getList("/history/variable-instance?processInstanceId=" + caseId);
    assertThat(variables).filteredOn(v -> "privateNoteDebrief".equals(v.get("name")))
        .as("HR sees that a note exists").singleElement()
        .satisfies(v -> assertThat(v.get("value")).isEqualTo(PrivateNotes.PLACEHOLDER));
    assertThat(hana.get("/history/variable-instance?processInstanceId=" + caseId).getBody()).doesNotContain(note);

    List<Map<String, Object>> details = hana.getList("/history/detail?processInstanceId=" + caseId);
    List<Map<String, Object>> noteDetails = details.stream()
        .filter(d -> "privateNoteDebrief".equals(d.get("variableName")) || "privateNoteDebrief".equals(d.get("fieldId"))).toList();
    assertThat(noteDetails).as("the variable update is in history").anyMatch(d -> "variableUpdate".equals(d.get("type")));
    assertThat(noteDetails).as("so is the form submission (HistoricFormField)").anyMatch(d -> "formField".equals(d.get("type")));
    assertThat(noteDetails).as("every trace of the note holds the placeholder")
        .allSatisfy(d -> assertThat(d.containsKey("value") ? d.get("value") : d.get("fieldValue")).isEqualTo(PrivateNotes.PLACEHOLDER));
    assertThat(hana.get("/history/detail?processInstanceId=" + caseId).getBody()).doesNotContain(note);
    assertThat(hana.get("/history/detail?processInstanceId=" + caseId + "&deserializeValues=false").getBody()).doesNotContain(note);

    assertThat(tablesHolding(note)).as("while the case runs only the runtime variable holds the note")
        .containsExactly("ACT_RU_VARIABLE.TEXT_");
  }

  @Test
  void whenTheCaseEndsNoTableHoldsTheNotes() {
    EngineRest maya = EngineRest.as(web, "maya");
    String debriefNote = uniqueNote("Ravi blamed himself twice in the debrief");
    String checkInNote = uniqueNote("Ravi smiled at the stand-up today");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    CaseDriver driver = new CaseDriver(management, history);

    driver.walk(caseId, user -> EngineRest.as(web, user), task -> switch (task) {
      case "Task_CalmDebrief" -> debriefWith(debriefNote);
      case "Task_ChooseSupports" -> RecoveryArcForms.chooseSupports();
      case "Task_PlanSmallWin" -> RecoveryArcForms.planSmallWin();
      case "Task_ConfirmSmallWin" -> RecoveryArcForms.confirmSmallWin("yes");
      case "Task_DevelopmentPlan" -> RecoveryArcForms.developmentPlan();
      case "Task_ArrangePairedWork" -> RecoveryArcForms.pairedWork();
      case "Task_CheckIn" -> {
        Map<String, Object> checkIn = RecoveryArcForms.checkIn("recovered", 4);
        checkIn.put("privateNoteCheckIn", checkInNote);
        yield checkIn;
      }
      case "Task_RecoverySummary" -> RecoveryArcForms.recoverySummary();
      default -> throw new IllegalStateException("unexpected step " + task);
    }, 30);

    assertThat(driver.ended(caseId)).isTrue();
    assertThat(tablesHolding(debriefNote)).as("no table holds the debrief note").isEmpty();
    assertThat(tablesHolding(checkInNote)).as("no table holds the check-in note").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ like 'privateNote%' and PROC_INST_ID_ = ?",
        Integer.class, caseId)).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableNameLike("privateNote%").includeDeleted().list())
        .as("history still shows that both notes were written").hasSize(2)
        .allSatisfy(v -> assertThat(v.getValue()).isEqualTo(PrivateNotes.PLACEHOLDER));
  }

  private static Map<String, Object> debriefWith(String note) {
    Map<String, Object> debrief = RecoveryArcForms.calmDebrief();
    debrief.put("privateNoteDebrief", note);
    return debrief;
  }

  private static String uniqueNote(String text) {
    return text + " " + UUID.randomUUID();
  }

  /**
   * Every text and binary column of every table (engine and Foothold's own) whose value contains the text,
   * as TABLE.COLUMN. Fails if the scan would miss the tables the brief names, so it cannot pass by scanning nothing.
   */
  private List<String> tablesHolding(String text) {
    List<Map<String, Object>> columns = jdbc.queryForList("""
        select TABLE_NAME, COLUMN_NAME, DATA_TYPE from INFORMATION_SCHEMA.COLUMNS
        where TABLE_SCHEMA = 'PUBLIC' and DATA_TYPE in ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT',
          'BINARY VARYING', 'BINARY LARGE OBJECT')""");
    List<String> scanned = columns.stream().map(c -> c.get("TABLE_NAME") + "." + c.get("COLUMN_NAME")).toList();
    assertThat(scanned).contains("ACT_HI_VARINST.TEXT_", "ACT_HI_VARINST.TEXT2_", "ACT_HI_DETAIL.TEXT_", "ACT_HI_DETAIL.TEXT2_",
        "ACT_RU_VARIABLE.TEXT_", "ACT_RU_VARIABLE.TEXT2_", "ACT_GE_BYTEARRAY.BYTES_");
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> holding = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("TABLE_NAME");
      String name = (String) column.get("COLUMN_NAME");
      boolean binary = ((String) column.get("DATA_TYPE")).startsWith("BINARY");
      String select = "select \"" + name + "\" from \"" + table + "\" where \"" + name + "\" is not null";
      boolean found = binary
          ? jdbc.queryForList(select, byte[].class).stream().anyMatch(bytes -> indexOf(bytes, needle) >= 0)
          : jdbc.queryForList(select, String.class).stream().anyMatch(value -> value.contains(text));
      if (found) {
        holding.add(table + "." + name);
      }
    }
    return holding;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void hrWorkingAReferralOnTheCaseDoesNotSeeTheNote() {
    EngineRest maya = EngineRest.as(web, "maya");
    EngineRest hana = EngineRest.as(web, "hana");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    java.util.Map<String, Object> debrief = RecoveryArcForms.calmDebrief();
    debrief.put("privateNoteDebrief", "Mentioned a family matter; keep it between us.");
    debrief.put("seriousSignal", true);
    debrief.put("seriousSignalKinds", java.util.List.of("severe-distress"));
    debrief.put("seriousSignalNote", "Seemed overwhelmed and said they are not sleeping.");
    maya.completeTask(caseId, "Task_CalmDebrief", debrief);
    String referral = (String) hana.task(caseId, "Task_ReviewSeriousSignal").get("id");

    assertThat(hana.get("/task/" + referral + "/variables").getBody()).doesNotContain("privateNoteDebrief").doesNotContain("family matter");
    assertThat(hana.get("/task/" + referral + "/form-variables").getBody()).doesNotContain("privateNoteDebrief").doesNotContain("family matter");
    assertThat(hana.get("/task/" + referral + "/variables/privateNoteDebrief").getStatusCode().value()).isEqualTo(403);
    assertThat(hana.get("/variable-instance?processInstanceIdIn=" + caseId).getBody()).doesNotContain("family matter");
    assertThat(maya.get("/process-instance/" + caseId + "/variables").getBody()).contains("family matter");
  }
}
