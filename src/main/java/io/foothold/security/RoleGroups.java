package io.foothold.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Foothold's role groups exist as soon as the engine does (idempotent), so whatever puts people in them at
 * start-up (the demo directory, the admin account) finds them without waiting for a turn.
 */
@Component
class RoleGroups extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    ensure(identity, Roles.MANAGERS, "Managers");
    ensure(identity, Roles.HR, "HR");
    ensure(identity, Roles.DESIGNERS, "Playbook designers");
    ensure(identity, Roles.EMPLOYEES, "Employees");
    ensure(identity, Roles.ADMINS, "Administrators");
  }

  private static void ensure(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Roles.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }
}
