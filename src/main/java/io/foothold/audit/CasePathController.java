package io.foothold.audit;


import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A case's path on its diagram and the printable case record (/api/audit; the hr group only). Both are reads of
 * case data, so both are written to the read log before the data leaves; the record lists its own read.
 */
@RestController
@RequestMapping("/api/audit/cases/{caseId}")
@Tag(name = "Case audit")
class CasePathController {

  private final CasePaths paths;
  private final CaseTimelines timelines;
  private final ReadLog readLog;
  private final IdentityService identity;

  CasePathController(CasePaths paths, CaseTimelines timelines, ReadLog readLog, IdentityService identity) {
    this.paths = paths;
    this.timelines = timelines;
    this.readLog = readLog;
    this.identity = identity;
  }

  @GetMapping("/path")
  @Operation(summary = "The case's diagram (BPMN) and every step it passed, with start, end and duration")
  CasePath path(@PathVariable String caseId) {
    CasePath path = known(caseId, paths.of(caseId));
    readLog.record(who(), ReadLog.PATH, caseId);
    return path;
  }

  @GetMapping("/record")
  @Operation(summary = "The printable case record: timeline, path on the diagram and the case's read log (this read included)")
  CaseRecord record(@PathVariable String caseId) {
    CaseTimeline timeline = known(caseId, timelines.of(caseId));
    CasePath path = known(caseId, paths.of(caseId));
    readLog.record(who(), ReadLog.RECORD, caseId);
    return new CaseRecord(timeline, path, readLog.ofCase(caseId));
  }

  private static <T> T known(String caseId, T found) {
    if (found == null) {
      throw AuditProblem.unknownCase(caseId);
    }
    return found;
  }

  private String who() {
    return identity.getCurrentAuthentication().getUserId();
  }
}
