package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.foothold.support.FootholdSpringTest;
import io.foothold.support.MicroFailureForms;
import io.foothold.support.RecoveryArcForms;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The manager's path in the real Tasklist: a later step shows what was agreed before and where the case stands,
 * typed answers survive a switch to another tab, a refusal names the field as the person sees it, and a page
 * of the wrong role is Foothold's page, not a Whitelabel error.
 */
@FootholdSpringTest
class ManagersPathBrowserTest extends TasklistBrowserTestBase {

  static final Path README_IMAGES = Paths.get("docs", "images");

  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @BeforeEach
  void screenshotsFolder() throws Exception {
    Files.createDirectories(SCREENSHOTS);
  }

  @Test
  void aLaterCheckInShowsWhatWasAgreedAndKeepsTypedAnswersAcrossTabs() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given a case at its second check-in
      String caseId = as("maya", () -> runtime.startProcessInstanceByKey("RecoveryArc", RecoveryArcForms.openCase("ravi")).getId());
      completeAs("maya", caseId, "Task_CalmDebrief", RecoveryArcForms.calmDebrief());
      completeAs("maya", caseId, "Task_ChooseSupports", RecoveryArcForms.chooseSupports());
      completeAs("maya", caseId, "Task_PlanSmallWin", RecoveryArcForms.planSmallWin());
      completeAs("maya", caseId, "Task_ConfirmSmallWin", RecoveryArcForms.confirmSmallWin("yes"));
      completeAs("maya", caseId, "Task_DevelopmentPlan", RecoveryArcForms.developmentPlan());
      completeAs("maya", caseId, "Task_ArrangePairedWork", RecoveryArcForms.pairedWork());
      fireCheckInTimer(caseId);
      completeAs("maya", caseId, "Task_CheckIn", RecoveryArcForms.checkIn("continue", 3));
      fireCheckInTimer(caseId);
      Task checkIn = task(caseId, "Task_CheckIn");
      assertThat(checkIn.getDueDate()).as("a check-in carries a due date").isNotNull();

      // when the manager opens it in Tasklist
      tasklist.login("maya", "demo");
      tasklist.openTaskById(checkIn.getId());

      // then it shows where the case stands and what earlier steps agreed
      assertThat(tasklist.fieldValue("caseStep")).isEqualTo("Step 8 of 9 · check-in 2 of at most 3");
      assertThat(tasklist.fieldValue("lastCheckIn")).startsWith("Check-in 1: their confidence 3 of 5.")
          .contains("Rehearsed twice, ran the internal demo without help.");
      assertThat(tasklist.fieldValue("agreedPlan")).contains("Practice task 1: Lead the next internal demo")
          .contains("Paired work: Prepare and run the December client demo together. (with Lea Brandt)");
      assertThat(tasklist.fieldValue("agreedWin")).startsWith("Run the import dry-run for Friday's internal review.")
          .contains("Outcome: delivered");
      tasklist.dismissNotifications();
      tasklist.scrollFormToTop();
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-check-in-context.png"));
      Files.createDirectories(README_IMAGES);
      Files.copy(SCREENSHOTS.resolve("tasklist-check-in-context.png"), README_IMAGES.resolve("tasklist-check-in-context.png"),
          StandardCopyOption.REPLACE_EXISTING);

      // when she types an answer, looks at the diagram and the history, and comes back
      // (the field may open with the last check-in's note, which form-js fills in a moment after the form shows)
      tasklist.replaceText("progressNote", "Ran the client demo rehearsal alone and fixed one slide.");
      tasklist.openDetailTab("Diagram");
      tasklist.openDetailTab("History");
      tasklist.openDetailTab("Form");

      // then her answer is still there
      assertThat(tasklist.fieldValue("progressNote")).isEqualTo("Ran the client demo rehearsal alone and fixed one slide.");
    });
  }

  @Test
  void minutesOutsideTheAgreedGrowthCannotBeChosenInTheForm() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given sam's daily loop at its expand step, the action taking 10 minutes
      String loopId = as("maya", () -> runtime.startProcessInstanceByKey("MicroConfidenceLoop", Map.of(
          "employeeId", "sam", "confidenceArea", "Speaking up in planning meetings", "loopWeeks", 1, "seriousSignal", false)).getId());
      completeAs("maya", loopId, "Task_DefineAction", Map.of("microAction", "Say one sentence about the plan in the stand-up.",
          "actionMinutes", 10, "actionWhy", "Small, safe practice at being heard.", "seriousSignal", false));
      for (int day = 1; day <= 5; day++) {
        runDueTimer(loopId);
        completeAs("sam", loopId, "Task_ShipToday", Map.of("shippedToday", "yes", "evidenceNote", "Said it; one question back.",
            "effortRating", 2, "seriousSignal", false));
      }
      Task expand = task(loopId, "Task_Expand");

      // when sam grows the action far more than half again
      tasklist.login("sam", "demo");
      tasklist.openTaskById(expand.getId());
      assertThat(tasklist.fieldValue("loopDay")).isEqualTo("End of week 1 of 1 · 5 of 5 days logged");
      assertThat(tasklist.fieldValue("evidenceSoFar")).contains("Day 5: done (effort 2/5) - Said it; one question back.");
      tasklist.replaceText("grownMinutes", "30");

      // then the form itself says the bound the current 10 minutes give (10 × 1.5), and Complete waits for a fit
      String error = tasklist.fieldError("grownMinutes");
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-computed-bound.png"));
      assertThat(error).contains("15");
      assertThat(tasklist.completeButtonEnabled()).as("Complete while the minutes are out of bounds").isFalse();

      // and a fitting value is taken
      tasklist.replaceText("grownMinutes", "13");
      tasklist.completeTaskOrFail("Expand with 13 minutes");
      assertThat(tasks.createTaskQuery().taskId(expand.getId()).count()).as("the step is done").isZero();
    });
  }

  @Test
  void aRefusalNamesTheFieldAsThePersonSeesItAndNoInternalId() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given omar's small-slips case for jun at the peer pairing step (a rule the form cannot express itself)
      String caseId = as("omar", () -> runtime.startProcessInstanceByKey("MicroFailure", MicroFailureForms.intake("jun", List.of())).getId());
      Task pairing = null;
      for (int step = 0; step < 10 && pairing == null; step++) {
        Task open = tasks.createTaskQuery().processInstanceId(caseId).singleResult();
        if (open.getTaskDefinitionKey().equals("Task_PeerPairingAndMicroGoals")) {
          pairing = open;
        } else {
          completeAs(open.getAssignee(), caseId, open.getTaskDefinitionKey(), MicroFailureForms.answer(open.getTaskDefinitionKey()));
        }
      }
      assertThat(pairing).as("the case reaches peer pairing").isNotNull();

      // when he names a second micro-goal without saying how it will be seen, and completes
      tasklist.login("omar", "demo");
      tasklist.openTaskById(pairing.getId());
      tasklist.replaceText("pairPartner", "Priya Shah");
      tasklist.replaceText("pairedWork", "Build next month's report together.");
      tasklist.replaceText("microGoal1", "Publish two reports without rework");
      tasklist.replaceText("microGoal1Measure", "Rework count");
      tasklist.replaceText("microGoal2", "Answer one data question in the team channel");
      tasklist.pressComplete();

      // then the message names the field by its label and says what to change, without internal ids
      String message = tasklist.notificationText();
      tasklist.screenshot(SCREENSHOTS.resolve("tasklist-refusal-message.png"));
      assertThat(message).contains("\"How you will see the second goal is met\"").contains("or leave the second goal empty")
          .doesNotContain("microGoal2Measure").doesNotContain("micro-failure-peer-pairing")
          .doesNotContain(pairing.getId()).doesNotContain("Cannot submit task form");
      assertThat(tasks.createTaskQuery().taskId(pairing.getId()).count()).as("the step stays open").isEqualTo(1);
    });
  }

  @Test
  void aPageOfAnotherRoleIsFootholdsPageNotAWhitelabelError() throws Throwable {
    onFailureKeepEvidence(() -> {
      // given a manager signed in to Tasklist
      tasklist.login("maya", "demo");

      // when she follows a link into Cockpit, which is not part of her work
      tasklist.go("/camunda/app/cockpit/default/");

      // then
      String page = tasklist.pageText();
      tasklist.screenshot(SCREENSHOTS.resolve("wrong-role-page.png"));
      assertThat(page).contains("This page is not part of your work").contains("You are signed in as maya.")
          .contains("Tasklist").doesNotContain("Whitelabel");
    });
  }

  private Task task(String instanceId, String key) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).list();
    assertThat(open).as("open %s", key).hasSize(1);
    return open.get(0);
  }

  private void completeAs(String user, String instanceId, String key, Map<String, Object> answers) {
    String taskId = task(instanceId, key).getId();
    as(user, () -> {
      tasks.complete(taskId, new HashMap<>(answers));
      return null;
    });
  }

  private void fireCheckInTimer(String caseId) {
    runDueTimer(caseId);
    task(caseId, "Task_CheckIn");
  }

  /** Runs the instance's waiting timer now, as the job executor would once it is due. */
  private void runDueTimer(String instanceId) {
    var timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
    assertThat(timer).as("a waiting timer").isNotNull();
    management.executeJob(timer.getId());
  }

  private <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
