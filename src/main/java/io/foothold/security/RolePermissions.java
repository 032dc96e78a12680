package io.foothold.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.foothold.engine.events.PlaybooksDeployed;

/**
 * What each role may do, written once and applied at every start-up (idempotent; the groups themselves are
 * {@link RoleGroups}). Managers start playbooks and see only the cases they started (per-case grants, see cases/);
 * HR reads the history of every case; designers deploy and read definitions but no case data.
 */
@Component
class RolePermissions implements ApplicationRunner {

  private final Grants grants;

  RolePermissions(AuthorizationService authorizations) {
    this.grants = new Grants(authorizations);
  }

  /**
   * Managers may start what a playbook offers to start in Tasklist, as soon as it is deployed: at start-up, and when
   * a designer's save brings a new startable process live (else managers could not start it until the next
   * restart). Only playbooks' processes: a model deployed any other way is not offered to managers.
   */
  @EventListener
  void managersStartWhatPlaybooksOffer(PlaybooksDeployed deployed) {
    for (String processKey : deployed.startableProcesses()) {
      grants.toGroup(Roles.MANAGERS, PROCESS_DEFINITION, processKey, READ, CREATE_INSTANCE);
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    grants.toGroup(Roles.MANAGERS, APPLICATION, "tasklist", ACCESS);
    grants.toGroup(Roles.MANAGERS, PROCESS_INSTANCE, "*", CREATE);
    grants.toGroup(Roles.MANAGERS, USER, "*", READ);

    grants.toGroup(Roles.HR, APPLICATION, "tasklist", ACCESS);
    // No Cockpit for HR: Cockpit shows runtime only, and HR reads history, not runtime, so Cockpit told HR that
    // open cases "had been completed". Giving HR runtime reads instead would open every live case's variables to
    // HR through REST too. HR's pages show where an open case is (the step it is in now, on its diagram).
    grants.revokeFromGroup(Roles.HR, APPLICATION, "cockpit", ACCESS);
    grants.toGroup(Roles.HR, USER, "*", READ);
    grants.toGroup(Roles.HR, PROCESS_DEFINITION, "*", READ, READ_HISTORY);
    grants.toGroup(Roles.HR, DECISION_DEFINITION, "*", READ, READ_HISTORY);
    grants.toGroup(Roles.HR, DECISION_REQUIREMENTS_DEFINITION, "*", READ);
    grants.toGroup(Roles.HR, HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grants.toGroup(Roles.HR, HISTORIC_TASK, "*", HistoricTaskPermissions.READ);

    // Designers deploy and inspect models; no READ_INSTANCE / READ_HISTORY, so no case data.
    grants.toGroup(Roles.DESIGNERS, APPLICATION, "cockpit", ACCESS);
    // Tasklist is where everyone signs in: a designer lands there (no tasks, no case data) instead of being told
    // "wrong credentials", and finds the playbook console from there.
    grants.toGroup(Roles.DESIGNERS, APPLICATION, "tasklist", ACCESS);
    grants.toGroup(Roles.DESIGNERS, DEPLOYMENT, "*", CREATE, READ, DELETE);
    grants.toGroup(Roles.DESIGNERS, PROCESS_DEFINITION, "*", READ);
    grants.toGroup(Roles.DESIGNERS, DECISION_DEFINITION, "*", READ);
    grants.toGroup(Roles.DESIGNERS, DECISION_REQUIREMENTS_DEFINITION, "*", READ);

    grants.toGroup(Roles.EMPLOYEES, APPLICATION, "tasklist", ACCESS);

    for (Resources resource : Resources.values()) {
      grants.toGroup(Roles.ADMINS, resource, "*", ALL);
    }
  }
}
