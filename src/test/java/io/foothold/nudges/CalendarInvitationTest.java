package io.foothold.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.foothold.support.EngineRest;
import io.foothold.support.ResetEngineClock;
import io.foothold.support.FootholdSpringTest;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.RecoveryArcSteps;

/**
 * The day before a check-in, its manager gets an invitation that calendar apps accept (parsed here with ical4j):
 * the check-in's start, a stable UID, SEQUENCE 0. When the date moves, an update with the same UID and SEQUENCE 1
 * follows; when the case ends first, a cancellation with SEQUENCE 2. Time passes by the engine clock.
 */
@FootholdSpringTest
@ExtendWith(ResetEngineClock.class)
class CalendarInvitationTest {

  @Autowired TestRestTemplate web;
  @Autowired ProcessEngine engine;
  @Autowired NudgesEnginePlugin plugin;
  @Autowired DemoMailCatcher catcher;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void aCheckInIsInvitedTheDayBeforeUpdatedWhenItMovesAndCancelledWhenTheCaseEnds() throws Exception {
    NudgeDriver nudges = new NudgeDriver(engine, plugin, catcher);
    // given maya's case waits on its check-in timer
    EngineRest maya = EngineRest.as(web, "maya");
    String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("ravi"));
    RecoveryArcSteps.toCheckInTimer(maya, caseId);
    Job timer = management.createJobQuery().processInstanceId(caseId).activityId("Timer_NextCheckIn").singleResult();
    Instant checkIn = timer.getDuedate().toInstant();
    String uid = UpcomingDates.uidOf("job:" + timer.getId());

    // when the scan runs two days before, nothing is sent yet
    ClockUtil.setCurrentTime(Date.from(checkIn.minus(2, ChronoUnit.DAYS)));
    nudges.scan();
    nudges.sendDueMails();
    assertThat(nudges.to("maya@foothold.test", uid)).isEmpty();

    // when it runs the day before
    ClockUtil.setCurrentTime(Date.from(checkIn.minus(20, ChronoUnit.HOURS)));
    nudges.scan();
    nudges.sendDueMails();

    // then maya has an invitation at the check-in's time, SEQUENCE 0
    List<CaughtMail> invited = nudges.to("maya@foothold.test", uid);
    assertThat(invited).hasSize(1);
    assertThat(invited.get(0).subject()).startsWith("Coming up: Next check-in due (Ravi Menon)");
    VEvent event = event(invited.get(0).calendar(), "REQUEST");
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(uid);
    assertThat(event.<net.fortuna.ical4j.model.property.Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo()).isZero();
    assertThat(start(event)).as("iCalendar counts in whole seconds").isEqualTo(checkIn.truncatedTo(ChronoUnit.SECONDS));
    // and a second scan sends nothing new
    nudges.scan();
    nudges.sendDueMails();
    assertThat(nudges.to("maya@foothold.test", uid)).hasSize(1);

    // when the check-in moves by two hours
    Instant moved = checkIn.plus(2, ChronoUnit.HOURS);
    management.setJobDuedate(timer.getId(), Date.from(moved));
    nudges.scan();
    nudges.sendDueMails();

    // then an update follows: same UID, SEQUENCE 1, the new start
    List<CaughtMail> afterMove = nudges.to("maya@foothold.test", uid);
    assertThat(afterMove).hasSize(2);
    CaughtMail update = afterMove.stream().filter(m -> m.subject().startsWith("Moved:")).findFirst().orElseThrow();
    VEvent updated = event(update.calendar(), "REQUEST");
    assertThat(updated.getUid().orElseThrow().getValue()).isEqualTo(uid);
    assertThat(updated.<net.fortuna.ical4j.model.property.Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo()).isEqualTo(1);
    assertThat(start(updated)).isEqualTo(moved.truncatedTo(ChronoUnit.SECONDS));

    // when the case ends before the check-in
    runtime.deleteProcessInstance(caseId, "ended in the test");
    nudges.scan();
    nudges.sendDueMails();

    // then a cancellation follows: same UID, SEQUENCE 2, STATUS CANCELLED
    List<CaughtMail> afterEnd = nudges.to("maya@foothold.test", uid);
    assertThat(afterEnd).hasSize(3);
    CaughtMail cancel = afterEnd.stream().filter(m -> m.subject().startsWith("No longer planned:")).findFirst().orElseThrow();
    VEvent cancelled = event(cancel.calendar(), "CANCEL");
    assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(uid);
    assertThat(cancelled.<net.fortuna.ical4j.model.property.Sequence>getProperty(Property.SEQUENCE).orElseThrow().getSequenceNo()).isEqualTo(2);
    assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
  }

  private static VEvent event(String ics, String method) throws Exception {
    assertThat(ics).as("an .ics attachment").isNotNull();
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static Instant start(VEvent event) {
    return Instant.from(event.getDateTimeStart().getDate());
  }
}
