package io.foothold.playbook;

import java.time.Instant;
import java.util.List;

/**
 * What became of a playbook at the last deployment: deployed, or failed with the reasons (file, element,
 * rule). A failed playbook's last good version, if any, keeps serving.
 */
public record PlaybookState(
    String id,
    String name,
    String version,
    String origin,
    Status status,
    List<String> problems,
    List<String> entryProcesses,
    String deploymentId,
    Instant checkedAt) {

  public enum Status { DEPLOYED, FAILED }

  public PlaybookState {
    problems = List.copyOf(problems);
    entryProcesses = List.copyOf(entryProcesses);
  }

  /** All problems in one line, for logs and for GET /api/playbooks. */
  public String reason() {
    return problems.isEmpty() ? null : String.join("; ", problems);
  }
}
