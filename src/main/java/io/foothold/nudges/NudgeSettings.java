package io.foothold.nudges;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code foothold.nudges.*}. Whether mail goes out at all is Spring Boot's {@code spring.mail.host} (the demo profile
 * brings its own catcher); these say what is sent and when.
 */
@Component
@ConfigurationProperties(prefix = "foothold.nudges")
class NudgeSettings {

  /** The sender, e.g. {@code Foothold <foothold@example.org>}. */
  private String from = "Foothold <foothold@localhost>";
  /** Where people reach Foothold, for the links in mails; empty: this server's own address. */
  private String baseUrl = "";
  /** How long before a check-in or small-win date its invitation goes out. */
  private Duration reminderLead = Duration.ofDays(1);
  /** How long an invitation blocks in the calendar. */
  private Duration meetingLength = Duration.ofMinutes(30);
  /** How often the dates, overdue steps and digests are looked at. */
  private Duration scanInterval = Duration.ofMinutes(15);
  /** How often a manager gets the digest of overdue steps (after the first nudge). */
  private Duration digestInterval = Duration.ofDays(7);
  /** Waits between attempts when the mail server does not take a mail; after the last one the mail is given up. */
  private List<Duration> retryBackoff = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(8)));
  /** The model elements whose date is a meeting worth a calendar invitation: timers, or steps with a due date. */
  private List<String> invitationElements = new ArrayList<>(List.of("Timer_NextCheckIn", "Timer_NextProgressCheck", "Task_ConfirmSmallWin"));

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Duration getReminderLead() {
    return reminderLead;
  }

  public void setReminderLead(Duration reminderLead) {
    this.reminderLead = reminderLead;
  }

  public Duration getMeetingLength() {
    return meetingLength;
  }

  public void setMeetingLength(Duration meetingLength) {
    this.meetingLength = meetingLength;
  }

  public Duration getScanInterval() {
    return scanInterval;
  }

  public void setScanInterval(Duration scanInterval) {
    this.scanInterval = scanInterval;
  }

  public Duration getDigestInterval() {
    return digestInterval;
  }

  public void setDigestInterval(Duration digestInterval) {
    this.digestInterval = digestInterval;
  }

  public List<Duration> getRetryBackoff() {
    return retryBackoff;
  }

  public void setRetryBackoff(List<Duration> retryBackoff) {
    this.retryBackoff = retryBackoff;
  }

  public List<String> getInvitationElements() {
    return invitationElements;
  }

  public void setInvitationElements(List<String> invitationElements) {
    this.invitationElements = invitationElements;
  }
}
