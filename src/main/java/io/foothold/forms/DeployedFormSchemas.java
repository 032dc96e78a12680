package io.foothold.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * Finds the deployed Camunda Form of a task or start event and parses it once: a deployed
 * resource never changes, so deployment id + resource name is a safe cache key (least recently
 * used forms drop out past {@link #MAX_CACHED}). Which form a task has is looked up once per command
 * ({@link TaskFormsOfThisCommand}): the guard and the enforcement of one completion both ask.
 */
final class DeployedFormSchemas {

  private static final String CAMUNDA_FORMS = "camunda-forms:";
  private static final String DEPLOYMENT = "deployment:";
  static final int MAX_CACHED = 500;

  private final FormSchemaParser parser = new FormSchemaParser();
  /** In access order, least recently used dropped first: endless redeployments cannot grow it without end. */
  private final Map<String, DeployedForm> parsed = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DeployedForm> eldest) {
      return size() > MAX_CACHED;
    }
  };

  /**
   * A parsed form and the variables validating it can read ({@code null}: cannot be told, read them all),
   * worked out once per deployed form.
   */
  record DeployedForm(FormSchema schema, Set<String> variableNames) {
  }

  /** The task's Camunda Form, or {@code null} when it has none (no form, or another kind). */
  DeployedForm forTask(String taskId, CommandContext context) {
    TaskFormsOfThisCommand seen = context.getSession(TaskFormsOfThisCommand.class);
    Optional<DeployedForm> known = seen.forms.get(taskId);
    if (known == null) {
      // The submitting user may lack READ on the form or deployment; enforcing must not depend on it.
      known = Optional.ofNullable(context.runWithoutAuthorization(() -> find(
          context.getProcessEngineConfiguration().getFormService().getTaskFormData(taskId), context)));
      seen.forms.put(taskId, known);
    }
    return known.orElse(null);
  }

  /** The process definition's Camunda start form, or {@code null} when it has none. */
  DeployedForm forStart(String processDefinitionId, CommandContext context) {
    return context.runWithoutAuthorization(() -> find(
        context.getProcessEngineConfiguration().getFormService()
            .getStartFormData(processDefinitionId), context));
  }

  private DeployedForm find(FormData formData, CommandContext context) {
    FormResource resource = locate(formData, context);
    if (resource == null) {
      return null;
    }
    DeployedForm form;
    synchronized (parsed) {
      form = parsed.get(resource.cacheKey());
    }
    if (form == null) {
      FormSchema schema;
      try (InputStream json = new GetDeploymentResourceCmd(
          resource.deploymentId(), resource.resourceName()).execute(context)) {
        schema = parser.parse(json);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read form " + resource.resourceName(), e);
      }
      form = new DeployedForm(schema, FormVariableNames.of(schema).orElse(null));
      synchronized (parsed) {
        parsed.put(resource.cacheKey(), form);
      }
    }
    return form;
  }

  private static FormResource locate(FormData formData, CommandContext context) {
    if (formData == null) {
      return null;
    }
    if (formData.getCamundaFormRef() != null) {
      CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(
          formData.getCamundaFormRef(), formData.getDeploymentId()).execute(context);
      if (definition == null) {
        // Refuse rather than let an unchecked submission through.
        throw new NotFoundException("Camunda Form " + formData.getCamundaFormRef()
            + " is not deployed, so the submission cannot be checked");
      }
      return new FormResource(definition.getDeploymentId(), definition.getResourceName());
    }
    String formKey = formData.getFormKey();
    if (formKey != null && formKey.startsWith(CAMUNDA_FORMS + DEPLOYMENT)) {
      return new FormResource(formData.getDeploymentId(),
          formKey.substring((CAMUNDA_FORMS + DEPLOYMENT).length()));
    }
    return null; // embedded/generated/app forms: not a deployed Camunda Form
  }

  private record FormResource(String deploymentId, String resourceName) {

    String cacheKey() {
      return deploymentId + '\n' + resourceName;
    }
  }

  /**
   * The forms of the tasks one command has looked up, task id to form (empty: none). A form binding such as
   * {@code latest} is resolved in the database each time (another node may have deployed a newer form), so this
   * lives no longer than the command; within it, nothing deploys.
   */
  static final class TaskFormsOfThisCommand implements Session {

    private final Map<String, Optional<DeployedForm>> forms = new HashMap<>();

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Registered by {@link FormEnforcementEnginePlugin}. */
    static final class Factory implements SessionFactory {

      @Override
      public Class<?> getSessionType() {
        return TaskFormsOfThisCommand.class;
      }

      @Override
      public Session openSession() {
        return new TaskFormsOfThisCommand();
      }
    }
  }
}
