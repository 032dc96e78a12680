package io.foothold.nudges;

import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/** Each person's choice, in FH_NUDGE_PREFERENCE; no row means {@link Preference#EVERY_STEP}. */
final class Preferences {

  private Preferences() {
  }

  static Preference of(JdbcOperations jdbc, String userId) {
    List<String> found = jdbc.queryForList("SELECT CHOICE_ FROM " + NudgeTables.PREFERENCE + " WHERE USER_ID_ = ?", String.class, userId);
    return Preference.of(found.isEmpty() ? null : found.get(0));
  }

  static void set(JdbcOperations jdbc, String userId, Preference choice) {
    if (jdbc.update("UPDATE " + NudgeTables.PREFERENCE + " SET CHOICE_ = ? WHERE USER_ID_ = ?", choice.name(), userId) == 0) {
      jdbc.update("INSERT INTO " + NudgeTables.PREFERENCE + " (USER_ID_, CHOICE_) VALUES (?, ?)", userId, choice.name());
    }
  }
}
