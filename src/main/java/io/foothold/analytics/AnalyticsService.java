package io.foothold.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

import io.foothold.casefile.CaseFiles;
import io.foothold.casefile.CaseRating;
import io.foothold.engine.SystemAccess;
import io.foothold.playbook.spi.CaseVariables;

/**
 * Reads what HR's analytics needs and hands it to {@link AnalyticsCalculator}: the cases (those about someone: a
 * manager and an employee are named; never a raised concern) and their ratings from the case file, and the median
 * time closed cases spent per step, taken in the database: one query each, none of them a row per step visit. HR was
 * brought in when the case says so, or when a playbook it called did (the case file keeps the case's own flag only),
 * which one history query of the few flags set tells.
 */
@Service
public class AnalyticsService {

  private final SystemAccess system;
  private final CaseFiles caseFiles;

  public AnalyticsService(SystemAccess system, CaseFiles caseFiles) {
    this.system = system;
    this.caseFiles = caseFiles;
  }

  /** The figures over every case in the case file now; {@code asOf} is the moment they describe. */
  public AuditAnalytics analytics(Instant asOf) {
    Map<String, List<Double>> ratings = new HashMap<>();
    for (CaseRating rating : caseFiles.ratingsOfCasesAboutSomeone()) {
      ratings.computeIfAbsent(rating.caseId(), id -> new ArrayList<>()).add(rating.value());
    }
    Set<String> escalatedAnywhere = escalatedAnywhere();
    List<CaseFacts> cases = caseFiles.casesAboutSomeone().stream().map(file -> new CaseFacts(file.caseId(), file.openedAt(),
        file.closedAt(), file.outcome(), file.escalated() || escalatedAnywhere.contains(file.caseId()), file.supports(),
        ratings.getOrDefault(file.caseId(), List.of()))).toList();
    return AnalyticsCalculator.compute(cases, caseFiles.stepMediansOfClosedCasesAboutSomeone(), asOf);
  }

  /** The cases in which any instance, the case's own or a called playbook's, set {@code escalated} to true. */
  private Set<String> escalatedAnywhere() {
    return system.call(() -> {
      Set<String> cases = new HashSet<>();
      for (HistoricVariableInstance flag : system.engine().getHistoryService().createHistoricVariableInstanceQuery()
          .variableValueEquals(CaseVariables.ESCALATED, true).disableCustomObjectDeserialization().list()) {
        cases.add(flag.getRootProcessInstanceId() != null ? flag.getRootProcessInstanceId() : flag.getProcessInstanceId());
      }
      return cases;
    });
  }
}
