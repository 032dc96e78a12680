package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.PlantedNote;
import io.foothold.support.RecoveryArcForms;

/**
 * What happens to a note after it is written: it is forgotten when its case ends, removed with the case's history
 * by HR's erasure and by retention, and notes left in the engine by earlier versions are moved out at start-up.
 */
@FootholdSpringTest
@ExtendWith(RestoreCleanupSchedule.class)
class PrivateNoteLifecycleTest {

  private static final long DAY = 24L * 3600 * 1000;

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ProcessEngine engine;
  @Autowired PrivateNoteRecords records;
  @Autowired HistoryRetention retention;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCancelledCaseForgetsItsNoteAndHrsErasureRemovesTheRecordOfIt() {
    PlantedNote note = PlantedNote.plant(web);
    runtime.deleteProcessInstance(note.caseId(), "the employee left", true);

    assertThat(DatabaseText.columnsHolding(jdbc, note.secret())).as("ended, even with listeners skipped: the text is gone").isEmpty();
    assertThat(records.writtenIn(note.caseId())).as("the record that a note was written stays with the history").hasSize(1);

    var erased = EngineRest.as(web, "hana").exchangeApi("DELETE", "/api/audit/cases/" + note.caseId(),
        Map.of("reason", "Erasure requested by the employee under data protection law."));
    assertThat(erased.getStatusCode().is2xxSuccessful()).as(erased.getBody()).isTrue();
    assertThat(records.writtenIn(note.caseId())).isEmpty();
    assertThat(countNotes(note.caseId())).isZero();
  }

  @Test
  void retentionRemovesTheNotesWithTheCasesHistoryAndKeepsAYoungerCasesNotes() {
    long base = System.currentTimeMillis() - 3000 * DAY;
    ClockUtil.setCurrentTime(new Date(base));
    PlantedNote old = PlantedNote.plant(web);
    runtime.deleteProcessInstance(old.caseId(), "ended long ago", false);
    ClockUtil.setCurrentTime(new Date(base + 150 * DAY));
    PlantedNote younger = PlantedNote.plant(web);
    runtime.deleteProcessInstance(younger.caseId(), "ended later", false);
    assertThat(countNotes(old.caseId())).isOne();

    ClockUtil.setCurrentTime(new Date(base + 181 * DAY));
    history.cleanUpHistoryAsync(true);
    history.findHistoryCleanupJobs().forEach(job -> management.executeJob(job.getId()));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.caseId()).count()).as("history removed").isZero();
    assertThat(countNotes(old.caseId())).as("and the notes with it").isZero();
    assertThat(countNotes(younger.caseId())).as("31 days after its end").isOne();
  }

  @Test
  void notesLeftInTheEngineByAnEarlierVersionAreMovedOutAtStartUpOnce() {
    String secret = "LEGACY-" + UUID.randomUUID();
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    // As an earlier Foothold left them: the note as a runtime variable, and placeholders (or worse) in history.
    copyRow("ACT_RU_VARIABLE", caseId, secret);
    copyRow("ACT_HI_VARINST", caseId, "[private note]");
    copyRow("ACT_HI_DETAIL", caseId, "[private note]");
    assertThat(DatabaseText.columnsHolding(jdbc, secret)).containsExactly("ACT_RU_VARIABLE.TEXT_");

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    LegacyNotesMigration.run(configuration);

    assertThat(DatabaseText.columnsHolding(jdbc, secret)).containsExactly("FH_PRIVATE_NOTE.TEXT_");
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where NAME_ like 'privateNote%'", Integer.class)).as(table).isZero();
    }
    String debrief = (String) EngineRest.as(web, "maya").task(caseId, "Task_CalmDebrief").get("id");
    assertThat(EngineRest.as(web, "maya").get("/task/" + debrief + "/form-variables").getBody()).as("the manager still has her note")
        .contains(secret);
    int rows = countNotes(caseId);
    assertThat(rows).as("the history's note, and the running note").isEqualTo(2);

    LegacyNotesMigration.run(configuration);
    assertThat(countNotes(caseId)).as("a second start-up moves nothing").isEqualTo(rows);
  }

  private int countNotes(String caseId) {
    return jdbc.queryForObject("select count(*) from FH_PRIVATE_NOTE where CASE_ID_ = ?", Integer.class, caseId);
  }

  /** Copies the case's employeeId row of the table as a privateNoteDebrief row holding the text. */
  private void copyRow(String table, String caseId, String text) {
    List<String> columns = jdbc.queryForList("select COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = 'PUBLIC' "
        + "and TABLE_NAME = ? order by ORDINAL_POSITION", String.class, table);
    String select = String.join(", ", columns.stream().map(c -> switch (c) {
      case "ID_" -> "'" + UUID.randomUUID() + "'";
      case "NAME_" -> "'privateNoteDebrief'";
      case "TEXT_" -> "'" + text + "'";
      default -> c;
    }).toList());
    String where = table.equals("ACT_HI_DETAIL") ? " and TYPE_ = 'VariableUpdate' fetch first 1 rows only" : "";
    int copied = jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
        + " where PROC_INST_ID_ = ? and NAME_ = 'employeeId'" + where, caseId);
    assertThat(copied).as(table).isOne();
  }
}
