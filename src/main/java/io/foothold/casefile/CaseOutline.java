package io.foothold.casefile;

import java.time.Instant;
import java.util.List;

/** What figures over many cases need of one: when it opened and closed, its {@link Outcomes outcome}, HR's flag, the supports chosen. */
public record CaseOutline(String caseId, Instant openedAt, Instant closedAt, String outcome, boolean escalated, List<String> supports) {
}
