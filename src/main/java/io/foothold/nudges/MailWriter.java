package io.foothold.nudges;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * The words of every nudge, in plain text and simple HTML. A mail leaves the system, so it says only which step, when,
 * and where to find it: never a case's answers, private notes or the details of a serious signal.
 */
final class MailWriter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
  private static final String SIGNATURE = "Foothold sends these reminders so nothing slips. You can choose every step, a weekly "
      + "digest only, or none on your case overview page.";

  private MailWriter() {
  }

  /** A composed subject and body, before it is addressed. */
  record Words(String subject, String text, String html) {
  }

  static Words stepAssigned(String stepName, String link, Instant due) {
    String when = due == null ? "" : " It is due " + day(due) + ".";
    return words("A new step for you: " + stepName, "A new step is waiting for you in Tasklist: \"" + stepName + "\"." + when,
        link, "Open the step in Tasklist");
  }

  static Words hrReferral(String stepName, String link) {
    return words("Urgent: a referral is waiting for HR — " + stepName,
        "A manager has asked HR to look at a case soon. The step \"" + stepName + "\" is waiting for your team in Tasklist; "
            + "the details are in the case, not in this mail.", link, "Open the step in Tasklist");
  }

  static Words invitation(String summary, Instant start, String link, boolean update) {
    String text = update ? "The date of \"" + summary + "\" has moved to " + dayAndTime(start) + ". The attached invitation updates your calendar."
        : "Tomorrow's date: \"" + summary + "\", " + dayAndTime(start) + ". The attached invitation adds it to your calendar.";
    return words((update ? "Moved: " : "Coming up: ") + summary + ", " + dayAndTime(start), text, link, "Open the case in Tasklist");
  }

  static Words cancelled(String summary, Instant start, String link) {
    return words("No longer planned: " + summary + ", " + dayAndTime(start),
        "\"" + summary + "\" on " + dayAndTime(start) + " is no longer planned, so the attached cancellation takes it out of your calendar.",
        link, "Open Tasklist");
  }

  static Words overdue(String stepName, Instant due, String link) {
    return words("A step is waiting: " + stepName, "The step \"" + stepName + "\" was due " + day(due)
        + ". When you have a moment, it is waiting for you in Tasklist.", link, "Open the step in Tasklist");
  }

  /** One line per overdue step, e.g. "Sam Okafor: Check in on progress, overdue 3 days". */
  static Words digest(List<String> lines, String overviewLink) {
    StringBuilder text = new StringBuilder("These steps in your cases are waiting:\n\n");
    StringBuilder html = new StringBuilder("<p>These steps in your cases are waiting:</p>\n<ul>\n");
    for (String line : lines) {
      text.append("- ").append(line).append('\n');
      html.append("  <li>").append(HtmlUtils.htmlEscape(line)).append("</li>\n");
    }
    text.append("\nYour case overview: ").append(overviewLink).append("\n\n").append(SIGNATURE).append('\n');
    html.append("</ul>\n<p><a href=\"").append(HtmlUtils.htmlEscape(overviewLink)).append("\">Open your case overview</a></p>\n<p>")
        .append(HtmlUtils.htmlEscape(SIGNATURE)).append("</p>\n");
    return new Words("Your weekly digest: " + lines.size() + (lines.size() == 1 ? " step is" : " steps are") + " waiting",
        text.toString(), page(html.toString()));
  }

  private static Words words(String subject, String sentence, String link, String linkText) {
    String text = sentence + "\n\n" + linkText + ": " + link + "\n\n" + SIGNATURE + "\n";
    String html = "<p>" + HtmlUtils.htmlEscape(sentence) + "</p>\n<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
        + HtmlUtils.htmlEscape(linkText) + "</a></p>\n<p>" + HtmlUtils.htmlEscape(SIGNATURE) + "</p>\n";
    return new Words(subject, text, page(html));
  }

  private static String page(String body) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Foothold</title></head>\n"
        + "<body style=\"font-family: sans-serif; line-height: 1.5\">\n" + body + "</body></html>\n";
  }

  static String day(Instant at) {
    return DAY.format(at.atZone(ZoneId.systemDefault()));
  }

  static String dayAndTime(Instant at) {
    return DAY_AND_TIME.format(at.atZone(ZoneId.systemDefault()));
  }
}
