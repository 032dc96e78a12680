package io.foothold.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.foothold.casefile.CaseFile;
import io.foothold.casefile.CaseFileFilter;
import io.foothold.casefile.CaseFiles;
import io.foothold.engine.SystemAccess;
import io.foothold.people.Teams;
import io.foothold.playbook.spi.CaseVariables;

/**
 * HR's case list, its CSV export and one case's summary, read from the case file: one row per case, paged in the
 * database, and one directory query per page for the managers' names (never a query per case).
 */
@Component
class CaseList {

  static final String MANAGER = CaseVariables.MANAGER;
  static final String EMPLOYEE = CaseVariables.EMPLOYEE;
  static final String EMPLOYEE_NAME = "employeeName";
  static final String OUTCOME = CaseVariables.OUTCOME;
  static final String ESCALATED = CaseVariables.ESCALATED;
  /** User ids per directory query: an IN list of a bounded length, whatever the page size. */
  private static final int NAMES_CHUNK = 50;

  private final SystemAccess system;
  private final CaseFiles caseFiles;

  CaseList(SystemAccess system, CaseFiles caseFiles) {
    this.system = system;
    this.caseFiles = caseFiles;
  }

  CasePage page(CaseFilter filter, int page, int size) {
    CaseFileFilter caseFileFilter = caseFileFilter(filter);
    long total = caseFiles.count(caseFileFilter);
    List<CaseFile> files = total == 0 ? List.of() : caseFiles.page(caseFileFilter, (long) page * size, size);
    return new CasePage(page, size, total, summaries(files));
  }

  /**
   * Hands every matching case to {@code sink}, one page at a time: memory holds one page, however many cases there
   * are.
   */
  void forEach(CaseFilter filter, int pageSize, Consumer<CaseSummary> sink) {
    caseFiles.forEach(caseFileFilter(filter), pageSize, page -> summaries(page).forEach(sink));
  }

  /** The case itself (a root instance) or null: a called playbook's instance or a raised concern is not a case of its own. */
  CaseSummary one(String caseId) {
    return caseFiles.of(caseId).map(file -> summaries(List.of(file)).get(0)).orElse(null);
  }

  private static CaseFileFilter caseFileFilter(CaseFilter filter) {
    return new CaseFileFilter(filter.playbook(), filter.state() == null ? null : "open".equals(filter.state()), filter.manager(),
        filter.openedFrom(), filter.openedTo(), filter.closedFrom(), filter.closedTo(), filter.outcome());
  }

  private List<CaseSummary> summaries(List<CaseFile> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<String, String> managerNames = system.call(() -> displayNames(files.stream().map(CaseFile::managerId).filter(Objects::nonNull)
        .distinct().toArray(String[]::new)));
    return files.stream().map(file -> summary(file, managerNames)).toList();
  }

  /** "First Last" by user id, one query for a whole page; someone no longer in the directory keeps their id. */
  private Map<String, String> displayNames(String[] ids) {
    Map<String, String> names = new HashMap<>();
    for (int from = 0; from < ids.length; from += NAMES_CHUNK) {
      String[] chunk = Arrays.copyOfRange(ids, from, Math.min(from + NAMES_CHUNK, ids.length));
      system.engine().getIdentityService().createUserQuery().userIdIn(chunk).listPage(0, chunk.length).forEach(user -> {
        String name = Teams.displayName(user);
        names.put(user.getId(), name.isEmpty() ? user.getId() : name);
      });
    }
    return names;
  }

  private static CaseSummary summary(CaseFile file, Map<String, String> managerNames) {
    return new CaseSummary(file.caseId(), file.playbook(), file.processKey(), file.employeeId(), file.employeeName(), file.managerId(),
        file.openedAt(), file.closedAt(), file.closedAt() == null ? "open" : "closed", file.outcome(), file.escalated(),
        managerNames.getOrDefault(file.managerId(), file.managerId()));
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
