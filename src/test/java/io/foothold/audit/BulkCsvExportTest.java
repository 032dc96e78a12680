package io.foothold.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

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
  private static final int PER_TRANSACTION = 2_500;
  private static final long CEILING = 64L * 1024 * 1024;

  @Autowired TestRestTemplate web;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;

  @Test
  void tenThousandCasesExportWithBoundedMemory() {
    long generating = System.nanoTime();
    TestPlaybooks.instant(repository, PLAYBOOK, "AuditBulkCase");
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    for (int batch = 0; batch < CASES / PER_TRANSACTION; batch++) {
      int first = batch * PER_TRANSACTION;
      // One transaction per batch: the engine flushes the batch's history rows together.
      commands.execute(context -> {
        for (int i = first; i < first + PER_TRANSACTION; i++) {
          runtime.startProcessInstanceByKey("AuditBulkCase", Map.of("employeeId", "bulk-" + i, "employeeName", "Bulk Person " + i,
              "caseOutcome", i % 3 == 0 ? "recovered" : "closed"));
        }
        return null;
      });
    }
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
          try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
            header = lines.readLine();
            while (lines.readLine() != null) {
              if (++rows % 500 == 0) {
                peak[0] = Math.max(peak[0], usedAfterGc(memory) - baseline);
              }
            }
          }
          return new Export(response.getStatusCode().value(), response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), header, rows);
        });
    System.out.printf("exported %d rows in %d ms; heap kept alive during the export: %.1f MiB above a %.1f MiB baseline%n",
        export.rows(), (System.nanoTime() - started) / 1_000_000, peak[0] / 1048576.0, baseline / 1048576.0);

    assertThat(export.status()).isEqualTo(HttpStatus.OK.value());
    assertThat(export.disposition()).startsWith("attachment");
    assertThat(export.header()).startsWith("caseId,playbook,processKey,employeeId");
    assertThat(export.rows()).isEqualTo(CASES);
    assertThat(peak[0]).as("heap kept alive by the export, bytes").isLessThan(CEILING);
  }

  private record Export(int status, String disposition, String header, int rows) {
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
