package io.foothold.playbooks.microfailure;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for the core {@code caseCluster} bean: answers a fixed count and remembers how it was asked. */
public class CaseClusterStandIn {

  private final long count;
  private final List<String> calls = new ArrayList<>();

  public CaseClusterStandIn(long count) {
    this.count = count;
  }

  public long countInTeam(String managerId, String processKey, long days) {
    calls.add(managerId + "|" + processKey + "|" + days);
    return count;
  }

  public List<String> calls() {
    return calls;
  }
}
