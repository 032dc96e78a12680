package io.foothold.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.support.CaseDriver;
import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.PlantedNote;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/**
 * A manager's private note through the whole life of a case: captured from the form that carries it into Foothold's
 * own table (never an engine variable, never history), shown to her again in a later form, recorded for HR only as
 * "a note was written", and once the case has ended no table in the database holds its text.
 */
@FootholdSpringTest
class PrivateNotesTest {

  @Autowired TestRestTemplate web;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired PrivateNoteRecords records;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    CaseDriver.resetClock();
    identity.clearAuthentication();
  }

  @Test
  void theManagerSeesHerNoteInTheNextFormWhileTheEngineHoldsNothingOfIt() {
    PlantedNote note = PlantedNote.plant(web);
    EngineRest maya = EngineRest.as(web, PlantedNote.MANAGER);

    assertThat(maya.get("/task/" + note.managerTaskId() + "/form-variables").getBody())
        .as("the next step's form gets the note for the case's manager").contains(note.secret());
    assertThat(DatabaseText.columnsHolding(jdbc, note.secret())).as("only Foothold's table holds the note")
        .containsExactly("FH_PRIVATE_NOTE.TEXT_");
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ like 'privateNote%'", Integer.class)).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(note.caseId()).variableNameLike("privateNote%").count())
        .as("no variable, not even a placeholder, in history").isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(note.caseId()).list())
        .as("neither a variable update nor the form submission (HistoricFormField)").noneMatch(d -> d.toString().contains("privateNote"));
    assertThat(records.writtenIn(note.caseId())).as("what HR may know: a note was written, by whom")
        .singleElement().satisfies(w -> {
          assertThat(w.fieldKey()).isEqualTo("privateNoteDebrief");
          assertThat(w.author()).isEqualTo("maya");
        });
  }

  @Test
  void everyJavaApiPathIsCapturedAndAnUnchangedNoteSentBackRecordsNothingNew() {
    String caseId = EngineRest.as(web, "maya").startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
    String debrief = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    String first = uniqueNote("submitted through FormService");
    String replaced = uniqueNote("set by Foothold itself through RuntimeService");
    identity.setAuthentication("maya", List.of("managers"));

    Map<String, Object> answers = RecoveryArcForms.calmDebrief();
    answers.put("privateNoteDebrief", first);
    forms.submitTaskForm(debrief, answers);
    String next = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_ChooseSupports").singleResult().getId();
    assertThat(forms.getTaskFormVariables(next).getValue("privateNoteDebrief", String.class)).isEqualTo(first);
    assertThat(records.writtenIn(caseId)).hasSize(1);

    Map<String, Object> supports = RecoveryArcForms.chooseSupports();
    supports.put("privateNoteDebrief", first);
    tasks.complete(next, Variables.fromMap(supports).putValueTyped("chosenSupports",
        SpinValues.jsonValue("[\"calm-debrief\",\"small-visible-win\"]").create()));
    assertThat(records.writtenIn(caseId)).as("the same text sent back by a later form is not a new note").hasSize(1);

    identity.clearAuthentication();
    runtime.setVariables(caseId, Variables.createVariables().putValue("privateNoteDebrief", replaced));
    assertThat(records.writtenIn(caseId)).hasSize(2);
    assertThat(DatabaseText.columnsHolding(jdbc, first)).as("a replaced note is gone").isEmpty();
    assertThat(DatabaseText.columnsHolding(jdbc, replaced)).containsExactly("FH_PRIVATE_NOTE.TEXT_");
    assertThat(runtime.getVariables(caseId)).doesNotContainKey("privateNoteDebrief");
    identity.setAuthentication("maya", List.of("managers"));
    String planStep = tasks.createTaskQuery().processInstanceId(caseId).taskDefinitionKey("Task_PlanSmallWin").singleResult().getId();
    assertThat(forms.getTaskFormVariables(planStep).getValue("privateNoteDebrief", String.class)).isEqualTo(replaced);
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
      case "Task_CheckIn" -> {
        Map<String, Object> checkIn = RecoveryArcForms.checkIn("recovered", 4);
        checkIn.put("privateNoteCheckIn", checkInNote);
        yield checkIn;
      }
      default -> RecoveryArcSteps.plainRecovery(task);
    }, 30);

    assertThat(driver.ended(caseId)).isTrue();
    assertThat(DatabaseText.columnsHolding(jdbc, debriefNote)).as("no table holds the debrief note").isEmpty();
    assertThat(DatabaseText.columnsHolding(jdbc, checkInNote)).as("no table holds the check-in note").isEmpty();
    assertThat(records.writtenIn(caseId)).as("the case's history still shows that both notes were written")
        .extracting(PrivateNoteWritten::fieldKey).containsExactly("privateNoteDebrief", "privateNoteCheckIn");
  }

  @Test
  void hrWorkingAReferralOnTheCaseDoesNotSeeTheNoteNorMayWriteOne() {
    PlantedNote note = PlantedNote.plant(web);
    EngineRest hana = EngineRest.as(web, PlantedNote.HR);
    String referral = note.hrTaskId();

    assertThat(hana.get("/task/" + referral + "/variables").getBody()).doesNotContain("privateNoteDebrief").doesNotContain(note.secret());
    assertThat(hana.get("/task/" + referral + "/form-variables").getBody()).doesNotContain("privateNoteDebrief").doesNotContain(note.secret());
    assertThat(hana.get("/task/" + referral + "/variables/privateNoteDebrief").getStatusCode().value()).isEqualTo(404);
    assertThat(hana.get("/variable-instance?processInstanceIdIn=" + note.caseId()).getBody()).doesNotContain(note.secret());

    Map<String, Object> referralAnswers = RecoveryArcForms.arrangeReferral("employee-assistance");
    referralAnswers.put("privateNoteDebrief", "written by someone else");
    var overwrite = hana.submitTaskForm(referral, referralAnswers);
    assertThat(overwrite.getStatusCode().is4xxClientError()).as(overwrite.getBody()).isTrue();
    assertThat(overwrite.getBody()).contains("privateNoteDebrief");
    assertThat(EngineRest.as(web, "maya").get("/task/" + note.managerTaskId() + "/form-variables").getBody())
        .as("the manager's note is unchanged").contains(note.secret()).doesNotContain("written by someone else");
  }

  private static Map<String, Object> debriefWith(String note) {
    Map<String, Object> debrief = RecoveryArcForms.calmDebrief();
    debrief.put("privateNoteDebrief", note);
    return debrief;
  }

  private static String uniqueNote(String text) {
    return text + " " + UUID.randomUUID();
  }
}
