package io.foothold.playbook;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** The known playbooks and their states: the extension point's public face. */
@Component
public class PlaybookRegistry {

  private final Map<String, PlaybookState> states = new ConcurrentHashMap<>();

  public List<PlaybookState> all() {
    return states.values().stream().sorted(Comparator.comparing(PlaybookState::id)).toList();
  }

  public Optional<PlaybookState> find(String id) {
    return Optional.ofNullable(states.get(id));
  }

  void record(PlaybookState state) {
    states.put(state.id(), state);
  }
}
