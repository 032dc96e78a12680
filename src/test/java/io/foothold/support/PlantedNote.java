package io.foothold.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A private note planted the way a manager writes one, for tests that check it never leaks: maya opens a recovery
 * case for lea and submits the calm debrief (REST submit-form, as Tasklist does) with {@code privateNoteDebrief}
 * holding {@link #secret} and a serious signal ticked, so the case has a step of maya's ({@link #managerTaskId},
 * "Confirm the supports", whose form shows the note to her again) and an HR referral step for hana
 * ({@link #hrTaskId}). The secret is unique per call; only maya, reading the form variables of her own step, may
 * ever see it.
 */
public record PlantedNote(String caseId, String fieldKey, String secret, String managerTaskId, String hrTaskId) {

  public static final String MANAGER = "maya";
  public static final String EMPLOYEE = "lea";
  public static final String HR = "hana";

  public static PlantedNote plant(TestRestTemplate web) {
    EngineRest maya = EngineRest.as(web, MANAGER);
    String secret = "PRIVATE-" + UUID.randomUUID();
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase(EMPLOYEE));
    Map<String, Object> debrief = RecoveryArcForms.calmDebrief();
    debrief.put("privateNoteDebrief", secret);
    debrief.put("seriousSignal", true);
    debrief.put("seriousSignalKinds", List.of("severe-distress"));
    debrief.put("seriousSignalNote", "Seemed overwhelmed and said they are not sleeping.");
    maya.completeTask(caseId, "Task_CalmDebrief", debrief);
    String managerTask = (String) maya.task(caseId, "Task_ChooseSupports").get("id");
    String hrTask = (String) EngineRest.as(web, HR).task(caseId, "Task_ReviewSeriousSignal").get("id");
    return new PlantedNote(caseId, "privateNoteDebrief", secret, managerTask, hrTask);
  }
}
