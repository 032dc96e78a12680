package io.foothold.nudges;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * GET and PUT /api/my/nudges: which mails the signed-in person wants (every step, a weekly digest only, or none).
 * Their own choice only; the case overview page offers it. HR referrals are sent whatever is chosen.
 */
@RestController
@Tag(name = "My nudges", description = "Which reminder mails you receive")
class PreferenceController {

  private final JdbcTemplate jdbc;
  private final IdentityService identity;

  PreferenceController(JdbcTemplate jdbc, IdentityService identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** The choice, and the choices there are. */
  record Choice(String choice, List<String> choices) {
    static Choice of(Preference preference) {
      return new Choice(preference.name(), Arrays.stream(Preference.values()).map(Enum::name).toList());
    }
  }

  @GetMapping("/api/my/nudges")
  @Operation(summary = "Your choice of reminder mails")
  ResponseEntity<?> mine(HttpServletRequest request) {
    var signedIn = identity.getCurrentAuthentication();
    if (signedIn == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "Sign in to see your choice of reminder mails"));
    }
    var answer = ResponseEntity.ok();
    // The webapps keep their CSRF cookie under their own path, out of the overview page's reach; a change from the page
    // needs the session's token, so the page's own same-origin read hands it over, as Camunda's webapps do in a header.
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token) {
      answer.header(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token);
    }
    return answer.body(Choice.of(Preferences.of(jdbc, signedIn.getUserId())));
  }

  @PutMapping("/api/my/nudges")
  @Operation(summary = "Change your choice of reminder mails: EVERY_STEP, DIGEST_ONLY or NONE")
  ResponseEntity<?> choose(@RequestBody Map<String, Object> body) {
    var signedIn = identity.getCurrentAuthentication();
    if (signedIn == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "Sign in to change your choice of reminder mails"));
    }
    Object choice = body == null ? null : body.get("choice");
    Preference preference = choice instanceof String text ? parse(text) : null;
    if (preference == null) {
      return ResponseEntity.badRequest().body(Map.of("field", "choice",
          "message", "'choice' must be one of " + Arrays.toString(Preference.values()) + "; got " + choice));
    }
    Preferences.set(jdbc, signedIn.getUserId(), preference);
    return ResponseEntity.ok(Choice.of(preference));
  }

  private static Preference parse(String text) {
    try {
      return Preference.valueOf(text);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
