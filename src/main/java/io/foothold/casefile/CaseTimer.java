package io.foothold.casefile;

import java.time.Instant;

/** A timer a case (or a playbook it called) waits on: its job, the name the designer gave it (or null) and when it fires. */
public record CaseTimer(String caseId, String jobId, String name, Instant dueAt) {
}
