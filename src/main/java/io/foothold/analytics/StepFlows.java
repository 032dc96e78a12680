package io.foothold.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import io.foothold.casefile.CaseFiles;
import io.foothold.casefile.ProcessCases;
import io.foothold.casefile.StepPassage;
import io.foothold.engine.SystemAccess;

/**
 * The step picture across cases: the case file's cases (those about someone) and, summed and their medians taken
 * in the database, their visits in ACT_HI_ACTINST. Only a case's own diagram's elements count: all versions of a
 * process add up by element id and are drawn on the newest version.
 */
@Service
class StepFlows {

  private static final double MILLIS_PER_HOUR = 3_600_000d;

  private final CaseFiles caseFiles;
  private final RepositoryService repository;
  private final SystemAccess system;

  StepFlows(CaseFiles caseFiles, RepositoryService repository, SystemAccess system) {
    this.caseFiles = caseFiles;
    this.repository = repository;
    this.system = system;
  }

  /** One flow per process that has cases; the diagrams are read as Foothold itself (the /api/audit guard has let only HR in). */
  List<StepFlow> all() {
    Map<String, List<StepPassage>> passages = new LinkedHashMap<>();
    caseFiles.stepPassagesOfCasesAboutSomeone().forEach(step -> passages.computeIfAbsent(step.processKey(), key -> new ArrayList<>()).add(step));
    return system.call(() -> {
      List<StepFlow> flows = new ArrayList<>();
      for (ProcessCases process : caseFiles.casesAboutSomeonePerProcess()) {
        flows.add(flow(process, passages.getOrDefault(process.processKey(), List.of())));
      }
      return flows;
    });
  }

  private StepFlow flow(ProcessCases process, List<StepPassage> passages) {
    ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(process.processKey()).latestVersion()
        .singleResult();
    List<StepFlow.Step> steps = passages.stream().map(step -> AnalyticsCalculator.unlessTooFew(step.cases(),
        () -> new StepFlow.Step(step.activityId(), step.name(), step.type(), step.cases(), AnalyticsCalculator.unlessTooFew(step.timedCases(),
            () -> Statistics.round(step.medianMillis() / MILLIS_PER_HOUR, 1), () -> null), false),
        () -> new StepFlow.Step(step.activityId(), step.name(), step.type(), null, null, true)))
        .sorted(Comparator.comparing(StepFlow.Step::suppressed)).toList();
    return AnalyticsCalculator.unlessTooFew(process.cases(),
        () -> new StepFlow(process.processKey(), newest.getName(), newest.getId(), bpmnXml(newest.getId()), process.cases(), false, steps),
        () -> new StepFlow(process.processKey(), newest.getName(), newest.getId(), bpmnXml(newest.getId()), null, true, List.of()));
  }

  private String bpmnXml(String processDefinitionId) {
    try (InputStream model = repository.getProcessModel(processDefinitionId)) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
