package io.foothold.casefile;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.CaseErased;
import io.foothold.engine.events.HistoryCleanedUp;

/**
 * Reads the case file. Only for modules that already decide who may see which case (HR's audit): the case file
 * itself has no door to people. Its row of a case goes when HR erases the case.
 */
@Component
public class CaseFiles {

  private final JdbcTemplate jdbc;

  CaseFiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's row, or empty for an id that is no case (a concern, a called playbook, an erased case). */
  public Optional<CaseFile> of(String caseId) {
    return CaseFileTable.one(jdbc, caseId).stream().findFirst();
  }

  /**
   * Hands every case {@code filter} lets through to {@code sink}, newest first, a page of {@code pageSize} at a time:
   * memory holds one page however many cases there are.
   */
  public void forEach(CaseFileFilter filter, int pageSize, Consumer<List<CaseFile>> sink) {
    CaseFile last = null;
    while (true) {
      List<CaseFile> page = CaseFileTable.page(jdbc, filter, last, pageSize);
      if (!page.isEmpty()) {
        sink.accept(page);
        last = page.get(page.size() - 1);
      }
      if (page.size() < pageSize) {
        return;
      }
    }
  }

  /** Every case, newest first. */
  public List<CaseFile> all() {
    return CaseFileTable.all(jdbc);
  }

  /** Nothing of the case stays. Joins the erasing transaction. */
  @EventListener
  void erase(CaseErased erased) {
    CaseFileTable.erase(jdbc, erased.caseId());
  }

  /** In the cleanup job's command: the rows of every case whose history is gone or due for removal. */
  @EventListener
  void expire(HistoryCleanedUp cleanup) {
    CaseFileTable.eraseExpired(Context.getCommandContext() == null ? jdbc : CommandConnection.of(Context.getCommandContext()), cleanup.at());
  }
}
