package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import io.foothold.casefile.CaseFileRebuild;
import io.foothold.support.FootholdSpringTest;

/**
 * The case list export streams: 10,000 cases come out as 10,000 rows while the server's memory stays flat.
 *
 * <p>How memory is measured: in this JVM (the server's), with {@link MemoryMXBean}. Every 500 rows read, the test
 * asks for a full GC and samples the heap still in use; the highest sample, minus the baseline taken just before the
 * download, is what the export keeps alive while it runs. The client reads the response as a stream, line by line,
 * so it holds nothing itself, and TCP back-pressure keeps the server mid-export while the test samples. A forked
 * client JVM with a small -Xmx would only prove that the client streams; the server is what must not buffer.
 */
@FootholdSpringTest
class BulkCsvExportTest {

  private static final String PLAYBOOK = "audit-bulk-test";
  private static final int CASES = 10_000;
  private static final long CEILING = 64L * 1024 * 1024;

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseFileRebuild caseFileRebuild;

  @Test
  void tenThousandCasesExportWithBoundedMemory() {
    long generating = System.nanoTime();
    TestPlaybooks.instant(repository, PLAYBOOK, "AuditBulkCase");
    insertClosedCases();
    // history written around the engine reaches the case file, which the export reads, by a rebuild
    caseFileRebuild.rebuild();
    System.out.printf("generated %d cases in %d ms%n", CASES, (System.nanoTime() - generating) / 1_000_000);

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = usedAfterGc(memory);
    long[] peak = {0};
    long started = System.nanoTime();
    Export export = web.getRestTemplate().execute(web.getRootUri() + "/api/audit/cases.csv?playbook=" + PLAYBOOK, HttpMethod.GET,
        request -> request.getHeaders().setBasicAuth("hana", "demo"),
        response -> {
          int rows = 0;
          String header;
          List<String> mismatches = new ArrayList<>();
          try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
            header = lines.readLine();
            String line;
            while ((line = lines.readLine()) != null) {
              // Newest first: row r is case CASES - 1 - r, with its own case variables (names carry no commas).
              int expected = CASES - 1 - rows;
              String[] columns = line.split(",", -1);
              String wanted = "bulk-" + expected + "/Bulk Person " + expected + "/" + (expected % 3 == 0 ? "recovered" : "closed");
              String got = columns[3] + "/" + columns[4] + "/" + columns[9];
              if (!wanted.equals(got) && mismatches.size() < 5) {
                mismatches.add("row " + rows + ": " + got + " instead of " + wanted);
              }
              if (++rows % 500 == 0) {
                peak[0] = Math.max(peak[0], usedAfterGc(memory) - baseline);
              }
            }
          }
          return new Export(response.getStatusCode().value(), response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), header, rows,
              mismatches);
        });
    System.out.printf("exported %d rows in %d ms; heap kept alive during the export: %.1f MiB above a %.1f MiB baseline%n",
        export.rows(), (System.nanoTime() - started) / 1_000_000, peak[0] / 1048576.0, baseline / 1048576.0);

    assertThat(export.status()).isEqualTo(HttpStatus.OK.value());
    assertThat(export.disposition()).startsWith("attachment");
    assertThat(export.header()).startsWith("caseId,playbook,processKey,employeeId");
    assertThat(export.rows()).isEqualTo(CASES);
    assertThat(export.mismatches()).as("every case once, newest first, with its own variables").isEmpty();
    assertThat(peak[0]).as("heap kept alive by the export, bytes").isLessThan(CEILING);
  }

  /**
   * Writes the cases straight into the history tables in JDBC batches (about a second), as a finished
   * start-to-end instance of the test playbook leaves them: the instance row and its three case variables.
   * Starting 10,000 instances through the engine took over 90 s on a 2-core machine.
   */
  private void insertClosedCases() {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("AuditBulkCase").latestVersion().singleResult();
    long now = System.currentTimeMillis();
    List<Object[]> instances = new ArrayList<>();
    List<Object[]> variables = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String id = UUID.randomUUID().toString();
      Timestamp opened = new Timestamp(now - (CASES - i) * 60_000L);
      Timestamp closed = new Timestamp(opened.getTime() + 1_000);
      instances.add(new Object[] {id, id, definition.getKey(), definition.getId(), opened, closed, 1_000L, "StartEvent_1", "EndEvent_1", id, "COMPLETED"});
      variables.add(variable(definition, id, "employeeId", "bulk-" + i, opened));
      variables.add(variable(definition, id, "employeeName", "Bulk Person " + i, opened));
      variables.add(variable(definition, id, "caseOutcome", i % 3 == 0 ? "recovered" : "closed", closed));
    }
    jdbc.batchUpdate("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, DURATION_, "
        + "START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances);
    jdbc.batchUpdate("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, "
        + "ACT_INST_ID_, NAME_, VAR_TYPE_, TEXT_, CREATE_TIME_, REV_, STATE_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'string', ?, ?, 0, 'CREATED')", variables);
  }

  private static Object[] variable(ProcessDefinition definition, String instanceId, String name, String value, Timestamp at) {
    return new Object[] {UUID.randomUUID().toString(), definition.getKey(), definition.getId(), instanceId, instanceId, instanceId, instanceId,
        name, value, at};
  }

  private record Export(int status, String disposition, String header, int rows, List<String> mismatches) {
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
