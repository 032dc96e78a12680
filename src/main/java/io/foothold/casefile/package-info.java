/**
 * The case file: one row per case in FH_CASE (playbook, process key, manager, employee, opened, closed, outcome,
 * escalated, current step), written from Camunda's history stream inside the command that changed the case, so it
 * commits or rolls back with the engine's own rows. A concern is not a case, and a called playbook belongs to its
 * root case. The row goes when HR erases the case and with the case's history; {@link
 * io.foothold.casefile.CaseFileRebuild} writes the table again from history. Read through {@link
 * io.foothold.casefile.CaseFiles} by modules that already hold the right to see the case (HR's audit); it has no
 * HTTP door of its own.
 */
package io.foothold.casefile;
