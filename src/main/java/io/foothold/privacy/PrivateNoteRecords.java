package io.foothold.privacy;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules may know of a case's private notes: that they were written (HR's timeline), and that they go
 * when the case's history is erased. Their text is readable only by the case's manager, through the form variables
 * of the case's tasks ({@link PrivateNotesForOwner}).
 */
@Component
public class PrivateNoteRecords {

  private final JdbcTemplate jdbc;

  PrivateNoteRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Which notes were written on the case, by whom and when, oldest first. */
  public List<PrivateNoteWritten> writtenIn(String caseId) {
    return NoteTable.written(jdbc, caseId);
  }

  /** Removes every trace of the case's notes: for erasing the case's history. Joins the caller's transaction. */
  public void erase(String caseId) {
    NoteTable.erase(jdbc, caseId);
  }
}
