package io.foothold.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How HR's audit API answers an {@link AuditProblem}: its status, the message, and the field when one is to blame. */
@RestControllerAdvice(assignableTypes = {CaseAuditController.class, CasePathController.class})
class AuditProblemAnswers {

  @ExceptionHandler(AuditProblem.class)
  ResponseEntity<Map<String, Object>> problem(AuditProblem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", problem.getMessage());
    if (problem.field() != null) {
      body.put("field", problem.field());
    }
    return ResponseEntity.status(problem.status()).body(body);
  }
}
