package io.foothold.analytics;

import java.time.Instant;
import java.util.List;

/**
 * What analytics needs to know of one case, read from the case file: when it opened and closed, how it ended,
 * which supports were chosen and the confidence ratings in the order they were given.
 */
record CaseFacts(
    String caseId,
    Instant openedAt,
    Instant closedAt,
    String outcome,
    boolean escalated,
    List<String> chosenSupports,
    List<Double> confidenceRatings) {

  boolean closed() {
    return closedAt != null;
  }

  boolean recovered() {
    return "recovered".equals(outcome);
  }

  boolean wasEscalated() {
    return escalated || "escalated".equals(outcome);
  }
}
