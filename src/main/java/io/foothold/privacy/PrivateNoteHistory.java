package io.foothold.privacy;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Sits in front of Camunda's history writer and blanks private notes before anything is stored.
 * Variable events feed both ACT_HI_VARINST and ACT_HI_DETAIL (and ACT_GE_BYTEARRAY for binary values);
 * form-submission events (HistoricFormField) write the submitted string to ACT_HI_DETAIL. Each keeps
 * its name, so history still shows that a note was written, when and by whom, but never what it says.
 * The events are copies: the runtime variable keeps the real note for the manager.
 */
class PrivateNoteHistory implements HistoryEventHandler {

  private final HistoryEventHandler writer;

  PrivateNoteHistory(HistoryEventHandler writer) {
    this.writer = writer;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    writer.handleEvent(blank(event));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(PrivateNoteHistory::blank);
    writer.handleEvents(events);
  }

  static HistoryEvent blank(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable && PrivateNotes.isPrivate(variable.getVariableName())) {
      // Stored as a plain string whatever the note's real type, so no serializer can find the old bytes.
      variable.setSerializerName("string");
      variable.setTextValue(PrivateNotes.PLACEHOLDER);
      variable.setTextValue2(null);
      variable.setLongValue(null);
      variable.setDoubleValue(null);
      variable.setByteValue(null);
      variable.setByteArrayId(null);
    } else if (event instanceof HistoricFormPropertyEventEntity field && PrivateNotes.isPrivate(field.getPropertyId())) {
      field.setPropertyValue(PrivateNotes.PLACEHOLDER);
    }
    return event;
  }
}
