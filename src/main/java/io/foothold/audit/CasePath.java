package io.foothold.audit;

import java.time.Instant;
import java.util.List;

/**
 * The way one case went through its playbook's diagram: the BPMN it runs on and every step it passed, oldest
 * first, with how long each took. A step without {@code endedAt} is where the case is now.
 */
record CasePath(String caseId, String processDefinitionId, String processKey, String diagramName, String bpmnXml,
    List<Step> steps) {

  /** One pass through one diagram element; {@code durationMillis} is null while the step is still open. */
  record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt, Long durationMillis,
      boolean current) {
  }
}
