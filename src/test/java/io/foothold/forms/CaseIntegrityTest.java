package io.foothold.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdSpringTest;

/**
 * Generated over every form step of every playbook in processes/ and forms/: the person whose step it is submits
 * valid form data plus one case fact or other variable the form does not declare, and is refused with a 400 naming
 * it, while every variable of the case reads back unchanged and the step stays open. A read-only field sent back
 * changed is refused too. The same data without the extra is not refused for its names.
 */
@FootholdSpringTest
class CaseIntegrityTest {

  /** What Foothold, its listeners and decisions write about a case; no person's form may. */
  static final List<String> CASE_FACTS = List.of("managerId", "employeeId", "employeeName", "caseOutcome", "escalated",
      "dailyAssignee", "checkInCount", "gateDecision", "seriousSignalSource", "loopStep", "microLoopDaysShipped",
      "escalationEmployee", "escalationManager", "escalationSignal");

  /** What the steps' listeners and assignments need to be reached directly, as a case that got there would have. */
  static final Map<String, Object> CASE_SO_FAR = Map.ofEntries(Map.entry("managerId", "maya"),
      Map.entry("employeeId", "lea"), Map.entry("employeeName", "Lea Brandt"), Map.entry("dailyAssignee", "lea"),
      Map.entry("microAction", "Send one short status note"), Map.entry("actionMinutes", 5), Map.entry("loopWeeks", 1),
      Map.entry("checkInCount", 0), Map.entry("trackedWeeks", 0), Map.entry("smallWinDays", 3),
      Map.entry("gateCriterion", "withdrawal-persists"), Map.entry("gateReason", "Withdrawal has persisted for weeks"));

  static final Path PLAYBOOKS = Path.of(".");

  @Autowired TestRestTemplate web;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  @TestFactory
  Stream<DynamicTest> everyUserTaskTakesOnlyItsFormsFields() throws IOException {
    return models().flatMap(model -> model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getCamundaFormRef() != null)
        .map(task -> DynamicTest.dynamicTest(processOf(task) + "/" + task.getId() + " (" + task.getCamundaFormRef() + ")",
            () -> userTaskIsGuarded(processOf(task), task.getId()))));
  }

  @TestFactory
  Stream<DynamicTest> everyStartFormTakesOnlyItsFields() throws IOException {
    return models().flatMap(model -> model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getCamundaFormRef() != null && start.getParentElement() instanceof Process)
        .map(start -> DynamicTest.dynamicTest(processOf(start) + " (" + start.getCamundaFormRef() + ")",
            () -> startFormIsGuarded(processOf(start)))));
  }

  @Test
  void noFormLetsAPersonWriteACaseFact() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(PLAYBOOKS.resolve("forms"))) {
      for (Path file : files.flatMap(CaseIntegrityTest::formsIn).toList()) {
        FormSchema form = new FormSchemaParser().parse(Files.readString(file));
        for (FormField field : form.fields()) {
          boolean chosenAtStartFromOwnReports = "employeeId".equals(field.key()) && "my-reports".equals(field.optionsSource());
          if (!field.readonly() && CASE_FACTS.contains(field.key()) && !chosenAtStartFromOwnReports) {
            offending.add(file + ": " + field.key());
          }
        }
      }
    }
    assertThat(offending).as("case facts are written by Foothold, never typed into a form").isEmpty();
  }

  private void userTaskIsGuarded(String processKey, String taskKey) throws IOException {
    ProcessInstance instance = openAsMaya(processKey);
    runtime.setVariables(instance.getId(), CASE_SO_FAR); // as the earlier steps would have left it
    moveTo(instance.getId(), taskKey);
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("%s reached directly", taskKey).isNotNull();
    String person = task.getAssignee() != null ? task.getAssignee() : "hana";
    EngineRest rest = EngineRest.as(web, person);
    FormSchema form = parse(forms.getDeployedTaskForm(task.getId()));
    DeclaredForm declared = DeclaredForm.of(form);
    Map<String, Object> valid = validData(form);
    Map<String, String> before = snapshot(task);

    Set<String> extras = new TreeSet<>(CASE_FACTS);
    extras.addAll(before.keySet());
    extras.removeAll(declared.all());
    assertThat(extras).as("facts to try on %s", taskKey).contains("managerId");
    for (String extra : extras) {
      ResponseEntity<String> response = rest.submitTaskForm(task.getId(), with(valid, extra, "hana"));
      assertRefusedNaming(response, extra, form);
    }
    for (String readonly : declared.readonly()) {
      ResponseEntity<String> response = rest.submitTaskForm(task.getId(), with(valid, readonly, "changed by " + person));
      assertThat(response.getStatusCode().value()).as("%s changed read-only %s: %s", person, readonly, response.getBody())
          .isEqualTo(400);
      assertThat(response.getBody()).contains("'" + readonly + "'").contains("reading only");
    }

    assertThat(snapshot(task)).as("every variable of the case after the refused submissions").isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the step is still open").isOne();

    ResponseEntity<String> control = rest.submitTaskForm(task.getId(), withReadonlyAsShown(valid, declared, task));
    assertNotRefusedForItsNames(control);
    runtime.deleteProcessInstanceIfExists(instance.getId(), "integrity test", true, true, true, true);
  }

  private void startFormIsGuarded(String processKey) throws IOException {
    FormSchema form = parse(forms.getDeployedStartForm(latest(processKey)));
    Map<String, Object> valid = validData(form);
    EngineRest maya = EngineRest.as(web, "maya");
    long cases = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count();

    Set<String> extras = new TreeSet<>(CASE_FACTS);
    extras.removeAll(DeclaredForm.of(form).all());
    for (String extra : extras) {
      assertRefusedNaming(maya.submitStartForm(processKey, with(valid, extra, "hana")), extra, form);
      assertRefusedNaming(maya.post("/process-definition/key/" + processKey + "/start",
          Map.of("variables", EngineRest.typed(with(valid, extra, "hana")))), extra, form);
    }

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count())
        .as("no case was opened").isEqualTo(cases);
    assertNotRefusedForItsNames(maya.submitStartForm(processKey, valid));
  }

  /** Maya opens the case through its start form, as in Tasklist; what follows is set up as the engine itself. */
  private ProcessInstance openAsMaya(String processKey) {
    identity.setAuthentication("maya", List.of("managers"));
    try {
      return runtime.startProcessInstanceByKey(processKey, validData(parse(forms.getDeployedStartForm(latest(processKey)))));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Where a case would stand after its earlier steps: the step started, whatever the case waited in cancelled. */
  private void moveTo(String instanceId, String taskKey) {
    ProcessInstanceModificationBuilder move = runtime.createProcessInstanceModification(instanceId).startBeforeActivity(taskKey);
    for (ActivityInstance waiting : runtime.getActivityInstance(instanceId).getChildActivityInstances()) {
      move.cancelActivityInstance(waiting.getId());
    }
    move.execute();
  }

  private String latest(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult().getId();
  }

  private static void assertRefusedNaming(ResponseEntity<String> response, String extra, FormSchema form) {
    assertThat(response.getStatusCode().value()).as("with %s: %s", extra, response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains("'" + extra + "'")
        .contains("of the form \\\"" + form.displayTitle() + "\\\"");
  }

  private static void assertNotRefusedForItsNames(ResponseEntity<String> response) {
    assertThat(response.getBody() == null ? "" : response.getBody()).as("the form's own fields are accepted")
        .doesNotContain("not a field").doesNotContain("are not fields").doesNotContain("reading only");
  }

  /** Every variable the step can see (the case's and the task's own), as text. */
  private Map<String, String> snapshot(Task task) {
    Map<String, String> values = new TreeMap<>();
    runtime.getVariables(task.getExecutionId()).forEach((name, value) -> values.put(name, String.valueOf(value)));
    tasks.getVariablesLocal(task.getId()).forEach((name, value) -> values.put(name, String.valueOf(value)));
    return values;
  }

  private Map<String, Object> withReadonlyAsShown(Map<String, Object> valid, DeclaredForm declared, Task task) {
    Map<String, Object> submitted = new LinkedHashMap<>(valid);
    for (String readonly : declared.readonly()) {
      Object shown = tasks.getVariable(task.getId(), readonly);
      if (shown != null) {
        submitted.put(readonly, shown);
      }
    }
    return submitted;
  }

  /** Answers a person could give: the first option, the smallest number allowed, text long enough, today's date. */
  private static Map<String, Object> validData(FormSchema form) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      if (field.readonly() || field.repeatedIn() != null || field.key().contains(".")) {
        continue;
      }
      Object value = switch (field.type()) {
        case "checkbox" -> false;
        case "checklist" -> field.optionValues() == null || field.optionValues().isEmpty() ? List.of()
            : List.of(field.optionValues().get(0));
        case "radio", "select" -> option(field);
        case "number" -> field.rules().min() != null ? field.rules().min().intValue() : 1;
        case "datetime" -> LocalDate.now().toString();
        default -> text(field);
      };
      if (value != null) {
        data.put(field.key(), value);
      }
    }
    return data;
  }

  private static Object option(FormField field) {
    if ("my-reports".equals(field.optionsSource())) {
      return "lea";
    }
    return field.optionValues() == null || field.optionValues().isEmpty() ? null : field.optionValues().get(0);
  }

  private static String text(FormField field) {
    String text = "Noted calmly at the weekly one-to-one, with dates.";
    int min = field.rules().minLength() == null ? 0 : field.rules().minLength();
    while (text.length() < min) {
      text = text + " " + text;
    }
    int max = field.rules().maxLength() == null ? text.length() : field.rules().maxLength();
    return text.substring(0, Math.min(text.length(), max));
  }

  private static Map<String, Object> with(Map<String, Object> valid, String name, Object value) {
    Map<String, Object> submitted = new LinkedHashMap<>(valid);
    submitted.put(name, value);
    return submitted;
  }

  private static FormSchema parse(InputStream deployed) {
    return new FormSchemaParser().parse(deployed);
  }

  private static Stream<BpmnModelInstance> models() throws IOException {
    try (Stream<Path> folders = Files.list(PLAYBOOKS.resolve("processes"))) {
      List<BpmnModelInstance> models = new ArrayList<>();
      for (Path folder : folders.sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          files.filter(file -> file.toString().endsWith(".bpmn")).sorted()
              .forEach(file -> models.add(Bpmn.readModelFromFile(file.toFile())));
        }
      }
      return models.stream();
    }
  }

  private static Stream<Path> formsIn(Path folder) {
    File[] files = folder.toFile().listFiles((dir, name) -> name.endsWith(".form"));
    return files == null ? Stream.empty() : Stream.of(files).map(File::toPath).sorted();
  }

  private static String processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return ((Process) parent).getId();
  }

  /** The variable names a form declares, editable and read-only, as the guard reads them. */
  private record DeclaredForm(Set<String> all, Set<String> readonly) {

    static DeclaredForm of(FormSchema form) {
      Set<String> all = new TreeSet<>();
      Set<String> editable = new TreeSet<>();
      Set<String> readonly = new TreeSet<>();
      for (FormField field : form.fields()) {
        String name = (field.repeatedIn() != null ? field.repeatedIn() : field.key()).split("\\.")[0];
        all.add(name);
        (field.readonly() && field.repeatedIn() == null ? readonly : editable).add(name);
      }
      readonly.removeAll(editable);
      return new DeclaredForm(all, readonly);
    }
  }
}
