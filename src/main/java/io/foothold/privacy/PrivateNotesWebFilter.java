package io.foothold.privacy;

import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.foothold.engine.SystemAccess;
import io.foothold.security.WebappSession;

/**
 * A private note is for the case's manager only, also while the case runs: variable reads through REST or
 * Tasklist (a task's variables and form variables, an instance's variables, variable-instance lists) drop
 * private notes for anyone else — for example HR working a referral task of the same case.
 */
class PrivateNotesWebFilter extends OncePerRequestFilter {

  private static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(variables|form-variables|localVariables)(/([^/]+))?(/data)?$");
  private static final Pattern INSTANCE = Pattern.compile(".*/(process-instance|execution)/([^/]+)/(variables|localVariables)(/([^/]+))?(/data)?$");
  private static final Pattern VARIABLE_INSTANCES = Pattern.compile(".*/variable-instance$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SystemAccess system;
  private final IdentityService identity;

  PrivateNotesWebFilter(SystemAccess system, IdentityService identity) {
    this.system = system;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    // History holds only a placeholder ("a note exists"), which HR may see; runtime reads hold the note itself.
    return !"GET".equals(request.getMethod()) || uri.contains("/history/")
        || !(TASK.matcher(uri).matches() || INSTANCE.matcher(uri).matches() || VARIABLE_INSTANCES.matcher(uri).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    String user = WebappSession.signedInUser(request, identity);
    String instanceId = instanceOf(uri);
    String single = singleVariableOf(uri);
    if (single != null && PrivateNotes.isPrivate(single) && !isManager(user, instanceId)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "A private note is for the case's manager only");
      return;
    }
    var wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() != HttpServletResponse.SC_OK || body.length == 0 || single != null) {
      wrapper.copyBodyToResponse();
      return;
    }
    JsonNode json = JSON.readTree(body);
    boolean changed = json instanceof ObjectNode variables ? dropNotes(variables, user, instanceId)
        : json instanceof ArrayNode list && dropNotes(list, user);
    if (!changed) {
      wrapper.copyBodyToResponse();
      return;
    }
    byte[] out = JSON.writeValueAsBytes(json);
    wrapper.resetBuffer();
    response.setContentLength(out.length);
    response.getOutputStream().write(out);
  }

  private boolean dropNotes(ObjectNode variables, String user, String instanceId) {
    boolean hasNotes = false;
    for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
      hasNotes |= PrivateNotes.isPrivate(names.next());
    }
    if (!hasNotes || isManager(user, instanceId)) {
      return false;
    }
    variables.properties().removeIf(entry -> PrivateNotes.isPrivate(entry.getKey()));
    return true;
  }

  private boolean dropNotes(ArrayNode variableInstances, String user) {
    boolean changed = false;
    for (Iterator<JsonNode> items = variableInstances.elements(); items.hasNext();) {
      JsonNode item = items.next();
      if (PrivateNotes.isPrivate(item.path("name").asText(null)) && !isManager(user, item.path("processInstanceId").asText(null))) {
        items.remove();
        changed = true;
      }
    }
    return changed;
  }

  /** Is this user the manager of the case (the root instance) that this instance belongs to? */
  private boolean isManager(String user, String instanceId) {
    if (user == null || instanceId == null) {
      return false;
    }
    return system.call(() -> {
      var runtime = system.engine().getRuntimeService();
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      if (instance == null) {
        var execution = runtime.createExecutionQuery().executionId(instanceId).singleResult();
        instance = execution == null ? null : runtime.createProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
      }
      if (instance == null) {
        return false;
      }
      String root = instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : instance.getId();
      return Objects.equals(user, runtime.getVariable(root, "managerId"));
    });
  }

  private String instanceOf(String uri) {
    Matcher task = TASK.matcher(uri);
    if (task.matches()) {
      return system.call(() -> {
        Task found = system.engine().getTaskService().createTaskQuery().taskId(task.group(1)).singleResult();
        return found == null ? null : found.getProcessInstanceId();
      });
    }
    Matcher instance = INSTANCE.matcher(uri);
    return instance.matches() ? instance.group(2) : null;
  }

  private static String singleVariableOf(String uri) {
    Matcher task = TASK.matcher(uri);
    if (task.matches()) {
      return task.group(4);
    }
    Matcher instance = INSTANCE.matcher(uri);
    return instance.matches() ? instance.group(5) : null;
  }
}
