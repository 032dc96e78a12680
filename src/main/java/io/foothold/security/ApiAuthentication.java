package io.foothold.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import io.foothold.engine.SystemAccess;

/**
 * Foothold's own API (/api/*) accepts the same sign-in as the Camunda webapps (the browser session) or
 * HTTP Basic for API clients, and runs each request as that engine user, so the engine's authorization
 * applies to everything the API reads.
 */
@Configuration
class ApiAuthentication {

  @Bean
  FilterRegistrationBean<SignedInUserFilter> apiAuthenticationFilter(IdentityService identity, SystemAccess system) {
    var registration = new FilterRegistrationBean<>(new SignedInUserFilter(identity, system));
    registration.setName("foothold-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(RestAuthentication.ORDER);
    return registration;
  }

  /** HR's audit (/api/audit/*) is for the hr group only: managers and designers get 403, whatever they ask for. */
  @Bean
  FilterRegistrationBean<HrOnlyFilter> hrOnlyAuditFilter(IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new HrOnlyFilter(identity));
    registration.setName("foothold-hr-only-audit");
    registration.addUrlPatterns("/api/audit/*", "/api/audit");
    registration.setOrder(RestAuthentication.ORDER + 1);
    return registration;
  }

  static class HrOnlyFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    HrOnlyFilter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var signedIn = identity.getCurrentAuthentication();
      if (signedIn == null || signedIn.getGroupIds() == null || !signedIn.getGroupIds().contains(Roles.HR)) {
        if (wantsPage(request)) {
          // a person who followed a link: Foothold's page that says where their work is (WhereToGoPages)
          response.sendError(HttpServletResponse.SC_FORBIDDEN);
          return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"message\":\"The case audit is for HR only.\"}");
        return;
      }
      chain.doFilter(request, response);
    }
  }

  /** A browser navigating (Accept: text/html), not a script or API client asking for data. */
  static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html") && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  static class SignedInUserFilter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final SystemAccess system;

    SignedInUserFilter(IdentityService identity, SystemAccess system) {
      this.identity = identity;
      this.system = system;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = WebappSession.signedInUser(request);
      if (user == null) {
        user = fromBasicHeader(request);
      }
      if (user == null) {
        // Pages of our own (HR) ask with XMLHttpRequest and show a sign-in link; a Basic challenge would pop up a browser dialog.
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
          response.setHeader("WWW-Authenticate", "Basic realm=\"foothold\"");
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getWriter().write("{\"message\":\"Sign in: use your Foothold account (HTTP Basic or the Tasklist session).\"}");
        return;
      }
      String userId = user;
      // kept for the error page, which renders after this filter has signed the engine user out again
      request.setAttribute(WhereToGoPages.SIGNED_IN_USER, userId);
      List<String> groups = system.call(() -> identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
      identity.setAuthentication(userId, groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    private String fromBasicHeader(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String userId = decoded.substring(0, colon);
      // checkPassword keeps Camunda's login throttling in force for the API too.
      return identity.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
    }
  }
}
