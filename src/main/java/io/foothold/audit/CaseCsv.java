package io.foothold.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * CSV exports, written straight to the response a database page at a time (500 cases), so memory stays flat
 * whatever the number of cases. Timestamps are ISO-8601; a timeline row's details are one JSON column. Every text
 * cell is {@link SpreadsheetCells#neutralised neutralised}: names and answers come from people, and a cell that
 * starts like a formula would run in HR's spreadsheet.
 */
@Component
class CaseCsv {

  static final int PAGE = 500;
  static final String[] CASE_COLUMNS = {"caseId", "playbook", "processKey", "employeeId", "employeeName", "managerId",
      "openedAt", "closedAt", "state", "outcome", "escalated", "managerName"};
  /** People's words first (what, who by name, the facts by their labels), then the raw view (ids and the details as JSON). */
  static final String[] TIMELINE_COLUMNS = {"caseId", "at", "kind", "whoName", "what", "facts", "who", "activityId", "taskId",
      "calledInstanceId", "details"};

  private final CaseList cases;

  CaseCsv(CaseList cases) {
    this.cases = cases;
  }

  void cases(CaseFilter filter, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CASE_COLUMNS).get());
    try {
      cases.forEach(filter, PAGE, summary -> print(csv, summary.caseId(), summary.playbook(), summary.processKey(), summary.employeeId(),
          summary.employeeName(), summary.managerId(), summary.openedAt(), summary.closedAt(), summary.state(), summary.outcome(),
          summary.escalated(), summary.managerName()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  void timeline(CaseTimeline timeline, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(TIMELINE_COLUMNS).get());
    String caseId = timeline.caseDetail().summary().caseId();
    for (TimelineEvent event : timeline.timeline()) {
      Object called = event.details().get("calledInstanceId");
      csv.printRecord(SpreadsheetCells.neutralised(caseId, event.at(), event.kind(), event.whoName(), event.what(), event.factsLine(),
          event.who(), event.activityId(), event.taskId(), called, AuditValues.json(event.details())));
    }
    csv.flush();
  }

  private static void print(CSVPrinter csv, Object... values) {
    try {
      csv.printRecord(SpreadsheetCells.neutralised(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Carries a write failure (usually the client went away) out of the page loop. */
  private static final class UncheckedIOException extends RuntimeException {

    UncheckedIOException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
