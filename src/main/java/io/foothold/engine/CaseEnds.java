package io.foothold.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.CaseClosed;

/**
 * Announces {@link CaseClosed} when a root process instance ends. Reads the engine's history stream, which
 * Camunda's Spring Boot starter publishes inside the command (camunda.bpm.eventing.history): every end produces
 * that record, however it came about, whereas an execution listener is skipped when a case is deleted with
 * skipCustomListeners.
 */
@Component
class CaseEnds {

  private static final String END = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName();

  private final ApplicationEventPublisher events;

  CaseEnds(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void on(HistoricProcessInstanceEventEntity instance) {
    String id = instance.getProcessInstanceId();
    if (END.equals(instance.getEventType()) && id != null && id.equals(instance.getRootProcessInstanceId())) {
      events.publishEvent(new CaseClosed(id));
    }
  }
}
