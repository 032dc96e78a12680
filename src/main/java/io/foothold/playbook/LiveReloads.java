package io.foothold.playbook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The last live reload of each playbook and its result, for the designers' console: when, which files changed, and
 * whether it went live (with the version Tasklist now starts) or was refused (file, element, reason). Kept in memory
 * only and bounded: it answers "what did my last save do?", not an audit trail.
 */
@Component
class LiveReloads {

  /** More playbooks than any installation has; beyond it the oldest reload is forgotten. */
  static final int PLAYBOOKS_KEPT = 64;
  /** A save touches a few files; a checkout of a branch may touch many, and the console needs only the first few. */
  static final int FILES_KEPT = 20;

  /** One reload of one playbook. {@code versions}: process key to the version Tasklist starts after it. */
  record Reload(Instant at, String playbookId, List<String> files, int moreFiles, String result, Map<String, Integer> versions,
      List<String> problems) {
  }

  private final Map<String, Reload> byPlaybook = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Reload> eldest) {
      return size() > PLAYBOOKS_KEPT;
    }
  };
  private Reload last;

  synchronized void record(String playbookId, List<String> changedFiles, PlaybookState state, Map<String, Integer> versions) {
    List<String> files = changedFiles.stream().limit(FILES_KEPT).toList();
    boolean live = state != null && state.status() == PlaybookState.Status.DEPLOYED;
    Reload reload = new Reload(Instant.now(), playbookId, files, changedFiles.size() - files.size(),
        state == null ? "NO_SUCH_PLAYBOOK" : live ? "DEPLOYED" : "REFUSED", Collections.unmodifiableMap(new TreeMap<>(versions)),
        state == null ? List.of() : state.problems());
    byPlaybook.remove(playbookId);
    byPlaybook.put(playbookId, reload);
    last = reload;
  }

  synchronized Optional<Reload> lastOf(String playbookId) {
    return Optional.ofNullable(byPlaybook.get(playbookId));
  }

  synchronized Optional<Reload> last() {
    return Optional.ofNullable(last);
  }
}
