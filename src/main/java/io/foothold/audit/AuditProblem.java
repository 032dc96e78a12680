package io.foothold.audit;

import org.springframework.http.HttpStatus;

/** A request HR can correct (400 naming the field) or a case in the wrong state (404, 409). */
class AuditProblem extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  AuditProblem(HttpStatus status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  static AuditProblem badField(String field, String message) {
    return new AuditProblem(HttpStatus.BAD_REQUEST, field, message);
  }

  static AuditProblem unknownCase(String caseId) {
    return new AuditProblem(HttpStatus.NOT_FOUND, null, "No case '" + caseId + "'.");
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }
}
