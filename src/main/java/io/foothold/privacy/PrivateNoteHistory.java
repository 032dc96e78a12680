package io.foothold.privacy;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Sits in front of Camunda's history writer. A private note lives in the engine only for the moment between a
 * submission and the end of its command ({@link PrivateNoteCapture}); its variable and form-field events are
 * dropped here, so no history table (ACT_HI_VARINST, ACT_HI_DETAIL, ACT_GE_BYTEARRAY) ever holds a trace of it.
 * That a note was written is recorded in Foothold's table instead; the text goes when the case ends
 * ({@link PrivateNoteRecords}).
 */
class PrivateNoteHistory implements HistoryEventHandler {

  private final HistoryEventHandler writer;

  PrivateNoteHistory(HistoryEventHandler writer) {
    this.writer = writer;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (keep(event)) {
      writer.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    writer.handleEvents(events.stream().filter(this::keep).toList());
  }

  private boolean keep(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return !PrivateNotes.isPrivate(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity field) {
      return !PrivateNotes.isPrivate(field.getPropertyId());
    }
    return true;
  }
}
