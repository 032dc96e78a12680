package io.foothold.security.surface;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

import io.foothold.support.EngineRest;
import io.foothold.support.RecoveryArcForms;

/**
 * Maya's recovery-arc case for Lea, opened and walked through REST as maya does it in Tasklist, up to "Confirm the
 * small win" (an open task with an overdue timer): text answers carrying a unique marker, a private debrief note
 * carrying a secret, a comment, an attachment and an incident. {@link #ids} holds the real ids of everything in it,
 * by kind, to fill the path and body parameters of every request.
 */
final class MayasCase {

  /** Kinds whose ids belong to this case alone: seeing one in an answer reveals the case. */
  static final Set<String> PRIVATE_KINDS = Set.of("processInstance", "execution", "task", "variable", "historicVariable",
      "historicDetail", "historicActivityInstance", "decisionInstance", "job", "jobLog", "incident", "comment",
      "attachment", "operation", "authorization");

  /** Kinds every case shares (models, directory): legitimately visible to designers or everyone. */
  static final Set<String> SHARED_KINDS = Set.of("processDefinition", "processKey", "deployment", "deploymentResource",
      "decisionDefinition", "decisionKey", "jobDefinition", "filter", "group", "user", "variableName", "playbook");

  final String marker;
  final String secret;
  final String processInstanceId;
  final Map<String, List<String>> ids = new LinkedHashMap<>();

  private MayasCase(String marker, String secret, String processInstanceId) {
    this.marker = marker;
    this.secret = secret;
    this.processInstanceId = processInstanceId;
  }

  record Engine(RuntimeService runtime, TaskService tasks, HistoryService history, ManagementService management,
      RepositoryService repository, AuthorizationService authorizations, FilterService filters) {
  }

  static MayasCase open(EngineRest maya, Engine engine, String marker, String secret) {
    Map<String, Object> opening = RecoveryArcForms.openCase("lea");
    opening.put("incidentSummary", "The client demo stalled on stage " + marker);
    String caseId = maya.startCase("RecoveryArc", opening);

    Map<String, Object> debrief = RecoveryArcForms.calmDebrief();
    debrief.put("debriefWhatHappened", "The import ran against an empty table " + marker);
    debrief.put("privateNoteDebrief", secret);
    maya.completeTask(caseId, "Task_CalmDebrief", debrief);
    Map<String, Object> supports = RecoveryArcForms.chooseSupports();
    supports.put("supportNotes", "Keep corrections private " + marker);
    maya.completeTask(caseId, "Task_ChooseSupports", supports);
    Map<String, Object> smallWin = RecoveryArcForms.planSmallWin();
    smallWin.put("smallWinDescription", "Run the import dry-run " + marker);
    maya.completeTask(caseId, "Task_PlanSmallWin", smallWin);

    MayasCase mayas = new MayasCase(marker, secret, caseId);
    mayas.plantExtras(engine);
    mayas.collectIds(engine);
    return mayas;
  }

  /** What people and the engine add around a case besides form answers (as the system, like Tasklist's own calls would). */
  private void plantExtras(Engine engine) {
    Task task = openTask(engine);
    engine.tasks().createComment(task.getId(), processInstanceId, "Lea asked to rehearse first " + marker);
    engine.tasks().createAttachment("text/plain", task.getId(), processInstanceId, "rehearsal-notes-" + marker,
        "Rehearsal notes " + marker, new ByteArrayInputStream(("Rehearsal notes " + marker).getBytes(StandardCharsets.UTF_8)));
    engine.runtime().createIncident("surfaceProbe", task.getExecutionId(), "probe", "Reminder failed " + marker);
  }

  private Task openTask(Engine engine) {
    return engine.tasks().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ConfirmSmallWin").singleResult();
  }

  private void collectIds(Engine engine) {
    Task task = openTask(engine);
    put("processInstance", processInstanceId);
    put("task", task.getId());
    put("execution", task.getExecutionId());
    // The private note first: every request that names a variable tries the note, then an ordinary fact.
    for (String name : List.of("privateNoteDebrief", "incidentSummary")) {
      put("variableName", name);
      VariableInstance variable = engine.runtime().createVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableName(name).singleResult();
      put("variable", variable == null ? null : variable.getId());
      HistoricVariableInstance historic = engine.history().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
          .variableName(name).singleResult();
      put("historicVariable", historic == null ? null : historic.getId());
      if (historic != null) {
        HistoricDetail detail = engine.history().createHistoricDetailQuery().variableInstanceId(historic.getId()).list().stream().findFirst().orElse(null);
        put("historicDetail", detail == null ? null : detail.getId());
      }
    }
    put("historicActivityInstance", engine.history().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId("Task_CalmDebrief").singleResult().getId());
    engine.history().createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(decision -> {
          put("decisionInstance", decision.getId());
          put("decisionDefinition", decision.getDecisionDefinitionId());
          put("decisionKey", decision.getDecisionDefinitionKey());
        });
    Job job = engine.management().createJobQuery().processInstanceId(processInstanceId).list().stream().findFirst().orElse(null);
    if (job != null) {
      put("job", job.getId());
      put("jobDefinition", job.getJobDefinitionId());
      engine.history().createHistoricJobLogQuery().jobId(job.getId()).list().forEach(log -> put("jobLog", log.getId()));
    }
    engine.runtime().createIncidentQuery().processInstanceId(processInstanceId).list().forEach(incident -> put("incident", incident.getId()));
    engine.tasks().getProcessInstanceComments(processInstanceId).forEach(comment -> put("comment", comment.getId()));
    engine.tasks().getProcessInstanceAttachments(processInstanceId).forEach(attachment -> put("attachment", attachment.getId()));
    engine.history().createUserOperationLogQuery().processInstanceId(processInstanceId).list()
        .forEach(entry -> put("operation", entry.getOperationId()));
    engine.authorizations().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
        .forEach(authorization -> put("authorization", authorization.getId()));

    var definition = engine.repository().getProcessDefinition(task.getProcessDefinitionId());
    put("processDefinition", definition.getId());
    put("processKey", definition.getKey());
    put("deployment", definition.getDeploymentId());
    put("deploymentResource", engine.repository().getDeploymentResources(definition.getDeploymentId()).stream()
        .filter(resource -> resource.getName().endsWith(".bpmn")).findFirst().orElseThrow().getId());
    engine.filters().createFilterQuery().filterName("My cases").list().forEach(filter -> put("filter", filter.getId()));
    put("group", "teamMaya");
    put("user", "maya");
    put("user", "lea");
    put("playbook", "recovery-arc");
  }

  private void put(String kind, String id) {
    if (id != null) {
      List<String> values = ids.computeIfAbsent(kind, k -> new ArrayList<>());
      if (!values.contains(id) || kind.equals("variableName")) {
        values.add(id);
      }
    }
  }

  /** Every id of this case that reveals it when it appears in an answer. */
  Set<String> privateIds() {
    Set<String> all = new LinkedHashSet<>();
    ids.forEach((kind, values) -> {
      if (PRIVATE_KINDS.contains(kind)) {
        all.addAll(values);
      }
    });
    return all;
  }

  /** The kinds a complete case must have: a missing one means the harness would probe with made-up ids. */
  static List<String> expectedKinds() {
    List<String> kinds = new ArrayList<>(PRIVATE_KINDS);
    kinds.addAll(SHARED_KINDS);
    return kinds;
  }

  /** All ids known for this case, for looking up a kind's first value. */
  String first(String kind) {
    List<String> values = ids.get(kind);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> all(String kind) {
    return ids.getOrDefault(kind, List.of());
  }
}
