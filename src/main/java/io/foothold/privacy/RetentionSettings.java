package io.foothold.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long the history of a finished case is kept: {@code foothold.retention.history-time-to-live} for every
 * playbook, {@code foothold.retention.playbooks.<id>} for one playbook. This, not the {@code historyTimeToLive}
 * a designer wrote into a model, is what the engine ends up using: retention is the operator's decision.
 */
@Component
@ConfigurationProperties(prefix = "foothold.retention")
class RetentionSettings {

  private Duration historyTimeToLive = Duration.ofDays(180);
  private Map<String, Duration> playbooks = new LinkedHashMap<>();

  /** Whole days, as Camunda counts a time-to-live. */
  int daysFor(String playbookId) {
    Duration ttl = playbooks.getOrDefault(playbookId, historyTimeToLive);
    if (ttl.isNegative() || !ttl.equals(Duration.ofDays(ttl.toDays()))) {
      throw new IllegalStateException("history time-to-live of playbook '" + playbookId + "' must be whole days, e.g. P180D; got " + ttl);
    }
    return Math.toIntExact(ttl.toDays());
  }

  public Duration getHistoryTimeToLive() {
    return historyTimeToLive;
  }

  public void setHistoryTimeToLive(Duration historyTimeToLive) {
    this.historyTimeToLive = historyTimeToLive;
  }

  public Map<String, Duration> getPlaybooks() {
    return playbooks;
  }

  public void setPlaybooks(Map<String, Duration> playbooks) {
    this.playbooks = playbooks;
  }
}
