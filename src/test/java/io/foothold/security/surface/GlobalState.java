package io.foothold.security.surface;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the run may leave behind in the application context every Spring test shares: deployments, cases, tasks,
 * filters, grants, people, groups, tenants and batches created by requests that were (rightly or wrongly) allowed,
 * and definitions or job definitions suspended. {@link #restore} puts the shared state back as it was, so later test
 * classes meet the context they expect; what it had to undo is printed.
 */
record GlobalState(Set<String> deployments, Set<String> instances, Set<String> tasks, Set<String> filters, Set<String> authorizations,
    Set<String> users, Set<String> groups, Set<String> tenants, Set<String> batches, Set<String> suspendedDefinitions,
    Set<String> suspendedJobDefinitions) {

  static GlobalState take(RestSurfaceTest test) {
    var jdbc = test.jdbc;
    return new GlobalState(ids(jdbc, "select ID_ from ACT_RE_DEPLOYMENT"), ids(jdbc, "select ID_ from ACT_RU_EXECUTION where PARENT_ID_ is null"),
        ids(jdbc, "select ID_ from ACT_RU_TASK"), ids(jdbc, "select ID_ from ACT_RU_FILTER"), ids(jdbc, "select ID_ from ACT_RU_AUTHORIZATION"),
        ids(jdbc, "select ID_ from ACT_ID_USER"), ids(jdbc, "select ID_ from ACT_ID_GROUP"), ids(jdbc, "select ID_ from ACT_ID_TENANT"),
        ids(jdbc, "select ID_ from ACT_RU_BATCH"), ids(jdbc, "select ID_ from ACT_RE_PROCDEF where SUSPENSION_STATE_ = 2"),
        ids(jdbc, "select ID_ from ACT_RU_JOBDEF where SUSPENSION_STATE_ = 2"));
  }

  void restore(GlobalState before, RestSurfaceTest test) {
    StringBuilder undone = new StringBuilder();
    for (String id : added(before.instances(), instances())) {
      if (test.runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        test.runtime.deleteProcessInstance(id, "left behind by RestSurfaceTest", true, true);
        undone.append(" case ").append(id);
      }
    }
    for (String id : added(before.deployments(), deployments())) {
      test.repository.deleteDeployment(id, true, true, true);
      undone.append(" deployment ").append(id);
    }
    for (String id : added(before.tasks(), tasks())) {
      if (test.tasks.createTaskQuery().taskId(id).count() > 0 && test.tasks.createTaskQuery().taskId(id).singleResult().getProcessInstanceId() == null) {
        test.tasks.deleteTask(id, true);
        undone.append(" task ").append(id);
      }
    }
    added(before.filters(), filters()).forEach(id -> {
      test.filters.deleteFilter(id);
      undone.append(" filter ").append(id);
    });
    added(before.authorizations(), authorizations()).forEach(id -> {
      if (test.authorizations.createAuthorizationQuery().authorizationId(id).count() > 0) {
        test.authorizations.deleteAuthorization(id);
      }
    });
    added(before.users(), users()).forEach(id -> {
      test.identity.deleteUser(id);
      undone.append(" user ").append(id);
    });
    added(before.groups(), groups()).forEach(id -> {
      test.identity.deleteGroup(id);
      undone.append(" group ").append(id);
    });
    added(before.tenants(), tenants()).forEach(id -> {
      test.identity.deleteTenant(id);
      undone.append(" tenant ").append(id);
    });
    added(before.batches(), batches()).forEach(id -> {
      test.management.deleteBatch(id, true);
      undone.append(" batch ").append(id);
    });
    added(before.suspendedDefinitions(), suspendedDefinitions()).forEach(id -> {
      test.repository.activateProcessDefinitionById(id, true, null);
      undone.append(" suspended definition ").append(id);
    });
    added(before.suspendedJobDefinitions(), suspendedJobDefinitions()).forEach(id -> {
      test.management.activateJobDefinitionById(id, true);
      undone.append(" suspended job definition ").append(id);
    });
    System.out.println("Shared state restored after the run:" + (undone.length() == 0 ? " nothing to undo" : undone));
  }

  private static List<String> added(Set<String> before, Set<String> after) {
    return after.stream().filter(id -> !before.contains(id)).sorted().toList();
  }

  private static Set<String> ids(JdbcTemplate jdbc, String sql) {
    return new HashSet<>(jdbc.queryForList(sql, String.class)).stream().collect(Collectors.toSet());
  }
}
