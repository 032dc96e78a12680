package io.foothold.overview;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.foothold.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/my/cases: the signed-in manager's cases (Tasklist session or HTTP Basic, see security.ApiAuthentication).
 * Anyone else gets 403 with a sentence and a link to where their own work is, which the overview page shows.
 */
@RestController
@Tag(name = "Manager's case overview", description = "A manager's own open and closed cases and where each stands")
class MyCasesController {

  private final ManagerCases cases;
  private final IdentityService identity;

  MyCasesController(ManagerCases cases, IdentityService identity) {
    this.cases = cases;
    this.identity = identity;
  }

  @GetMapping("/api/my/cases")
  @Operation(summary = "The signed-in manager's open cases (most urgent first) and latest closed cases")
  ResponseEntity<?> myCases() {
    var signedIn = identity.getCurrentAuthentication();
    List<String> groups = signedIn == null || signedIn.getGroupIds() == null ? List.of() : signedIn.getGroupIds();
    if (signedIn == null || !groups.contains(Roles.MANAGERS)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Elsewhere.forGroups(groups));
    }
    return ResponseEntity.ok(cases.of(signedIn.getUserId()));
  }

  /** A 403's body: why the overview is not for this person, and where their own work is. */
  record Elsewhere(String message, String href, String linkText) {

    static Elsewhere forGroups(List<String> groups) {
      if (groups.contains(Roles.HR)) {
        return new Elsewhere("This overview lists a manager's own cases. As HR, you see every case on the HR pages.",
            "/hr/", "Open the HR case list");
      }
      if (groups.contains(Roles.DESIGNERS)) {
        return new Elsewhere("This overview lists a manager's own cases. Playbook designers work on the models in "
            + "Camunda Modeler and see each playbook's state, deployments and lint findings in the playbook console.",
            "/designers/", "Open the playbook console");
      }
      if (groups.contains(Roles.ADMINS)) {
        return new Elsewhere("This overview lists a manager's own cases. Administrators look after people and groups "
            + "in Camunda Admin.", "/camunda/app/admin/", "Open Camunda Admin");
      }
      return new Elsewhere("This overview lists a manager's own cases. Your own steps are waiting for you in Tasklist.",
          "/camunda/app/tasklist/", "Open Tasklist");
    }
  }
}
