package io.foothold.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;

/**
 * An overdue step gets one nudge; a week later its manager gets a digest of the steps still waiting, and then one a
 * week, never two in the same week. Time passes by the engine clock.
 */
@FootholdSpringTest
class OverdueNudgeTest {

  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;
  @Autowired NudgesEnginePlugin plugin;
  @Autowired DemoMailCatcher catcher;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneNudgeThenAWeeklyDigest() {
    NudgeDriver nudges = new NudgeDriver(engine, plugin, catcher);
    // given omar's case for jun, its debrief due in two working days
    EngineRest omar = EngineRest.as(web, "omar");
    String caseId = omar.startCase("RecoveryArc", RecoveryArcForms.openCase("jun"));
    String taskId = (String) omar.task(caseId, "Task_CalmDebrief").get("id");
    Instant due = tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate().toInstant();

    // when the scan runs a day after it was due, twice
    at(due.plus(1, ChronoUnit.DAYS));
    nudges.scan();
    nudges.scan();
    nudges.sendDueMails();

    // then omar has one nudge about it
    assertThat(overdueNudges(nudges, taskId)).singleElement()
        .satisfies(mail -> assertThat(mail.subject()).isEqualTo("A step is waiting: Hold a calm, fact-focused debrief"))
        .satisfies(mail -> assertThat(mail.text()).contains("was due"));
    long digestsBefore = digests(nudges);

    // when it is still waiting six days later, no digest yet
    at(due.plus(7, ChronoUnit.DAYS));
    nudges.scan();
    nudges.sendDueMails();
    assertThat(digests(nudges)).isEqualTo(digestsBefore);

    // when a week has passed since the nudge
    at(due.plus(8, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
    nudges.scan();
    nudges.scan();
    nudges.sendDueMails();

    // then omar gets one digest listing jun's step and how long it has waited, and no second nudge
    assertThat(digests(nudges)).isEqualTo(digestsBefore + 1);
    CaughtMail digest = nudges.to("omar@foothold.test", "Your weekly digest").get(0);
    assertThat(digest.text()).contains("Jun Tanaka: Hold a calm, fact-focused debrief, overdue 8 days", "/overview/");
    assertThat(overdueNudges(nudges, taskId)).hasSize(1);

    // and the next one comes a week later
    at(due.plus(15, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
    nudges.scan();
    nudges.sendDueMails();
    assertThat(digests(nudges)).isEqualTo(digestsBefore + 2);
  }

  private static void at(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private static List<CaughtMail> overdueNudges(NudgeDriver nudges, String taskId) {
    return nudges.to("omar@foothold.test", taskId).stream().filter(mail -> mail.subject().startsWith("A step is waiting")).toList();
  }

  private static long digests(NudgeDriver nudges) {
    return nudges.to("omar@foothold.test", "Your weekly digest").size();
  }
}
