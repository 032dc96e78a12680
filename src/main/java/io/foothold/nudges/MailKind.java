package io.foothold.nudges;

/** What a nudge is about; the case history says which one went out. */
enum MailKind {
  STEP_ASSIGNED("a new step"),
  HR_REFERRAL("an urgent HR referral"),
  INVITATION("a calendar invitation"),
  INVITATION_UPDATE("an updated calendar invitation"),
  INVITATION_CANCELLED("a calendar cancellation"),
  OVERDUE("an overdue-step nudge"),
  DIGEST("the weekly digest");

  private final String description;

  MailKind(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }
}
