package io.foothold.casefile;

/** How long a closed case spent in one of its steps (a user task of the case or of a playbook it called), visits added up. */
public record StepTime(String caseId, String activityId, String name, long millis) {
}
