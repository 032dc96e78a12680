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
  // kept apart from the current state, so the console can say both "live since …" and "last refused because …"
  private final Map<String, PlaybookState> lastDeployed = new ConcurrentHashMap<>();
  private final Map<String, PlaybookState> lastRefused = new ConcurrentHashMap<>();
  private final Map<String, PlaybookCatalog> catalogs = new ConcurrentHashMap<>();

  public List<PlaybookState> all() {
    return states.values().stream().sorted(Comparator.comparing(PlaybookState::id)).toList();
  }

  public Optional<PlaybookState> find(String id) {
    return Optional.ofNullable(states.get(id));
  }

  /** The last check that deployed the playbook (or found it unchanged), if any since start-up. */
  public Optional<PlaybookState> lastDeployed(String id) {
    return Optional.ofNullable(lastDeployed.get(id));
  }

  /** The last check that refused the playbook, with its reasons, if any since start-up. */
  public Optional<PlaybookState> lastRefused(String id) {
    return Optional.ofNullable(lastRefused.get(id));
  }

  /** The catalog of the playbook's live version (labels for the ids its forms and decisions store), if deployed. */
  public Optional<PlaybookCatalog> catalog(String id) {
    return Optional.ofNullable(catalogs.get(id));
  }

  void recordCatalog(String id, PlaybookCatalog catalog) {
    catalogs.put(id, catalog);
  }

  void record(PlaybookState state) {
    states.put(state.id(), state);
    (state.status() == PlaybookState.Status.DEPLOYED ? lastDeployed : lastRefused).put(state.id(), state);
  }
}
