package io.foothold.playbook;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** GET /api/playbooks: which playbooks exist, their version and state, and why a failed one failed. */
@RestController
@RequestMapping("/api/playbooks")
class PlaybookController {

  private final PlaybookRegistry registry;

  PlaybookController(PlaybookRegistry registry) {
    this.registry = registry;
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
