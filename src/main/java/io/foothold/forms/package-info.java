/**
 * Camunda Form rules enforced on the server for every start and task submission, people writing only what their
 * step's form declares, and per-user options in form downloads; a refusal is a {@link
 * io.foothold.forms.FormRulesViolatedException} that io.foothold.api turns into HTTP 400.
 */
package io.foothold.forms;
