package io.foothold.audit;

/** A step an open case is waiting at (a task, or a timer when no one has anything to do yet), with the assignee's name. */
record CurrentStep(String activityId, String name, String assignee, String assigneeName) {

  CurrentStep(String activityId, String name, String assignee) {
    this(activityId, name, assignee, null);
  }

  CurrentStep named(String displayName) {
    return new CurrentStep(activityId, name, assignee, displayName);
  }
}
