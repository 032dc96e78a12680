package io.foothold.audit;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.playbook.spi.CaseVariables;

/** Turns engine variable values into plain JSON values, and knows which variables are audited. */
final class AuditValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Variable changes worth a timeline entry of their own: who the case is about and for, how it is going and
   * how it ended. Other form answers show up as the task that recorded them, or not at all.
   */
  static final Set<String> AUDITED = Set.of(CaseList.MANAGER, CaseList.EMPLOYEE, CaseList.OUTCOME, CaseList.ESCALATED,
      CaseVariables.SERIOUS_SIGNAL, "gateDecision", "checkInOutcome", "confidenceRating", "chosenSupports", "smallWinDelivered",
      "referralRoute");

  private AuditValues() {
  }

  /** Private notes are never among them: they live outside the engine's history (see io.foothold.privacy). */
  static boolean isAudited(String variableName) {
    return AUDITED.contains(variableName);
  }

  /** Strings, numbers and booleans as they are; dates as instants; Spin JSON as JSON; anything else as text. */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return value;
    }
    if (value.getClass().getName().startsWith("org.camunda.spin")) {
      try {
        return JSON.readTree(value.toString());
      } catch (JsonProcessingException e) {
        return value.toString();
      }
    }
    return value.toString();
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
