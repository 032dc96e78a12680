package io.foothold.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing that happened in a case. {@code kind} is one of the contract's kinds (case-opened, task-completed,
 * decision, …); {@code who} is the person who did it (user id), null for the engine itself; {@code whoName} is how
 * people know them. {@code what} and {@code facts} are in people's words (step names, form and catalog labels,
 * display names); {@code who}, {@code activityId}, {@code taskId} and {@code details} are the raw view (variable names,
 * ids and values as the engine holds them).
 */
record TimelineEvent(Instant at, String kind, String who, String what, String activityId, String taskId, Map<String, Object> details,
    String whoName, List<Fact> facts) {

  /** One labelled fact of an event, in people's words ("Supports for this case" = "Short private talk, …"). */
  record Fact(String label, String value) {
  }

  TimelineEvent {
    details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    facts = facts == null ? List.of() : List.copyOf(facts);
  }

  TimelineEvent(Instant at, String kind, String who, String what, String activityId, String taskId, Map<String, Object> details) {
    this(at, kind, who, what, activityId, taskId, details, null, List.of());
  }

  /** The same event with the display name of the person who did it (people's words for HR). */
  TimelineEvent named(String name) {
    return new TimelineEvent(at, kind, who, what, activityId, taskId, details, name, facts);
  }

  TimelineEvent withFacts(List<Fact> more) {
    return new TimelineEvent(at, kind, who, what, activityId, taskId, details, whoName, more);
  }

  TimelineEvent at(Instant moved) {
    return new TimelineEvent(moved, kind, who, what, activityId, taskId, details, whoName, facts);
  }

  TimelineEvent withDetails(Map<String, Object> changed) {
    return new TimelineEvent(at, kind, who, what, activityId, taskId, changed, whoName, facts);
  }

  /** The facts as one line, for the CSV: "Label: value; Label: value". */
  String factsLine() {
    return String.join("; ", facts.stream().map(fact -> fact.label() + ": " + fact.value()).toList());
  }
}
