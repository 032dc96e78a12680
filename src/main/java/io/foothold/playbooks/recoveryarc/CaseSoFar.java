package io.foothold.playbooks.recoveryarc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.foothold.playbook.spi.PlaybookBean;

/**
 * What earlier steps of a recovery-arc case agreed, written out for the step at hand
 * ({@code ${caseSoFar.show(task, 4)}} as a create listener): where the case stands ("Step 4 of 9"),
 * the agreed small win with its dates, the plan, the last check-in.
 *
 * <p>The texts are task-local variables that the forms show in read-only fields. Being copies on the task,
 * they cannot be used to change the case's facts: whatever comes back with a submission stays on the
 * finished task. They are plain text fields, never markdown, so a note that looks like HTML stays text.
 */
@Component("caseSoFar")
@PlaybookBean
public class CaseSoFar {

  /** The manager's steps on the main path: open, debrief, supports, small win, confirm, plan, paired work, check-ins, summary. */
  public static final int STEPS = 9;
  /** The step whose create listener adds the check-in count. */
  public static final int CHECK_IN_STEP = 8;

  static final String STEP = "caseStep";
  static final String AGREED_WIN = "agreedWin";
  static final String AGREED_PLAN = "agreedPlan";
  static final String LAST_CHECK_IN = "lastCheckIn";

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

  /** Sets the step and every piece of earlier context the case has so far on the new task. */
  public void show(DelegateTask task, int step) {
    task.setVariableLocal(STEP, stepText(task, step));
    setIfPresent(task, AGREED_WIN, agreedWin(task));
    setIfPresent(task, AGREED_PLAN, agreedPlan(task));
    setIfPresent(task, LAST_CHECK_IN, lastCheckIn(task));
  }

  static String stepText(VariableScope scope, int step) {
    String text = "Step " + step + " of " + STEPS;
    if (step == CHECK_IN_STEP) {
      int thisCheckIn = number(scope.getVariable("checkInCount"), 0) + 1;
      int planned = number(scope.getVariable("maxCheckIns"), 0);
      text += planned > 0 ? " · check-in " + thisCheckIn + " of at most " + planned : " · check-in " + thisCheckIn;
    }
    return text;
  }

  static String agreedWin(VariableScope scope) {
    String win = text(scope.getVariable("smallWinDescription"));
    if (win.isEmpty()) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    lines.add(win);
    String agreedOn = date(scope.getVariable("smallWinAgreedOn"));
    String dueOn = date(scope.getVariable("smallWinDueOn"));
    int days = number(scope.getVariable("smallWinDays"), 0);
    if (!agreedOn.isEmpty() && !dueOn.isEmpty()) {
      lines.add("Agreed on " + agreedOn + ", to be done by " + dueOn
          + (days > 0 ? " (" + days + (days == 1 ? " working day)." : " working days).") : "."));
    }
    String seenBy = text(scope.getVariable("smallWinVisibleTo"));
    if (!seenBy.isEmpty()) {
      lines.add("Seen by: " + seenBy);
    }
    String delivered = text(scope.getVariable("smallWinDelivered"));
    if (!delivered.isEmpty()) {
      String took = text(scope.getVariable("smallWinReflection"));
      lines.add("Outcome: " + switch (delivered) {
        case "yes" -> "delivered";
        case "partly" -> "partly delivered";
        default -> "not delivered yet";
      } + (took.isEmpty() ? "" : ". What you both took from it: " + took));
    }
    String loop = text(scope.getVariable("smallWinLoopSummary"));
    if (!loop.isEmpty()) {
      lines.add("Daily loop: " + loop);
    }
    return String.join("\n", lines);
  }

  static String agreedPlan(VariableScope scope) {
    List<String> lines = new ArrayList<>();
    practice(scope, lines, 1);
    practice(scope, lines, 2);
    if (lines.isEmpty()) {
      return "";
    }
    addLine(lines, "Micro-goals: ", text(scope.getVariable("microGoals")));
    addLine(lines, "Scope for now: ", text(scope.getVariable("scopeRecalibration")));
    String cadence = switch (text(scope.getVariable("checkInCadence"))) {
      case "P3D" -> "every 3 working days";
      case "P7D" -> "every week";
      case "P14D" -> "every two weeks";
      default -> "";
    };
    int planned = number(scope.getVariable("maxCheckIns"), 0);
    if (!cadence.isEmpty()) {
      lines.add("Check-ins: " + cadence + (planned > 0 ? ", at most " + planned : "") + ".");
    }
    String paired = text(scope.getVariable("pairedAssignment"));
    if (!paired.isEmpty()) {
      String partner = text(scope.getVariable("pairPartner"));
      lines.add("Paired work: " + paired + (partner.isEmpty() ? "" : " (with " + partner + ")"));
    }
    addLine(lines, "Notes on the supports: ", text(scope.getVariable("supportNotes")));
    return String.join("\n", lines);
  }

  static String lastCheckIn(VariableScope scope) {
    int held = number(scope.getVariable("checkInCount"), 0);
    Object rating = scope.getVariable("confidenceRating");
    if (held < 1 || rating == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Check-in " + held + ": their confidence " + rating + " of 5.");
    addLine(lines, "Progress: ", text(scope.getVariable("progressNote")));
    addLine(lines, "Wins to recognise: ", text(scope.getVariable("winsToRecognise")));
    addLine(lines, "Changes to the support: ", text(scope.getVariable("supportAdjustment")));
    return String.join("\n", lines);
  }

  private static void practice(VariableScope scope, List<String> lines, int n) {
    String task = text(scope.getVariable("practiceTask" + n));
    if (!task.isEmpty()) {
      String by = date(scope.getVariable("practiceTask" + n + "Date"));
      lines.add("Practice task " + n + ": " + task + (by.isEmpty() ? "" : " (by " + by + ")"));
    }
  }

  private static void addLine(List<String> lines, String lead, String value) {
    if (!value.isEmpty()) {
      lines.add(lead + value);
    }
  }

  private static void setIfPresent(DelegateTask task, String name, String text) {
    if (!text.isEmpty()) {
      task.setVariableLocal(name, text);
    }
  }

  /** A date variable (a Date, or an ISO date string as Tasklist's date picker stores it) as a person reads it. */
  static String date(Object value) {
    if (value instanceof Date date) {
      return SHOWN.format(date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
    }
    String text = text(value);
    if (text.length() >= 10) {
      try {
        return SHOWN.format(LocalDate.parse(text.substring(0, 10)));
      } catch (DateTimeParseException notADate) {
        return text;
      }
    }
    return text;
  }

  private static int number(Object value, int fallback) {
    return value instanceof Number n ? n.intValue() : fallback;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
