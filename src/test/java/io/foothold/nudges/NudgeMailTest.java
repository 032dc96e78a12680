package io.foothold.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.PlantedNote;
import io.foothold.support.RecoveryArcForms;

/**
 * Nudges against a real SMTP server (the demo's in-process GreenMail): the mail for a new step reaches its assignee
 * with a link that opens the step in Tasklist and is recorded in the case's history; HR referrals reach HR marked
 * urgent; a rolled-back step sends nothing; a mail server that is down gets the mail later, once; a person who chose
 * no mails gets none; and no mail carries a private note or a serious signal's details.
 */
@FootholdSpringTest
class NudgeMailTest {

  private static final Pattern TASK_LINK = Pattern.compile("(http://\\S+/camunda/app/tasklist/default/)#/\\?task=(\\S+)");

  @LocalServerPort int port;
  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;
  @Autowired NudgesEnginePlugin plugin;
  @Autowired DemoMailCatcher catcher;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  NudgeDriver nudges;

  @BeforeEach
  void drive() {
    nudges = new NudgeDriver(engine, plugin, catcher);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    catcher.start();
    identity.clearAuthentication();
  }

  @Test
  void aNewStepReachesItsAssigneeWithALinkThatOpensItInTasklist() {
    // given maya opens a case for sam, so the calm debrief is her step
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
    String taskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");

    // when the mail jobs run
    nudges.sendDueMails();

    // then maya has exactly one mail about it, naming the step and linking to it in Tasklist
    List<CaughtMail> mails = nudges.to("maya@foothold.test", taskId);
    assertThat(mails).hasSize(1);
    CaughtMail mail = mails.get(0);
    assertThat(mail.subject()).isEqualTo("A new step for you: Hold a calm, fact-focused debrief");
    Matcher link = TASK_LINK.matcher(mail.text());
    assertThat(link.find()).as("a Tasklist link in: %s", mail.text()).isTrue();
    assertThat(link.group(1)).isEqualTo("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
    assertThat(link.group(2)).isEqualTo(taskId);
    // and the link works: Tasklist answers, and the task it names is maya's to open
    assertThat(web.getForEntity(link.group(1), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(maya.get("/task/" + link.group(2)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mail.text()).doesNotContain("Sam", "Okafor").as("a link and the step's name only");

    // and HR's timeline of the case shows the send
    ResponseEntity<String> timeline = EngineRest.as(web, "hana").getApi("/api/audit/cases/" + caseId);
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timeline.getBody()).contains("Nudge e-mailed to maya: a new step");
  }

  @Test
  void aStepThatIsRolledBackSendsNothing() {
    int before = outboxRows();
    // given maya opens a case in a transaction that is then rolled back (a later failure in the same request)
    String[] taskId = new String[1];
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      identity.setAuthentication("maya", List.of("managers"));
      try {
        String caseId = runtime.startProcessInstanceByKey("RecoveryArc", RecoveryArcForms.openCase("ravi")).getId();
        taskId[0] = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
      } finally {
        identity.clearAuthentication();
      }
      assertThat(outboxRows()).as("the listener put the mail in the outbox, inside the transaction").isEqualTo(before + 1);
      status.setRollbackOnly();
    });

    // when the mail jobs run
    nudges.sendDueMails();

    // then neither the outbox row nor a mail exists for the step that never happened
    assertThat(outboxRows()).isEqualTo(before);
    assertThat(nudges.to("maya@foothold.test", taskId[0])).isEmpty();
  }

  @Test
  void whenTheMailServerIsDownTheMailIsSentLaterAndOnce() {
    // given the mail server is down when maya's new step is created
    catcher.stop();
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("lea"));
    String taskId = (String) maya.task(caseId, "Task_CalmDebrief").get("id");
    assertThat(nudges.sendDueMails()).isPositive();

    // when it is back, nothing is sent before the back-off has passed
    catcher.start();
    nudges.sendDueMails();
    assertThat(nudges.to("maya@foothold.test", taskId)).isEmpty();
    assertThat(attempts(taskId)).isEqualTo(1);

    // then after the first wait (one minute by the engine clock) the mail goes out, once
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
    nudges.sendDueMails();
    nudges.sendDueMails();
    assertThat(nudges.to("maya@foothold.test", taskId)).hasSize(1);
    assertThat(attempts(taskId)).isEqualTo(2);
  }

  @Test
  void hrReferralsReachHrMarkedUrgentAndNoMailCarriesANoteOrASignalsDetails() {
    // given maya's debrief with a private note and a serious signal, which opens an HR referral step
    PlantedNote planted = PlantedNote.plant(web);

    // when every mail job runs, and later the scan finds the steps overdue
    nudges.sendDueMails();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
    nudges.scan();
    nudges.sendDueMails();

    // then hana has an urgent mail with a link to the referral step
    List<CaughtMail> referral = nudges.to("hana@foothold.test", planted.hrTaskId());
    assertThat(referral).hasSize(1);
    assertThat(referral.get(0).urgent()).isTrue();
    assertThat(referral.get(0).subject()).startsWith("Urgent:");
    // and no mail, to anyone, holds the note or what the signal was
    assertThat(nudges.caught()).isNotEmpty().allSatisfy(mail -> assertThat(mail.subject() + mail.text() + mail.calendar())
        .doesNotContain(planted.secret(), "overwhelmed", "not sleeping", "severe-distress", "distress"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + NudgeTables.MAIL + " WHERE TEXT_ LIKE ? OR HTML_ LIKE ? OR SUBJECT_ LIKE ?",
        Integer.class, "%" + planted.secret() + "%", "%overwhelmed%", "%overwhelmed%")).isZero();
  }

  @Test
  void someoneWhoChoseNoMailsGetsNoneAndABadChoiceIsNamed() {
    EngineRest omar = EngineRest.as(web, "omar");
    try {
      // given omar chose no mails
      assertThat(omar.exchangeApi("PUT", "/api/my/nudges", Map.of("choice", "NONE")).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(omar.getApi("/api/my/nudges").getBody()).contains("\"choice\":\"NONE\"");

      // when he opens a case
      String caseId = omar.startCase("RecoveryArc", RecoveryArcForms.openCase("jun"));
      String taskId = (String) omar.task(caseId, "Task_CalmDebrief").get("id");
      nudges.sendDueMails();

      // then no mail tells him about his step
      assertThat(nudges.to("omar@foothold.test", taskId)).isEmpty();

      // and a choice that does not exist answers 400 naming the field
      ResponseEntity<String> bad = omar.exchangeApi("PUT", "/api/my/nudges", Map.of("choice", "SOMETIMES"));
      assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bad.getBody()).contains("\"field\":\"choice\"", "EVERY_STEP", "DIGEST_ONLY", "NONE");
    } finally {
      omar.exchangeApi("PUT", "/api/my/nudges", Map.of("choice", "EVERY_STEP"));
    }
  }

  private int outboxRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + NudgeTables.MAIL, Integer.class);
  }

  private int attempts(String taskId) {
    return jdbc.queryForObject("SELECT ATTEMPTS_ FROM " + NudgeTables.MAIL + " WHERE TEXT_ LIKE ?", Integer.class, "%task=" + taskId + "%");
  }
}
