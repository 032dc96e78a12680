package io.foothold.nudges;

/** What a person wants to receive. HR referrals are sent whatever they chose: someone may need help soon. */
public enum Preference {
  /** Every new step, invitations, an overdue nudge, and the weekly digest (the default). */
  EVERY_STEP,
  /** Only the weekly digest of overdue steps. */
  DIGEST_ONLY,
  /** Nothing (calendar cancellations of invitations already sent still go, so no stale meeting stays). */
  NONE;

  static Preference of(String stored) {
    if (stored == null) {
      return EVERY_STEP;
    }
    try {
      return valueOf(stored);
    } catch (IllegalArgumentException unknown) {
      return EVERY_STEP;
    }
  }
}
