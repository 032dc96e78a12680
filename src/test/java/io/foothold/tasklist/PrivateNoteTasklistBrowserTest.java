package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.support.FootholdSpringTest;
import io.foothold.support.HeadlessChromium;

/**
 * A private note as the manager lives it in the real Tasklist: she writes it on the debrief, and the next step
 * ("Confirm the supports") shows it back to her, read-only, although the engine holds no such variable.
 */
@FootholdSpringTest
class PrivateNoteTasklistBrowserTest extends TasklistBrowserTestBase {

  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void mayaWritesANoteOnTheDebriefAndSeesItWhenSheChoosesTheSupports() throws Throwable {
    String note = "Sam went quiet when the client came up; ask about it at the check-in. " + UUID.randomUUID();
    HeadlessChromium.onFailureKeepEvidence(tasklist.driver(), SCREENSHOTS, "privateNoteShownAgain", () -> {
      ProcessInstance instance = openCaseAs("maya", "sam");
      Task debrief = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

      tasklist.login("maya", "demo");
      tasklist.openTaskById(debrief.getId());
      tasklist.fillText("debriefWhatHappened", "The demo build pointed at the test database, so the client saw empty dashboards.");
      tasklist.fillText("debriefKnown", "The config switch was missed; nobody else reviewed the deploy.");
      tasklist.fillText("technicalFix", "Add a pre-demo config check to the pipeline");
      tasklist.fillText("communicationChange", "Announce demo builds in the team channel a day ahead");
      tasklist.fillText("behaviourFeedback", "The quick rollback was right; next time ask for a second pair of eyes before a live demo.");
      tasklist.fillText("privateNoteDebrief", note);
      tasklist.dismissNotifications();
      tasklist.completeTask();

      Task next = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_ChooseSupports");
      assertThat(runtime.getVariables(instance.getId())).as("the engine holds no note").doesNotContainKey("privateNoteDebrief");
      assertThat(jdbc.queryForObject("select count(*) from FH_PRIVATE_NOTE where CASE_ID_ = ? and TEXT_ = ?", Integer.class,
          instance.getId(), note)).as("Foothold's table does").isOne();

      tasklist.openTaskById(next.getId());
      var shown = tasklist.field("privateNoteDebrief");
      assertThat(shown.getDomProperty("value")).as("the next form shows her note again").isEqualTo(note);
      assertThat(shown.isEnabled()).as("read-only there").isFalse();
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-private-note-shown-again.png"));
    });
  }
}
