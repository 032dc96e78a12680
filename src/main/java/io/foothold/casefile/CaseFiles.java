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
 * Reads the case file. Only for modules that already decide who may see which case (HR's audit, the manager's
 * overview of her own cases): the case file itself has no door to people. Its rows of a case go when HR erases the
 * case.
 */
@Component
public class CaseFiles {

  private static final String ABOUT_SOMEONE = CaseFileTable.TABLE + ".MANAGER_ IS NOT NULL AND " + CaseFileTable.TABLE
      + ".EMPLOYEE_ IS NOT NULL AND" + CaseFileTable.WITH_HISTORY;

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

  /** The page of {@code size} cases that starts at the {@code first} case {@code filter} lets through, newest first. */
  public List<CaseFile> page(CaseFileFilter filter, long first, int size) {
    return CaseFileTable.page(jdbc, filter, first, size);
  }

  /** How many cases {@code filter} lets through. */
  public long count(CaseFileFilter filter) {
    return CaseFileTable.count(jdbc, filter);
  }

  /** Every case, newest first. */
  public List<CaseFile> all() {
    return CaseFileTable.all(jdbc);
  }

  /**
   * Every case about someone (a manager and an employee are named): the cases HR's figures count, only the columns
   * figures need (at 100,000 cases the whole rows would fill a small server's heap).
   */
  public List<CaseOutline> casesAboutSomeone() {
    return CaseFileTable.outlines(jdbc, ABOUT_SOMEONE);
  }

  /** The confidence ratings of every case about someone, each case's in the order they were recorded. */
  public List<CaseRating> ratingsOfCasesAboutSomeone() {
    return CaseStepTables.ratings(jdbc, ABOUT_SOMEONE);
  }

  /** Per step, how many closed cases about someone spent time in it and their median time there, in the order cases first reached them. */
  public List<StepMedian> stepMediansOfClosedCasesAboutSomeone() {
    return ActivityHistory.stepMediansOfClosedCases(jdbc, ABOUT_SOMEONE);
  }

  /** How cases about someone passed each element of their process's diagrams, per process, in the order cases first reached them. */
  public List<StepPassage> stepPassagesOfCasesAboutSomeone() {
    return ActivityHistory.stepPassages(jdbc, ABOUT_SOMEONE);
  }

  /** How many cases about someone run each process. */
  public List<ProcessCases> casesAboutSomeonePerProcess() {
    return ActivityHistory.casesPerProcess(jdbc, ABOUT_SOMEONE);
  }

  /** The case's open steps, oldest first. */
  public List<CaseStep> steps(String caseId) {
    return CaseStepTables.steps(jdbc, CaseFileTable.TABLE + ".CASE_ID_ = ?", caseId);
  }

  /** The timers the case waits on, nearest first. */
  public List<CaseTimer> timers(String caseId) {
    return CaseStepTables.timers(jdbc, CaseFileTable.TABLE + ".CASE_ID_ = ?", caseId);
  }

  /** The case's confidence ratings, as they were recorded. */
  public List<CaseRating> ratings(String caseId) {
    return CaseStepTables.ratings(jdbc, CaseFileTable.TABLE + ".CASE_ID_ = ?", caseId);
  }

  /**
   * The open cases whose manager is {@code managerId} and that are about someone (an employee is named), with
   * their open steps, pending timers and ratings: four queries however many cases she has.
   */
  public OpenCases openCasesOf(String managerId) {
    String managersOpenCases = CaseFileTable.TABLE + ".MANAGER_ = ? AND " + CaseFileTable.TABLE + ".CLOSED_MILLIS_ IS NULL AND "
        + CaseFileTable.TABLE + ".EMPLOYEE_ IS NOT NULL AND" + CaseFileTable.WITH_HISTORY;
    return new OpenCases(CaseFileTable.where(jdbc, managersOpenCases, "", managerId),
        CaseStepTables.steps(jdbc, managersOpenCases, managerId), CaseStepTables.timers(jdbc, managersOpenCases, managerId),
        CaseStepTables.ratings(jdbc, managersOpenCases, managerId));
  }

  /** The {@code newest} closed cases of {@code managerId} that are about someone, latest closed first, and how many she has. */
  public ClosedCases closedCasesOf(String managerId, int newest) {
    String managersClosedCases = "MANAGER_ = ? AND CLOSED_MILLIS_ IS NOT NULL AND EMPLOYEE_ IS NOT NULL AND" + CaseFileTable.WITH_HISTORY;
    List<CaseFile> cases = CaseFileTable.where(jdbc, managersClosedCases, " ORDER BY CLOSED_MILLIS_ DESC, CASE_ID_ LIMIT " + newest,
        managerId);
    long total = cases.size() < newest ? cases.size() : CaseFileTable.count(jdbc, managersClosedCases, managerId);
    return new ClosedCases(cases, total);
  }

  /** One manager's open cases and what each waits on; steps, timers and ratings name their case. */
  public record OpenCases(List<CaseFile> cases, List<CaseStep> steps, List<CaseTimer> timers, List<CaseRating> ratings) {
  }

  /** Some of one manager's closed cases, and how many she has in all. */
  public record ClosedCases(List<CaseFile> newest, long total) {
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
