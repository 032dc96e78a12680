/**
 * A case belongs to the manager who opened it: when a case opens, she (or, for a called playbook, the manager of
 * the parent case) gets Camunda grants on that case and its history alone, so every engine query shows a manager
 * only her own cases. Also the manager's open cases and, for playbooks through the SPI, how many cases a team has
 * had.
 */
package io.foothold.cases;
