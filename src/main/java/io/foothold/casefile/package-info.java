/**
 * The case file: one row per case in FH_CASE (playbook, process key and name, manager, employee, opened, closed,
 * outcome, escalated, current step, next date, supports chosen) with what the case waits on and recorded beside it
 * (FH_CASE_STEP: open tasks, whose, when due, offered to HR; FH_CASE_TIMER: pending timers; FH_CASE_RATING: the
 * confidence ratings), written from Camunda's history stream inside the command that changed the case, so it
 * commits or rolls back with the engine's own rows. A concern is not a case, and a called playbook belongs to its
 * root case. The rows go when HR erases the case and with the case's history; {@link
 * io.foothold.casefile.CaseFileRebuild} writes the tables again from history. Read through {@link
 * io.foothold.casefile.CaseFiles} by modules that already hold the right to see the case (HR's audit, a manager's
 * overview of her own cases); it has no HTTP door of its own.
 */
package io.foothold.casefile;
