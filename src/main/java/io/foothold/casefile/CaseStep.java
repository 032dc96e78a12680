package io.foothold.casefile;

import java.time.Instant;

/**
 * An open task of a case (or of a playbook it called): whose it is ({@code assignee}, null while unclaimed), when it
 * is due, and whether it is offered to HR (candidate group {@code hr}, claimed or not).
 */
public record CaseStep(String caseId, String taskId, String name, String assignee, Instant createdAt, Instant dueAt,
    boolean hrTask) {
}
