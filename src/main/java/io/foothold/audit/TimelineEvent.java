package io.foothold.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened in a case. {@code kind} is one of the contract's kinds (case-opened, task-completed,
 * decision, …); {@code who} is the person who did it, null for the engine itself.
 */
record TimelineEvent(Instant at, String kind, String who, String what, String activityId, String taskId, Map<String, Object> details) {

  TimelineEvent {
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }
}
