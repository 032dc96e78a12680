package io.foothold.audit;

import java.time.Instant;

/** One read of the audit (view, export) or an erasure; {@code caseId} is null for the list and its export. */
record ReadLogEntry(Instant at, String who, String action, String caseId, String reason) {
}
