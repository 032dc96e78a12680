package io.foothold.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * HR's list filters, checked once at the edge: a wrong value is a 400 naming the parameter. Dates are
 * ISO-8601 instants or plain dates; a plain "to" date includes that whole day (UTC).
 */
record CaseFilter(String playbook, String state, String manager, Instant openedFrom, Instant openedTo,
    Instant closedFrom, Instant closedTo, String outcome) {

  static final Set<String> STATES = Set.of("open", "closed");
  static final List<String> OUTCOMES = CaseOutcome.VALUES;

  static CaseFilter of(String playbook, String state, String manager, String openedFrom, String openedTo,
      String closedFrom, String closedTo, String outcome) {
    if (blank(state) == null ? false : !STATES.contains(state)) {
      throw AuditProblem.badField("state", "state must be one of " + STATES);
    }
    if (blank(outcome) == null ? false : !OUTCOMES.contains(outcome)) {
      throw AuditProblem.badField("outcome", "outcome must be one of " + OUTCOMES);
    }
    return new CaseFilter(blank(playbook), blank(state), blank(manager),
        instant("openedFrom", openedFrom, false), instant("openedTo", openedTo, true),
        instant("closedFrom", closedFrom, false), instant("closedTo", closedTo, true), blank(outcome));
  }

  static void checkPage(int page, int size, int maxSize) {
    if (page < 0) {
      throw AuditProblem.badField("page", "page must be 0 or more");
    }
    if (size < 1 || size > maxSize) {
      throw AuditProblem.badField("size", "size must be between 1 and " + maxSize);
    }
    // The engine pages by the index of the first row, an int: a page past it would overflow into a negative index.
    if ((long) page * size > Integer.MAX_VALUE - size) {
      throw AuditProblem.badField("page", "page " + page + " of " + size + " starts beyond the last row a list can have ("
          + Integer.MAX_VALUE + "); ask for a page of at most " + (Integer.MAX_VALUE / size - 1));
    }
  }

  private static Instant instant(String field, String value, boolean endOfDay) {
    String text = blank(value);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1) : day.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw AuditProblem.badField(field, field + " must be an ISO-8601 date (2026-11-20) or instant (2026-11-20T09:00:00Z)");
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
