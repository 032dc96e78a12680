package io.foothold.nudges;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Foothold's own nudge tables, beside the engine's, in plain SQL for H2 and PostgreSQL:
 * FH_NUDGE_MAIL (the outbox: one row per mail, written in the transaction that decided to send it),
 * FH_NUDGE_SENT (one-off nudges already decided, by key: an overdue step, a manager's last digest),
 * FH_NUDGE_INVITATION (each calendar invitation's UID, date and SEQUENCE) and FH_NUDGE_PREFERENCE (per person).
 */
final class NudgeTables {

  static final String MAIL = "FH_NUDGE_MAIL";
  static final String SENT = "FH_NUDGE_SENT";
  static final String INVITATION = "FH_NUDGE_INVITATION";
  static final String PREFERENCE = "FH_NUDGE_PREFERENCE";
  static final String SCAN_LOCK = "FH_NUDGE_SCAN_LOCK";

  private NudgeTables() {
  }

  static void create(JdbcOperations jdbc) {
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + MAIL + " ("
        + "ID_ VARCHAR(64) PRIMARY KEY, KIND_ VARCHAR(32) NOT NULL, RECIPIENT_ VARCHAR(255) NOT NULL, ADDRESS_ VARCHAR(320) NOT NULL, "
        + "CASE_IDS_ VARCHAR(4000), SUBJECT_ VARCHAR(1000) NOT NULL, TEXT_ VARCHAR(100000) NOT NULL, HTML_ VARCHAR(100000) NOT NULL, "
        + "ICS_ VARCHAR(100000), URGENT_ BOOLEAN NOT NULL, STATE_ VARCHAR(16) NOT NULL, ATTEMPTS_ INT NOT NULL, "
        + "CREATED_MILLIS_ BIGINT NOT NULL, SENT_MILLIS_ BIGINT)");
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + SENT + " (KEY_ VARCHAR(320) PRIMARY KEY, SENT_MILLIS_ BIGINT NOT NULL)");
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + INVITATION + " ("
        + "UID_ VARCHAR(320) PRIMARY KEY, ITEM_KEY_ VARCHAR(128) NOT NULL, CASE_ID_ VARCHAR(64) NOT NULL, RECIPIENT_ VARCHAR(255) NOT NULL, SUMMARY_ VARCHAR(1000) NOT NULL, "
        + "START_MILLIS_ BIGINT NOT NULL, SEQUENCE_ INT NOT NULL, STATE_ VARCHAR(16) NOT NULL)");
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + PREFERENCE + " (USER_ID_ VARCHAR(255) PRIMARY KEY, CHOICE_ VARCHAR(32) NOT NULL)");
    // One row that every scan locks first: two nodes' scans (or a scan and its own retry) run one after the other.
    jdbc.execute("CREATE TABLE IF NOT EXISTS " + SCAN_LOCK + " (ID_ INT PRIMARY KEY)");
    List<Integer> rows = jdbc.queryForList("SELECT ID_ FROM " + SCAN_LOCK, Integer.class);
    if (rows.isEmpty()) {
      try {
        jdbc.update("INSERT INTO " + SCAN_LOCK + " (ID_) VALUES (1)");
      } catch (DuplicateKeyException anotherNodeWasFaster) {
        // the row exists, which is all that matters
      }
    }
  }
}
