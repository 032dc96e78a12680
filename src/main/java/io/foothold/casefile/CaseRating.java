package io.foothold.casefile;

import java.time.Instant;

/** One confidence rating as a check-in of the case (or of a playbook it called) recorded it. */
public record CaseRating(String caseId, Instant at, double value) {

  /** The variable the check-in forms write a rating to. */
  public static final String VARIABLE = "confidenceRating";
}
