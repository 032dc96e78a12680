package io.foothold.engine.events;

import java.time.Instant;

/**
 * Camunda's history cleanup ran: the history of every case whose removal time is at or before {@code at} is gone or
 * going in this run. Heard inside the cleanup job's command, so whatever a module keeps about such cases goes in
 * the same transaction as their history.
 *
 * @param at the engine's time of the run (cases whose history has no removal time after it are due)
 */
public record HistoryCleanedUp(Instant at) {
}
