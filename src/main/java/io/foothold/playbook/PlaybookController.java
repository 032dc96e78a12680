package io.foothold.playbook;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import io.foothold.security.Roles;

/** GET /api/playbooks: which playbooks exist, their version and state, and why a failed one failed. */
@RestController
@RequestMapping("/api/playbooks")
class PlaybookController {

  private static final Set<String> MAY_MIGRATE = Set.of(Roles.DESIGNERS, Roles.ADMINS);

  private final PlaybookRegistry registry;
  private final PlaybookMigrations migrations;
  private final IdentityService identity;
  private final PlaybookConsole console;

  PlaybookController(PlaybookRegistry registry, PlaybookMigrations migrations, IdentityService identity,
      PlaybookConsole console) {
    this.registry = registry;
    this.migrations = migrations;
    this.identity = identity;
    this.console = console;
  }

  /** The designers' console (/designers/): every playbook's state, files, versions, deployments and lint findings. */
  @GetMapping("/console")
  PlaybookConsole.Overview console() {
    var signedIn = identity.getCurrentAuthentication();
    if (signedIn == null || signedIn.getGroupIds() == null || signedIn.getGroupIds().stream().noneMatch(MAY_MIGRATE::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The playbook console is for playbook designers");
    }
    return console.overview(signedIn.getGroupIds().contains(Roles.ADMINS));
  }

  /** Which running cases of the playbook's older versions would move cleanly to its newest version. */
  @org.springframework.web.bind.annotation.PostMapping("/{id}/migrations/plan")
  List<PlaybookMigrations.DefinitionPlan> planMigration(@PathVariable String id) {
    requireDesigner(id);
    return forCaller(migrations.plan(id));
  }

  /** Moves the cases that map cleanly; the others stay where they are. Each moved case gets a comment. */
  @org.springframework.web.bind.annotation.PostMapping("/{id}/migrations/execute")
  List<PlaybookMigrations.DefinitionPlan> executeMigration(@PathVariable String id) {
    String user = requireDesigner(id);
    return forCaller(migrations.execute(id, user));
  }

  /** Case ids only for administrators: a designer learns whether and why cases map, not which cases they are. */
  private List<PlaybookMigrations.DefinitionPlan> forCaller(List<PlaybookMigrations.DefinitionPlan> plans) {
    var signedIn = identity.getCurrentAuthentication();
    boolean admin = signedIn != null && signedIn.getGroupIds() != null && signedIn.getGroupIds().contains(Roles.ADMINS);
    return admin ? plans : plans.stream().map(PlaybookMigrations.DefinitionPlan::withoutCases).toList();
  }

  private String requireDesigner(String id) {
    var signedIn = identity.getCurrentAuthentication();
    if (signedIn == null || signedIn.getGroupIds() == null || signedIn.getGroupIds().stream().noneMatch(MAY_MIGRATE::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Moving running cases is for playbook designers");
    }
    registry.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No playbook '" + id + "'"));
    return signedIn.getUserId();
  }

  @GetMapping
  List<PlaybookView> list() {
    return registry.all().stream().map(PlaybookView::of).toList();
  }

  @GetMapping("/{id}")
  PlaybookView one(@PathVariable String id) {
    return registry.find(id).map(PlaybookView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No playbook '" + id + "'"));
  }

  record PlaybookView(String id, String name, String version, String origin, String state, String reason,
      List<String> problems, List<String> entryProcesses) {

    static PlaybookView of(PlaybookState s) {
      return new PlaybookView(s.id(), s.name(), s.version(), s.origin(), s.status().name(), s.reason(), s.problems(), s.entryProcesses());
    }
  }
}
