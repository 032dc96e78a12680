package io.foothold.privacy;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.CaseClosed;
import io.foothold.engine.events.CaseErased;

/**
 * What other modules may know of a case's private notes: that they were written (HR's timeline). Their text is
 * readable only by the case's manager, through the form variables of the case's tasks ({@link PrivateNotesForOwner}),
 * and forgotten when the case ends; the record that they were written goes when HR erases the case's history.
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

  /** In the command that ended the case, on the command's own connection, so the text goes exactly when the case ends. */
  @EventListener
  void forgetText(CaseClosed closed) {
    if (Context.getCommandContext() != null) {
      NoteTable.forgetText(EngineConnection.of(Context.getCommandContext()), closed.caseId());
    }
  }

  /** Nothing of the case's notes stays. Joins the erasing transaction. */
  @EventListener
  void erase(CaseErased erased) {
    NoteTable.erase(jdbc, erased.caseId());
  }
}
