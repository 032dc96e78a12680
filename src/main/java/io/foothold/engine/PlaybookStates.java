package io.foothold.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** What happened to each playbook at the last deployment attempt, so a failure is visible, not just logged. */
@Component
public class PlaybookStates {

  public enum State { DEPLOYED, FAILED }

  public record PlaybookState(String playbookId, State state, String reason) {
  }

  private final Map<String, PlaybookState> states = new ConcurrentHashMap<>();

  void deployed(String playbookId, int newProcessVersions) {
    states.put(playbookId, new PlaybookState(playbookId, State.DEPLOYED, null));
  }

  void failed(String playbookId, String reason) {
    states.put(playbookId, new PlaybookState(playbookId, State.FAILED, reason));
  }

  public Map<String, PlaybookState> all() {
    return Map.copyOf(states);
  }
}
