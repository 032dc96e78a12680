package io.foothold.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/** Who is signed in to the Camunda webapps (Tasklist, Cockpit, Admin) in this browser session, if anyone. */
public final class WebappSession {

  private static final String ENGINE = "default";

  private WebappSession() {
  }

  /**
   * The user a request runs as: REST clients are authenticated by the engine filter earlier in the chain
   * (the engine's current authentication); the webapps keep their user in the session.
   */
  public static String signedInUser(HttpServletRequest request, IdentityService identity) {
    var engine = identity.getCurrentAuthentication();
    return engine != null ? engine.getUserId() : signedInUser(request);
  }

  public static String signedInUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var forEngine = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return forEngine == null ? null : forEngine.getIdentityId();
  }
}
