package io.foothold.analytics;

import java.util.List;

/**
 * How cases of one process went through its diagram (the newest version's BPMN): per element, how many cases
 * passed it and the median time a case spent in it (all its visits added up). Under five cases a step's numbers
 * are null and {@code suppressed} is true, as everywhere in HR's analytics.
 */
public record StepFlow(String processKey, String name, String processDefinitionId, String bpmnXml, Integer cases,
    boolean suppressed, List<Step> steps) {

  public record Step(String activityId, String name, String type, Integer cases, Double medianHours, boolean suppressed) {
  }
}
