package io.foothold.audit;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * HR's case audit (/api/audit; the hr group only, see security/ApiAuthentication). Every view or export is
 * written to the read log before the data leaves.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Case audit", description = "HR's audit trail of every case, its CSV exports, the read log and erasure")
class CaseAuditController {

  private static final int MAX_PAGE_SIZE = 500;

  private final CaseList cases;
  private final CaseTimelines timelines;
  private final CaseCsv csv;
  private final ReadLog readLog;
  private final CaseErasure erasure;
  private final IdentityService identity;

  CaseAuditController(CaseList cases, CaseTimelines timelines, CaseCsv csv, ReadLog readLog, CaseErasure erasure, IdentityService identity) {
    this.cases = cases;
    this.timelines = timelines;
    this.csv = csv;
    this.readLog = readLog;
    this.erasure = erasure;
    this.identity = identity;
  }

  @GetMapping("/cases")
  @Operation(summary = "List cases (root process instances), newest first, filtered and paged")
  CasePage list(@RequestParam(required = false) String playbook, @RequestParam(required = false) String state,
      @RequestParam(required = false) String manager, @RequestParam(required = false) String openedFrom,
      @RequestParam(required = false) String openedTo, @RequestParam(required = false) String closedFrom,
      @RequestParam(required = false) String closedTo, @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    CaseFilter filter = CaseFilter.of(playbook, state, manager, openedFrom, openedTo, closedFrom, closedTo, outcome);
    CaseFilter.checkPage(page, size, MAX_PAGE_SIZE);
    readLog.record(who(), ReadLog.VIEW, null);
    return cases.page(filter, page, size);
  }

  @GetMapping(value = "/cases.csv", produces = "text/csv")
  @Operation(summary = "Export the filtered case list as CSV (streamed)")
  void listCsv(@RequestParam(required = false) String playbook, @RequestParam(required = false) String state,
      @RequestParam(required = false) String manager, @RequestParam(required = false) String openedFrom,
      @RequestParam(required = false) String openedTo, @RequestParam(required = false) String closedFrom,
      @RequestParam(required = false) String closedTo, @RequestParam(required = false) String outcome,
      HttpServletResponse response) throws IOException {
    CaseFilter filter = CaseFilter.of(playbook, state, manager, openedFrom, openedTo, closedFrom, closedTo, outcome);
    readLog.record(who(), ReadLog.EXPORT, null);
    attachment(response, "foothold-cases.csv");
    csv.cases(filter, response.getOutputStream());
  }

  @GetMapping("/cases/{caseId}")
  @Operation(summary = "One case with its timeline, oldest first (includes the playbooks it called)")
  CaseTimeline one(@PathVariable String caseId) {
    CaseTimeline timeline = timeline(caseId);
    readLog.record(who(), ReadLog.VIEW, caseId);
    return timeline;
  }

  @GetMapping(value = "/cases/{caseId}.csv", produces = "text/csv")
  @Operation(summary = "Export one case's timeline as CSV")
  void oneCsv(@PathVariable String caseId, HttpServletResponse response) throws IOException {
    CaseTimeline timeline = timeline(caseId);
    readLog.record(who(), ReadLog.EXPORT, caseId);
    attachment(response, "foothold-case-" + caseId + ".csv");
    csv.timeline(timeline, response.getOutputStream());
  }

  // JSON only: a reason sent as text/plain would otherwise be read as no reason at all.
  @DeleteMapping(value = "/cases/{caseId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Erase an ended case's history (and its called playbooks'); needs a reason of 10-500 characters")
  ResponseEntity<Void> erase(@PathVariable String caseId, @RequestBody(required = false) ErasureRequest request) {
    erasure.erase(caseId, request == null ? null : request.reason(), who());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/read-log")
  @Operation(summary = "Who viewed, exported or erased which case, newest first")
  ReadLogPage readLog(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    CaseFilter.checkPage(page, size, MAX_PAGE_SIZE);
    return readLog.page(page, size);
  }

  /** The erasure request body: why the case's history is erased. */
  record ErasureRequest(String reason) {
  }

  private CaseTimeline timeline(String caseId) {
    CaseTimeline timeline = timelines.of(caseId);
    if (timeline == null) {
      throw AuditProblem.unknownCase(caseId);
    }
    return timeline;
  }

  private String who() {
    return identity.getCurrentAuthentication().getUserId();
  }

  private static void attachment(HttpServletResponse response, String fileName) {
    response.setStatus(HttpStatus.OK.value());
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
  }
}
