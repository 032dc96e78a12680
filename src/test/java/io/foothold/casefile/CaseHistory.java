package io.foothold.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case's history as the engine keeps it, read however a test reaches the engine: its Java API in-process
 * ({@link EngineCaseHistory}), or REST and SQL against a node ({@link NodeCaseHistory}). What the case file must
 * mirror is derived from it once, in {@link CaseFileAgreement}.
 */
interface CaseHistory {

  /** The case's root process instance: its definition's key and name, when it started and ended (null while open). */
  record Instance(String processKey, String processName, Instant startedAt, Instant endedAt) {
  }

  Instance instance(String caseId);

  /** The variables written on the case itself (not a task's or a step's local ones, not a called playbook's), by name. */
  Map<String, Object> facts(String caseId);

  /** The unfinished tasks of the case and its called playbooks, and whether HR's group is a candidate of each. */
  List<CaseStep> openSteps(String caseId);

  /** The timers the engine holds for the case and its called playbooks, named as their BPMN element. */
  List<CaseTimer> timers(String caseId);

  /** Every numeric confidenceRating update recorded in the case or its called playbooks, in the order recorded. */
  List<CaseRating> ratings(String caseId);
}
