package io.foothold.modelguard;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.springframework.aop.SpringProxy;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a model may touch, in allow-list terms: variables, the beans playbooks contribute, a
 * short list of members of the engine objects ({@code execution}, {@code task}, …: variables and simple facts
 * about the step) and ordinary methods of values. Never the engine's services, its configuration, Spring, class
 * loaders, reflection or the file system, whichever way an expression gets hold of them. Used at run time by
 * {@link GuardedExpressionManager} and at deployment by {@link ModelCheck}.
 */
public final class ModelReach {

  /** The engine objects an expression can name directly. */
  public static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

  /** The functions the engine and Spin offer in expressions. */
  public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups", "S", "JSON", "XML");

  /** Names of the engine's own services and Spring's infrastructure, refused even when no bean of that name exists. */
  static final Set<String> ENGINE_NAMES = Set.of(
      "processEngine", "processEngineConfiguration", "processEngineServices", "runtimeService", "repositoryService",
      "taskService", "historyService", "identityService", "managementService", "authorizationService", "formService",
      "filterService", "externalTaskService", "caseService", "decisionService", "dataSource", "transactionManager",
      "applicationContext", "beanFactory", "environment", "systemProperties", "systemEnvironment");

  /** Members no expression may use on anything: they lead to the engine, to classes or to arbitrary types. */
  private static final Set<String> FORBIDDEN_MEMBERS = Set.of(
      "class", "getClass", "classLoader", "getClassLoader", "forName", "newInstance", "invoke", "getMethod", "getMethods",
      "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getDeclaredFields", "getConstructor", "getDeclaredConstructor",
      "wait", "notify", "notifyAll", "finalize", "clone",
      "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
      "processEngineConfiguration", "getProcessEngineConfiguration",
      "getBean", "beanFactory", "getBeanFactory", "applicationContext", "getApplicationContext",
      // Spin: maps JSON or XML onto any Java class named in the expression
      "mapTo");

  /** Variable access on the engine objects: what models need to read and write the case's facts. */
  private static final Set<String> ENGINE_OBJECT_METHODS = Set.of(
      "getVariable", "getVariableLocal", "getVariableTyped", "getVariableLocalTyped", "getVariables", "getVariablesLocal",
      "getVariablesTyped", "getVariablesLocalTyped", "getVariableNames", "getVariableNamesLocal", "hasVariable",
      "hasVariableLocal", "hasVariables", "hasVariablesLocal", "setVariable", "setVariableLocal", "setVariables",
      "setVariablesLocal", "removeVariable", "removeVariableLocal", "removeVariables", "removeVariablesLocal");

  /** Simple facts about the running step (read only), by property name. */
  private static final Set<String> ENGINE_OBJECT_PROPERTIES = Set.of(
      "variables", "variablesLocal", "variablesTyped", "variablesLocalTyped", "variableNames", "variableNamesLocal",
      "id", "processInstanceId", "processDefinitionId", "businessKey", "processBusinessKey", "currentActivityId",
      "currentActivityName", "activityInstanceId", "parentActivityInstanceId", "currentTransitionId", "eventName",
      "tenantId", "parentId", "name", "description", "assignee", "owner", "priority", "dueDate", "followUpDate",
      "createTime", "taskDefinitionKey", "executionId", "caseInstanceId", "caseExecutionId", "activityId",
      "topicName", "workerId", "retries");

  /** Types whose objects an expression may not use, however it got hold of them. */
  private static final List<String> FORBIDDEN_TYPE_PREFIXES = List.of(
      "java.lang.Class", "java.lang.ClassLoader", "java.lang.Thread", "java.lang.Runtime", "java.lang.Process",
      "java.lang.System", "java.lang.Module", "java.lang.reflect.", "java.lang.invoke.", "java.io.", "java.nio.",
      "java.net.", "java.sql.", "javax.sql.", "javax.script.", "javax.naming.", "javax.management.", "java.security.",
      "jdk.", "sun.", "com.sun.", "org.springframework.", "org.apache.ibatis.", "com.zaxxer.", "org.h2.", "org.postgresql.",
      "jakarta.servlet.", "org.camunda.bpm.engine.", "org.camunda.bpm.dmn.engine.impl.", "org.camunda.bpm.container.",
      "org.camunda.bpm.application.", "org.camunda.bpm.impl.");

  /** Engine types that are plain values (typed variable values). */
  private static final List<String> ENGINE_VALUE_PREFIXES = List.of("org.camunda.bpm.engine.variable.");

  private ModelReach() {
  }

  /** Why an expression may not use this member of this object at run time, or empty when it may. */
  static Optional<String> refusal(Object base, String member, boolean methodCall, int arguments) {
    if (FORBIDDEN_MEMBERS.contains(member)) {
      return Optional.of("expressions may not use '" + member + "'");
    }
    if (isEngineObject(base)) {
      return allowedOnEngineObject(member, methodCall, arguments) ? Optional.empty()
          : Optional.of("expressions may read and write variables of the engine's objects and read simple facts about the step; '"
              + member + "' is neither");
    }
    if (isForbidden(base.getClass())) {
      return Optional.of("expressions may not use objects of type " + base.getClass().getName());
    }
    if (!methodCall && (base instanceof Map || base instanceof List || base.getClass().isArray())) {
      return Optional.empty(); // a key or an index, not a member
    }
    // A method inherited from a forbidden type, or one a Spring proxy adds to a bean (Advised: its advisors, its target).
    Class<?> ownClass = base instanceof SpringProxy ? ClassUtils.getUserClass(base) : base.getClass();
    for (Method method : base.getClass().getMethods()) {
      if (!(methodCall ? method.getName().equals(member) : isGetterOf(method, member))) {
        continue;
      }
      if (isForbidden(method.getDeclaringClass())) {
        return Optional.of("expressions may not use '" + member + "' of " + method.getDeclaringClass().getName());
      }
      if (ownClass != base.getClass() && !ClassUtils.hasMethod(ownClass, method.getName(), method.getParameterTypes())) {
        return Optional.of("'" + member + "' is not a method of the bean " + ownClass.getName());
      }
    }
    return Optional.empty();
  }

  private static boolean isForbidden(Class<?> type) {
    String name = type.getName();
    return FORBIDDEN_TYPE_PREFIXES.stream().anyMatch(name::startsWith) && ENGINE_VALUE_PREFIXES.stream().noneMatch(name::startsWith);
  }

  private static boolean isGetterOf(Method method, String property) {
    if (method.getParameterCount() != 0 || property.isEmpty()) {
      return false;
    }
    String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    return method.getName().equals("get" + capitalized) || method.getName().equals("is" + capitalized);
  }

  /** Why a model may not name this member, judged from the text alone (the object is known only for engine objects). */
  static Optional<String> refusalInText(String member, boolean onEngineObject, boolean methodCall, int arguments) {
    if (FORBIDDEN_MEMBERS.contains(member)) {
      return Optional.of("expressions may not use '" + member + "'");
    }
    if (onEngineObject && !allowedOnEngineObject(member, methodCall, arguments)) {
      return Optional.of("expressions may read and write variables of the engine's objects and read simple facts about the step; '"
          + member + "' is neither");
    }
    return Optional.empty();
  }

  static boolean isEngineObject(Object base) {
    return base instanceof VariableScope || base instanceof ExternalTask;
  }

  private static boolean allowedOnEngineObject(String member, boolean methodCall, int arguments) {
    if (!methodCall) {
      return ENGINE_OBJECT_PROPERTIES.contains(member);
    }
    if (ENGINE_OBJECT_METHODS.contains(member)) {
      return true;
    }
    return arguments == 0 && asProperty(member).map(ENGINE_OBJECT_PROPERTIES::contains).orElse(false);
  }

  /** {@code getDueDate} → {@code dueDate}, {@code isSuspended} → {@code suspended}. */
  private static Optional<String> asProperty(String method) {
    for (String prefix : List.of("get", "is")) {
      if (method.length() > prefix.length() && method.startsWith(prefix) && Character.isUpperCase(method.charAt(prefix.length()))) {
        return Optional.of(Introspector.decapitalize(method.substring(prefix.length())));
      }
    }
    return Optional.empty();
  }
}
