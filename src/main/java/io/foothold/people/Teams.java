package io.foothold.people;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.foothold.engine.SystemAccess;

/**
 * Who reports to whom. A manager's reports are the members of the group "team&lt;Manager&gt;" (e.g. teamMaya) in the
 * engine's identity store, so administrators maintain teams in Camunda Admin and production directories
 * (LDAP plugin) can supply the same groups.
 */
@Component
public class Teams {

  static final String TEAM_PREFIX = "team";
  static final String TEAM_GROUP_TYPE = "TEAM";

  private final SystemAccess system;

  public Teams(SystemAccess system) {
    this.system = system;
  }

  /** Group ids must be plain letters and digits (Camunda's resource id rule), so "maya" leads "teamMaya". */
  public static String teamOf(String managerId) {
    return TEAM_PREFIX + Character.toUpperCase(managerId.charAt(0)) + managerId.substring(1);
  }

  /** The people who report to this manager, by display name; empty for anyone who manages nobody. */
  public List<User> reportsOf(String managerId) {
    if (managerId == null) {
      return List.of();
    }
    return system.call(() -> identity().createUserQuery().memberOfGroup(teamOf(managerId)).orderByUserFirstName().asc().list()
        .stream().filter(user -> !user.getId().equals(managerId)).toList());
  }

  public boolean isReportOf(String employeeId, String managerId) {
    return reportsOf(managerId).stream().anyMatch(user -> user.getId().equals(employeeId));
  }

  public Optional<String> displayName(String userId) {
    return Optional.ofNullable(system.call(() -> identity().createUserQuery().userId(userId).singleResult()))
        .map(Teams::displayName);
  }

  public static String displayName(User user) {
    return (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
  }

  void ensureTeam(String managerId, String name, List<String> reports) {
    IdentityService identity = identity();
    String groupId = teamOf(managerId);
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(TEAM_GROUP_TYPE);
      identity.saveGroup(group);
    }
    for (String report : reports) {
      if (identity.createUserQuery().userId(report).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(report, groupId);
      }
    }
  }

  private IdentityService identity() {
    return system.engine().getIdentityService();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
