package io.foothold.audit;

import static io.foothold.audit.CaseList.instant;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

import io.foothold.audit.CaseVocabulary.AnswerWords;
import io.foothold.audit.TimelineEvent.Fact;
import io.foothold.engine.SystemAccess;
import io.foothold.escalation.ConcernProcesses;
import io.foothold.people.Teams;
import io.foothold.privacy.PrivateNoteRecords;
import io.foothold.privacy.PrivateNoteWritten;

/**
 * One case's audit trail, built from Camunda history: the case and every playbook it called (at any depth, found
 * through the root instance id), their steps, assignments, decisions with inputs and outputs, timers, escalations,
 * audited variable changes and comments. Private notes appear as "recorded", never with their value.
 * Each event reads in people's words (step names, the forms' and catalog's labels, display names, see
 * {@link CaseVocabulary}); the engine's names and ids stay in the event's raw fields.
 */
@Component
class CaseTimelines {

  private static final Pattern ESCALATION_ELEMENT = Pattern.compile("(?i).*(escalat|seriousSignal|referr).*");
  private static final List<String> TIMER_TYPES = List.of("intermediateTimer", "boundaryTimer", "startTimerEvent");

  private final SystemAccess system;
  private final CaseList cases;
  private final Playbooks playbooks;
  private final CaseHistoryRows rows;
  private final PrivateNoteRecords notes;
  private final ConcernCases concerns;
  private final CaseVocabulary vocabulary;
  private final Teams teams;

  CaseTimelines(SystemAccess system, CaseList cases, Playbooks playbooks, CaseHistoryRows rows, PrivateNoteRecords notes,
      ConcernCases concerns, CaseVocabulary vocabulary, Teams teams) {
    this.concerns = concerns;
    this.vocabulary = vocabulary;
    this.teams = teams;
    this.system = system;
    this.cases = cases;
    this.playbooks = playbooks;
    this.rows = rows;
    this.notes = notes;
  }

  /** The case's timeline, oldest first; null for an unknown case. */
  CaseTimeline of(String caseId) {
    CaseSummary summary = cases.one(caseId);
    if (summary == null) {
      return null;
    }
    return system.call(() -> {
      List<HistoricProcessInstance> instances = history().createHistoricProcessInstanceQuery().rootProcessInstanceId(caseId).list();
      // Each kind of history is read once for the whole case and then split by instance, in the order the
      // per-instance queries would give (Camunda's default: by id; variable changes by time).
      Map<String, List<HistoricActivityInstance>> activities = byInstance(activitiesOf(caseId), HistoricActivityInstance::getProcessInstanceId);
      Map<String, List<HistoricTaskInstance>> tasks = byInstance(history().createHistoricTaskInstanceQuery().rootProcessInstanceId(caseId)
          .list(), HistoricTaskInstance::getProcessInstanceId);
      Map<String, List<HistoricDetail>> details = byInstance(history().createHistoricDetailQuery()
          .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new)).variableUpdates()
          .disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list(), HistoricDetail::getProcessInstanceId);
      Map<String, List<CaseHistoryRows.Assignment>> assignments = rows.assignmentsByTask(caseId);
      Map<String, String> completedBy = rows.completedBy(caseId);
      List<Ranked> events = new ArrayList<>();
      List<CurrentStep> current = new ArrayList<>();
      Map<String, HistoricActivityInstance> callers = new HashMap<>();
      Names names = new Names(teams);
      Map<String, AnswerWords> wordsByPlaybook = new HashMap<>();
      AnswerWords caseWords = wordsOf(wordsByPlaybook, summary.playbook(), null);
      activities.values().forEach(found -> found.stream().filter(a -> a.getCalledProcessInstanceId() != null)
          .forEach(a -> callers.put(a.getCalledProcessInstanceId(), a)));
      for (HistoricProcessInstance instance : instances) {
        String called = caseId.equals(instance.getId()) ? null : instance.getId();
        Timeline timeline = new Timeline(events, called);
        AnswerWords words = wordsOf(wordsByPlaybook, playbooks.of(instance.getProcessDefinitionId()), instance.getProcessDefinitionId());
        lifecycle(timeline, instance, callers.get(instance.getId()), summary);
        activities(timeline, activities.getOrDefault(instance.getId(), List.of()), current);
        tasks(timeline, tasks.getOrDefault(instance.getId(), List.of()), assignments, completedBy, current, names);
        decisions(timeline, instance.getId(), words);
        variables(timeline, details.getOrDefault(instance.getId(), List.of()), words, names);
        comments(timeline, instance.getId());
      }
      privateNotes(new Timeline(events, null), caseId);
      concernsAbout(new Timeline(events, null), caseId, caseWords);
      // The start form's variables are written a moment before the instance's start time, in the same
      // transaction: they are part of opening the case, so they are shown at the moment it opened.
      Instant opened = events.stream().map(Ranked::event).filter(e -> "case-opened".equals(e.kind())).map(TimelineEvent::at)
          .filter(Objects::nonNull).findFirst().orElse(null);
      if (opened != null) {
        events.replaceAll(r -> r.event().at() != null && r.event().at().isBefore(opened)
            ? new Ranked(r.event().at(opened), r.rank(), r.sequence())
            : r);
      }
      events.sort(Comparator.comparing((Ranked r) -> r.event().at(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(Ranked::rank).thenComparingInt(Ranked::sequence));
      List<CurrentStep> waitingAt = summary.closedAt() == null
          ? current.stream().map(step -> step.assignee() == null ? step : step.named(names.of(step.assignee()))).toList() : List.of();
      return new CaseTimeline(new CaseDetail(summary, waitingAt),
          events.stream().map(Ranked::event).map(e -> e.who() == null ? e : e.named(names.of(e.who()))).toList());
    });
  }

  private void lifecycle(Timeline timeline, HistoricProcessInstance instance, HistoricActivityInstance caller, CaseSummary summary) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processKey", instance.getProcessDefinitionKey());
    String playbook = playbooks.of(instance.getProcessDefinitionId());
    details.put("playbook", playbook.isEmpty() ? null : playbook);
    String name = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : AnswerWords.plainWords(instance.getProcessDefinitionKey());
    if (timeline.called() == null) {
      timeline.add(0, new TimelineEvent(instant(instance.getStartTime()), "case-opened", instance.getStartUserId(), "case opened: " + name,
          instance.getStartActivityId(), null, details));
      if (instance.getEndTime() != null) {
        Map<String, Object> end = new LinkedHashMap<>(details);
        end.put("outcome", summary.outcome());
        end.put("endActivityId", instance.getEndActivityId());
        end.put("reason", instance.getDeleteReason());
        timeline.add(9, new TimelineEvent(instant(instance.getEndTime()), "case-closed", null, "case closed: " + CaseOutcome.words(summary.outcome()),
            instance.getEndActivityId(), null, end));
      }
      return;
    }
    String callActivity = caller == null ? null : caller.getActivityId();
    timeline.add(1, new TimelineEvent(instant(instance.getStartTime()), "called-playbook-started", null, "started " + name,
        callActivity, null, details));
    if (instance.getEndTime() != null) {
      timeline.add(8, new TimelineEvent(instant(instance.getEndTime()), "called-playbook-ended", null, "ended " + name,
          callActivity, null, details));
    }
  }

  private void activities(Timeline timeline, List<HistoricActivityInstance> activities, List<CurrentStep> current) {
    for (HistoricActivityInstance activity : activities) {
      String type = activity.getActivityType();
      String named = activity.getActivityName();
      if (TIMER_TYPES.contains(type)) {
        String name = named != null ? named : "a timer";
        if (activity.getEndTime() != null && !activity.isCanceled()) {
          timeline.add(2, new TimelineEvent(instant(activity.getEndTime()), "timer-fired", null, name, activity.getActivityId(), null,
              Map.of("activityType", type)));
        } else if (activity.getEndTime() == null) {
          current.add(new CurrentStep(activity.getActivityId(), name, null));
        }
      } else if (isEscalation(activity)) {
        String name = named != null ? named : "HR brought in";
        timeline.add(2, new TimelineEvent(instant(activity.getStartTime()), "escalation", null, name, activity.getActivityId(), null,
            Map.of("activityType", type)));
      }
    }
  }

  private static boolean isEscalation(HistoricActivityInstance activity) {
    String type = activity.getActivityType();
    if (type == null || type.toLowerCase().contains("task") || "callActivity".equals(type) || "subProcess".equals(type)
        || type.contains("Gateway")) {
      return false;
    }
    return type.toLowerCase().contains("escalation") || "conditionalStartEvent".equals(type)
        || ESCALATION_ELEMENT.matcher(activity.getActivityId()).matches();
  }

  private void tasks(Timeline timeline, List<HistoricTaskInstance> tasks, Map<String, List<CaseHistoryRows.Assignment>> assignments,
      Map<String, String> completedBy, List<CurrentStep> current, Names names) {
    for (HistoricTaskInstance task : tasks) {
      Map<String, Object> details = Map.of("taskDefinitionKey", task.getTaskDefinitionKey());
      timeline.add(2, new TimelineEvent(instant(task.getStartTime()), "task-created", null, task.getName(), task.getTaskDefinitionKey(),
          task.getId(), details));
      for (CaseHistoryRows.Assignment link : assignments.getOrDefault(task.getId(), List.of())) {
        boolean claimed = link.assignee() != null && link.assignee().equals(link.assigner());
        timeline.add(3, new TimelineEvent(link.at(), "task-assigned", link.assigner(),
            link.assignee() == null ? "no longer assigned to anyone" : (claimed ? "claimed by " : "assigned to ") + names.of(link.assignee()),
            task.getTaskDefinitionKey(), task.getId(),
            assigneeDetails(task.getTaskDefinitionKey(), link.assignee())));
      }
      if (task.getEndTime() == null) {
        current.add(new CurrentStep(task.getTaskDefinitionKey(), task.getName(), task.getAssignee()));
      } else if ("completed".equals(task.getDeleteReason())) {
        String who = completedBy.getOrDefault(task.getId(), task.getAssignee());
        timeline.add(4, new TimelineEvent(instant(task.getEndTime()), "task-completed", who, task.getName(), task.getTaskDefinitionKey(),
            task.getId(), details));
      }
    }
  }

  private void decisions(Timeline timeline, String instanceId, AnswerWords words) {
    for (HistoricDecisionInstance decision : history().createHistoricDecisionInstanceQuery().processInstanceId(instanceId)
        .includeInputs().includeOutputs().disableCustomObjectDeserialization().list()) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      Map<String, Object> inputWords = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : decision.getInputs()) {
        String name = input.getClauseName() != null ? input.getClauseName() : input.getClauseId();
        inputs.put(name, AuditValues.plain(input.getValue()));
        inputWords.put(input.getClauseName() != null ? input.getClauseName() : "an input", words.text(AuditValues.plain(input.getValue())));
      }
      Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
      Map<String, List<Object>> outputValues = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
        String name = output.getVariableName() != null ? output.getVariableName()
            : output.getClauseName() != null ? output.getClauseName() : output.getClauseId();
        byRule.computeIfAbsent(output.getRuleId() + "#" + output.getRuleOrder(), rule -> new LinkedHashMap<>())
            .put(name, AuditValues.plain(output.getValue()));
        words.learnDecisionLabel(output.getVariableName(), output.getClauseName());
        String label = output.getClauseName() != null ? output.getClauseName() : words.label(output.getVariableName());
        outputValues.computeIfAbsent(label, l -> new ArrayList<>()).add(AuditValues.plain(output.getValue()));
      }
      // the inputs are in the sentence; the facts say what came out
      List<Fact> facts = new ArrayList<>();
      outputValues.forEach((label, values) -> facts.add(new Fact(label, words.text(values.size() == 1 ? values.get(0) : values))));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("decisionKey", decision.getDecisionDefinitionKey());
      details.put("decisionName", decision.getDecisionDefinitionName());
      details.put("inputs", inputs);
      details.put("outputs", new ArrayList<>(byRule.values()));
      String what = decisionSentence(decision.getDecisionDefinitionName() != null ? decision.getDecisionDefinitionName()
          : AnswerWords.plainWords(decision.getDecisionDefinitionKey()), inputWords);
      timeline.add(5, new TimelineEvent(instant(decision.getEvaluationTime()), "decision", decision.getUserId(), what,
          decision.getActivityId(), null, details).withFacts(facts));
    }
  }

  /** "Chosen by the decision table Recovery supports from: main driver = cognitive; visibility = high". */
  static String decisionSentence(String decisionName, Map<String, Object> inputs) {
    StringBuilder sentence = new StringBuilder("Chosen by the decision table ").append(decisionName);
    if (!inputs.isEmpty()) {
      sentence.append(" from: ");
      StringJoiner each = new StringJoiner("; ");
      inputs.forEach((label, value) -> each.add(label + " = " + (value instanceof String text ? text : AuditValues.json(value))));
      sentence.append(each);
    }
    return sentence.toString();
  }

  private void variables(Timeline timeline, List<HistoricDetail> details, AnswerWords words, Names names) {
    Map<String, Object> lastValue = new HashMap<>();
    for (HistoricDetail detail : details) {
      if (!(detail instanceof HistoricVariableUpdate update) || !AuditValues.isAudited(update.getVariableName())) {
        continue;
      }
      Object value = AuditValues.plain(update.getValue());
      boolean seenBefore = lastValue.containsKey(update.getVariableName());
      Object before = lastValue.put(update.getVariableName(), value);
      if (isNoOp(seenBefore, before, value)) {
        continue;
      }
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("name", update.getVariableName());
      shown.put("value", value);
      String label = words.label(update.getVariableName());
      String text = words.text(update.getVariableName(), value, names::of);
      timeline.add(6, new TimelineEvent(instant(detail.getTime()), "variable-changed", null, label + ": " + text, null,
          detail.getTaskId(), shown).withFacts(List.of(new Fact(label, text))));
    }
  }

  /**
   * A change that changes nothing is folded away: the value it already had, or {@code false} as the first value (a
   * checkbox nobody ticked, or a flag set to its default), so every form does not repeat "serious signal: no".
   */
  static boolean isNoOp(boolean seenBefore, Object before, Object value) {
    if (seenBefore) {
      return Objects.equals(before, value);
    }
    return Boolean.FALSE.equals(value) || value == null;
  }

  /** Private notes are kept by Foothold, outside the engine's history: the timeline says only that one was written. */
  private void privateNotes(Timeline timeline, String caseId) {
    for (PrivateNoteWritten note : notes.writtenIn(caseId)) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("name", note.fieldKey());
      shown.put("private", true);
      timeline.add(6, new TimelineEvent(note.at(), "variable-changed", note.author(), "private note recorded", null, null, shown));
    }
  }

  /** Concerns raised about this case (each a small process of its own): who raised it, when, which kinds of signal. */
  private void concernsAbout(Timeline timeline, String caseId, AnswerWords words) {
    List<String> keys = concerns.processKeys();
    if (keys.isEmpty()) {
      return;
    }
    List<String> concernIds = history().createHistoricVariableInstanceQuery()
        .variableValueEquals(ConcernProcesses.CASE_VARIABLE, caseId).list().stream()
        .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList();
    if (concernIds.isEmpty()) {
      return;
    }
    for (HistoricProcessInstance concern : history().createHistoricProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(concernIds)).processDefinitionKeyIn(keys.toArray(String[]::new)).list()) {
      Object kinds = history().createHistoricVariableInstanceQuery().processInstanceId(concern.getId())
          .variableName(ConcernProcesses.KINDS_VARIABLE).disableCustomObjectDeserialization().list().stream()
          .findFirst().map(v -> AuditValues.plain(v.getValue())).orElse(null);
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("concernId", concern.getId());
      shown.put("signalKinds", kinds);
      List<Fact> facts = kinds == null ? List.of()
          : List.of(new Fact("Kinds of signal", words.text(ConcernProcesses.KINDS_VARIABLE, kinds, id -> id)));
      timeline.add(2, new TimelineEvent(instant(concern.getStartTime()), "concern-raised", concern.getStartUserId(),
          "concern raised", concern.getStartActivityId(), null, shown).withFacts(facts));
    }
  }

  private void comments(Timeline timeline, String instanceId) {
    for (Comment comment : system.engine().getTaskService().getProcessInstanceComments(instanceId)) {
      timeline.add(7, new TimelineEvent(instant(comment.getTime()), "comment", comment.getUserId(), comment.getFullMessage(), null,
          comment.getTaskId(), Map.of()));
    }
  }

  private AnswerWords wordsOf(Map<String, AnswerWords> cache, String playbook, String processDefinitionId) {
    return cache.computeIfAbsent(playbook == null || playbook.isEmpty() ? "definition:" + processDefinitionId : playbook,
        key -> vocabulary.of(playbook, processDefinitionId));
  }

  private static Map<String, Object> assigneeDetails(String taskDefinitionKey, String assignee) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskDefinitionKey", taskDefinitionKey);
    details.put("assignee", assignee);
    return details;
  }

  /** "First Last" of the people in one case, each looked up once; someone no longer in the directory keeps their id. */
  private static final class Names {

    private final Teams teams;
    private final Map<String, String> known = new HashMap<>();

    Names(Teams teams) {
      this.teams = teams;
    }

    String of(String userId) {
      return known.computeIfAbsent(userId, id -> teams.displayName(id).filter(name -> !name.isBlank()).orElse(id));
    }
  }

  /** The case's activity instances in every instance, by id like the per-instance query (no root filter in Camunda's API). */
  private List<HistoricActivityInstance> activitiesOf(String caseId) {
    String table = system.engine().getManagementService().getTableName(HistoricActivityInstanceEntity.class);
    return history().createNativeHistoricActivityInstanceQuery()
        .sql("SELECT * FROM " + table + " WHERE ROOT_PROC_INST_ID_ = #{caseId} ORDER BY ID_").parameter("caseId", caseId).list();
  }

  private static <T> Map<String, List<T>> byInstance(List<T> found, Function<T, String> instanceId) {
    Map<String, List<T>> byInstance = new HashMap<>();
    found.forEach(item -> byInstance.computeIfAbsent(instanceId.apply(item), id -> new ArrayList<>()).add(item));
    return byInstance;
  }

  private HistoryService history() {
    return system.engine().getHistoryService();
  }

  /** Events of one instance; a called playbook's events carry its instance id. */
  private record Timeline(List<Ranked> events, String called) {

    void add(int rank, TimelineEvent event) {
      TimelineEvent placed = event;
      if (called != null) {
        Map<String, Object> details = new LinkedHashMap<>(event.details());
        details.put("calledInstanceId", called);
        placed = event.withDetails(details);
      }
      events.add(new Ranked(placed, rank, events.size()));
    }
  }

  /** Events at the same instant keep a sensible order: opening first, closing last, otherwise as found. */
  private record Ranked(TimelineEvent event, int rank, int sequence) {
  }
}
