package io.foothold.nudges;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.foothold.engine.SystemAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET /api/demo/mails: the mails the demo's catcher holds for the signed-in person (newest first). Each person sees
 * only their own, as in a real mailbox. Outside the demo there is no catcher and the answer is 404.
 */
@RestController
@Tag(name = "Demo mail", description = "The nudges the demo's mail catcher caught for you")
class DemoMailController {

  private final ObjectProvider<DemoMailCatcher> catcher;
  private final IdentityService identity;
  private final SystemAccess system;

  DemoMailController(ObjectProvider<DemoMailCatcher> catcher, IdentityService identity, SystemAccess system) {
    this.catcher = catcher;
    this.identity = identity;
    this.system = system;
  }

  @GetMapping("/api/demo/mails")
  @Operation(summary = "The mails caught for the signed-in demo user, newest first")
  ResponseEntity<?> mine() {
    DemoMailCatcher found = catcher.getIfAvailable();
    if (found == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("message", "There is no demo mail catcher here: mail goes to the configured mail server (spring.mail.host)."));
    }
    var signedIn = identity.getCurrentAuthentication();
    User user = signedIn == null ? null : system.call(() -> system.engine().getIdentityService().createUserQuery().userId(signedIn.getUserId()).singleResult());
    String address = user == null ? null : user.getEmail();
    if (address == null || address.isBlank()) {
      return ResponseEntity.ok(Map.of("address", "", "mails", List.of()));
    }
    List<CaughtMail> mails = found.caught().stream().map(CaughtMail::of).filter(mail -> address.equalsIgnoreCase(mail.to()))
        .sorted(Comparator.comparing(CaughtMail::received, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    return ResponseEntity.ok(Map.of("address", address, "mails", mails));
  }
}
