package io.foothold.casefile;

import java.time.Instant;

/**
 * Which cases to read, every part optional (null: any): the playbook, open or closed, the manager's user id, when
 * opened and closed (bounds included) and the {@link Outcomes outcome}.
 */
public record CaseFileFilter(String playbook, Boolean open, String managerId, Instant openedFrom, Instant openedTo,
    Instant closedFrom, Instant closedTo, String outcome) {
}
