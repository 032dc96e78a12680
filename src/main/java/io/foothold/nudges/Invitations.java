package io.foothold.nudges;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar invitations (RFC 5545/5546) built with ical4j: METHOD:REQUEST for a new or moved date (same UID, higher
 * SEQUENCE, so the calendar replaces the event), METHOD:CANCEL with STATUS:CANCELLED when it no longer stands. Times
 * are UTC, which every calendar app reads without a time-zone table.
 */
final class Invitations {

  private static final String PRODUCT = "-//Foothold//Nudges//EN";

  private Invitations() {
  }

  /** One scheduled date. */
  record Meeting(String uid, int sequence, String summary, Instant start, Duration length, String organizer, String attendee, String link) {
  }

  static String request(Meeting meeting) {
    return calendar(meeting, false);
  }

  static String cancel(Meeting meeting) {
    return calendar(meeting, true);
  }

  private static String calendar(Meeting meeting, boolean cancelled) {
    Instant start = meeting.start().truncatedTo(ChronoUnit.SECONDS); // iCalendar counts in whole seconds
    VEvent event = new VEvent(start, start.plus(meeting.length()), meeting.summary());
    event.add(new Uid(meeting.uid()));
    event.add(new Sequence(meeting.sequence()));
    event.add(new Organizer(URI.create("mailto:" + meeting.organizer())));
    event.add(new Attendee(URI.create("mailto:" + meeting.attendee())));
    event.add(new Url(URI.create(meeting.link())));
    event.add(new Description("The step is in Tasklist: " + meeting.link()));
    if (cancelled) {
      event.add(ImmutableStatus.VEVENT_CANCELLED);
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(event);
    return calendar.toString();
  }
}
