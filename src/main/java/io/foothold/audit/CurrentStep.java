package io.foothold.audit;

/** A step an open case is waiting at (a task, or a timer when no one has anything to do yet). */
record CurrentStep(String activityId, String name, String assignee) {
}
