package io.foothold.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in a case. {@code kind} is one of the contract's kinds (case-opened, task-completed,
 * decision, …); {@code who} is the person who did it (user id), null for the engine itself; {@code whoName} is how people know them.
 */
record TimelineEvent(Instant at, String kind, String who, String what, String activityId, String taskId, Map<String, Object> details,
    String whoName) {

  TimelineEvent {
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }

  TimelineEvent(Instant at, String kind, String who, String what, String activityId, String taskId, Map<String, Object> details) {
    this(at, kind, who, what, activityId, taskId, details, null);
  }

  /** The same event with the display name of the person who did it (people's words for HR). */
  TimelineEvent named(String name) {
    return new TimelineEvent(at, kind, who, what, activityId, taskId, details, name);
  }
}
