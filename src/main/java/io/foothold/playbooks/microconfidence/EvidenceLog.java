package io.foothold.playbooks.microconfidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import io.foothold.playbook.spi.PlaybookBean;

/**
 * Bookkeeping for the MicroConfidenceLoop process ({@code ${evidenceLog.…(execution)}} in execution listeners).
 *
 * <p>The evidence log is the process variable {@code evidenceLogEntries} ({@link #VARIABLE}): a JSON list of
 * {@code {"day": n, "shipped": true|false, "note": "...", "effort": 1..5}}, one entry per daily ship task,
 * stored as an object value serialized as {@code application/json}. The bean also keeps the counters
 * the gateways use ({@code dayNumber}, {@code dayInWeek}, {@code weeksCompleted}), the caller-facing
 * results ({@code microLoopDaysShipped}, {@code microLoopCompleted}, {@code microLoopSummary}) and the
 * growth step (proposal before the expand task, applying it after).
 */
@Component("evidenceLog")
@PlaybookBean
public class EvidenceLog {

  /**
   * Name of the log variable. Not "evidenceLog": process variables are resolved before beans in
   * expressions, so a variable named like this bean would shadow {@code ${evidenceLog.append(execution)}}.
   */
  public static final String VARIABLE = "evidenceLogEntries";
  public static final int DEFAULT_LOOP_WEEKS = 2;
  public static final int MAX_LOOP_WEEKS = 8;
  public static final int DAYS_PER_WEEK = 5;
  public static final double GROWTH_PROPOSED = 1.3;
  public static final double GROWTH_MIN = 1.2;
  public static final double GROWTH_MAX = 1.5;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST_OF_ENTRIES = new TypeReference<>() { };

  /** Process start: default {@code loopWeeks}, zeroed counters and an empty log. */
  public void begin(DelegateExecution execution) {
    execution.setVariable("loopWeeks", loopWeeks(execution.getVariable("loopWeeks")));
    execution.setVariable("dayNumber", 0);
    execution.setVariable("dayInWeek", 0);
    execution.setVariable("weeksCompleted", 0);
    execution.setVariable("microLoopDaysShipped", 0);
    execution.setVariable("microLoopCompleted", false);
    execution.setVariable(VARIABLE, toValue(new ArrayList<>()));
  }

  /** Before the define task: a proposed action from the caller ({@code microActionSeed}) prefills {@code microAction}. */
  public void prefillAction(DelegateExecution execution) {
    String seed = text(execution.getVariable("microActionSeed"));
    if (text(execution.getVariable("microAction")).isEmpty() && !seed.isEmpty()) {
      execution.setVariable("microAction", seed.length() > 300 ? seed.substring(0, 300) : seed);
    }
  }

  /** After the define task: remember where the action started. */
  public void actionDefined(DelegateExecution execution) {
    execution.setVariable("firstActionMinutes", intOf(execution.getVariable("actionMinutes"), 0));
  }

  /**
   * After each ship task: append today's entry, count the day (and the shipped day), then clear the
   * day's form values so tomorrow's form does not open with today's answers.
   */
  public void append(DelegateExecution execution) {
    int day = intOf(execution.getVariable("dayNumber"), 0) + 1;
    boolean shipped = isYes(execution.getVariable("shippedToday"));
    Integer effort = execution.getVariable("effortRating") instanceof Number n ? n.intValue() : null;
    List<Map<String, Object>> log = appended(read(execution.getVariable(VARIABLE)), day, shipped,
        text(execution.getVariable("evidenceNote")), effort);

    execution.setVariable(VARIABLE, toValue(log));
    execution.setVariable("dayNumber", day);
    execution.setVariable("dayInWeek", intOf(execution.getVariable("dayInWeek"), 0) + 1);
    execution.setVariable("microLoopDaysShipped", daysShipped(log));
    execution.removeVariable("shippedToday");
    execution.removeVariable("evidenceNote");
    execution.removeVariable("effortRating");
  }

  /** Before the expand task: propose the grown size and prefill the growth fields with the current action. */
  public void proposeGrowth(DelegateExecution execution) {
    int proposed = proposedMinutes(intOf(execution.getVariable("actionMinutes"), 1));
    execution.setVariable("proposedMinutes", proposed);
    execution.setVariable("grownMinutes", proposed);
    execution.setVariable("grownAction", text(execution.getVariable("microAction")));
    execution.setVariable("keepOriginal", false);
  }

  /**
   * After the expand task: unless the week keeps the original, the grown action replaces the current
   * one. The 20–50 % rule is checked again here, so a submission that bypassed the form cannot grow
   * the action by the wrong amount. Then the week is counted and the day counter starts over.
   */
  public void applyGrowth(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable("keepOriginal"))) {
      int current = intOf(execution.getVariable("actionMinutes"), 1);
      Object grown = execution.getVariable("grownMinutes");
      String grownAction = text(execution.getVariable("grownAction"));
      if (!(grown instanceof Number g) || !growthWithinRange(current, g.doubleValue())) {
        throw new ProcessEngineException("grownMinutes: the grown action must take between 20% and 50% more time than "
            + current + " minutes (or tick keepOriginal)");
      }
      if (grownAction.isEmpty()) {
        throw new ProcessEngineException("grownAction: describe the grown action (or tick keepOriginal)");
      }
      execution.setVariable("microAction", grownAction);
      execution.setVariable("actionMinutes", g.intValue());
    }
    execution.setVariable("weeksCompleted", intOf(execution.getVariable("weeksCompleted"), 0) + 1);
    execution.setVariable("dayInWeek", 0);
  }

  /**
   * Create listener of the daily tasks: what the person needs to see where they are — the playbook (and the
   * case that called it), which day of the loop this is, and the days logged so far. Task-local copies shown
   * read-only: what comes back with the submission stays on the finished task, the log itself is untouched.
   */
  public void showProgress(DelegateTask task) {
    task.setVariableLocal("loopPlaybook", playbookName(task.getExecution()));
    task.setVariableLocal("loopDay", dayText(intOf(task.getVariable("dayNumber"), 0),
        loopWeeks(task.getVariable("loopWeeks")), "expand".equals(task.getVariableLocal("loopStep"))));
    task.setVariableLocal("evidenceSoFar", logText(read(task.getVariable(VARIABLE))));
  }

  /** The loop's name, after the name of the playbook that called it (the recovery arc's small win or practice). */
  static String playbookName(DelegateExecution execution) {
    String own = processName(execution);
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller == null) {
      return own;
    }
    String parent = processName(caller);
    if (parent.isEmpty()) {
      return own;
    }
    // the call activity's name; getCurrentActivityName() is not set on a calling execution
    String step = caller.getBpmnModelElementInstance() == null ? null : caller.getBpmnModelElementInstance().getName();
    return own + " · part of " + parent + (step == null ? "" : " (" + step + ")");
  }

  private static String processName(DelegateExecution execution) {
    ModelElementInstance element = execution.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    String name = element == null ? null : ((Process) element).getName();
    return name == null ? "" : name;
  }

  /** "Day 3 of 10 · week 1 of 2" for a ship task (days logged so far + 1); the expand task closes the week. */
  static String dayText(int daysLogged, int weeks, boolean expanding) {
    int total = weeks * DAYS_PER_WEEK;
    if (expanding) {
      int week = Math.max(1, (daysLogged + DAYS_PER_WEEK - 1) / DAYS_PER_WEEK);
      return "End of week " + week + " of " + weeks + " · " + daysLogged + " of " + total + " days logged";
    }
    int today = daysLogged + 1;
    int week = (today - 1) / DAYS_PER_WEEK + 1;
    return "Day " + today + " of " + total + " · week " + week + " of " + weeks;
  }

  /** Before the summary task: the log as readable lines for the summary form. */
  public void prepareSummary(DelegateExecution execution) {
    execution.setVariable("evidenceLogText", logText(read(execution.getVariable(VARIABLE))));
  }

  /** Start of the completed end event: results for the caller. */
  public void finish(DelegateExecution execution) {
    List<Map<String, Object>> log = read(execution.getVariable(VARIABLE));
    execution.setVariable("microLoopDaysShipped", daysShipped(log));
    execution.setVariable("microLoopCompleted", true);
    execution.setVariable("microLoopSummary", summary(log,
        intOf(execution.getVariable("weeksCompleted"), 0),
        intOf(execution.getVariable("firstActionMinutes"), 0),
        intOf(execution.getVariable("actionMinutes"), 0),
        text(execution.getVariable("microAction"))));
  }

  // -------------------------------------------------------------------------------------------
  // Pure helpers (unit-tested)

  static int loopWeeks(Object value) {
    int weeks = intOf(value, DEFAULT_LOOP_WEEKS);
    if (weeks < 1) {
      return DEFAULT_LOOP_WEEKS;
    }
    return Math.min(weeks, MAX_LOOP_WEEKS);
  }

  static int proposedMinutes(int actionMinutes) {
    return (int) Math.round(actionMinutes * GROWTH_PROPOSED);
  }

  static boolean growthWithinRange(int actionMinutes, double grownMinutes) {
    return grownMinutes >= actionMinutes * GROWTH_MIN && grownMinutes <= actionMinutes * GROWTH_MAX;
  }

  static List<Map<String, Object>> appended(List<Map<String, Object>> log, int day, boolean shipped, String note, Integer effort) {
    List<Map<String, Object>> copy = new ArrayList<>(log);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("day", day);
    entry.put("shipped", shipped);
    entry.put("note", note);
    if (effort != null) {
      entry.put("effort", effort);
    }
    copy.add(entry);
    return copy;
  }

  static int daysShipped(List<Map<String, Object>> log) {
    return (int) log.stream().filter(e -> Boolean.TRUE.equals(e.get("shipped"))).count();
  }

  static String logText(List<Map<String, Object>> log) {
    if (log.isEmpty()) {
      return "No days logged yet.";
    }
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> entry : log) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append("Day ").append(entry.get("day")).append(": ")
          .append(Boolean.TRUE.equals(entry.get("shipped")) ? "done" : "not done");
      if (entry.get("effort") != null) {
        text.append(" (effort ").append(entry.get("effort")).append("/5)");
      }
      String note = text(entry.get("note"));
      if (!note.isEmpty()) {
        text.append(" - ").append(note);
      }
    }
    return text.toString();
  }

  static String summary(List<Map<String, Object>> log, int weeks, int firstMinutes, int lastMinutes, String action) {
    String text = "Done on " + daysShipped(log) + " of " + log.size() + " days over " + weeks
        + (weeks == 1 ? " week" : " weeks") + ".";
    if (firstMinutes > 0 && lastMinutes > 0) {
      text += firstMinutes == lastMinutes
          ? " The action stayed at " + lastMinutes + " minutes."
          : " The action grew from " + firstMinutes + " to " + lastMinutes + " minutes.";
    }
    if (!action.isEmpty()) {
      text += " Current action: " + action;
    }
    return text;
  }

  static List<Map<String, Object>> read(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    try {
      // a deserialized object value (List of Maps), a Spin JSON node (toString is its JSON) or a JSON string
      String json = value instanceof List<?> ? JSON.writeValueAsString(value) : value.toString();
      return new ArrayList<>(JSON.readValue(json, LIST_OF_ENTRIES));
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException("evidenceLog is not a JSON list of entries", e);
    }
  }

  static ObjectValue toValue(List<Map<String, Object>> log) {
    return Variables.objectValue(new ArrayList<>(log))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  static boolean isYes(Object value) {
    return Boolean.TRUE.equals(value) || "yes".equals(value);
  }

  static int intOf(Object value, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d+")) {
      return Integer.parseInt(s.trim());
    }
    return fallback;
  }

  static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
