package io.foothold.nudges;

import java.util.List;

/**
 * One composed mail, as it waits in the outbox. {@code caseIds} are the root cases it concerns (their history records
 * the send); {@code ics} is the iCalendar attachment of an invitation, or null.
 */
record Mail(MailKind kind, String recipient, String address, List<String> caseIds, String subject, String text, String html,
    String ics, boolean urgent) {
}
