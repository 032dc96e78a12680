/**
 * A way out to help whenever a serious signal is recorded: raising a concern about an open case (forwarded into
 * that case, which then opens its HR review), which cases can be sent one, and the columns HR's Escalations list
 * shows (employee, manager, kind of signal), written by Foothold so no one can set them by hand.
 */
package io.foothold.escalation;
