/**
 * What Camunda Tasklist shows each role: the saved filters (My steps, my reports' steps, HR's Escalations)
 * created once for every group, never a filter that shows everyone's tasks.
 */
package io.foothold.tasklist;
