package io.foothold.security;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cross-site request forgery on Foothold's own API. /api accepts the webapps' browser session, so a request that
 * changes something (anything but GET, HEAD, OPTIONS) and rides on that session must carry the webapps' CSRF token:
 * the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie that Camunda's webapps set at sign-in (the same
 * token Tasklist sends). API clients that sign in with HTTP Basic send no session and need no token. Whatever the
 * sign-in, a state-changing request whose Origin (or, without it, Referer) names another site is refused.
 *
 * <p>SameSite=Strict cookies already keep most browsers from sending the session cross-site; this holds without them.
 */
@Configuration
class ApiCsrf {

  static final String HEADER = "X-XSRF-TOKEN";
  /** Where Camunda's CsrfPreventionFilter keeps the session's token (CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME). */
  static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Bean
  FilterRegistrationBean<Filter> apiCsrfFilter() {
    var registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("foothold-api-csrf");
    registration.addUrlPatterns("/api/*", "/api");
    // Before sign-in: a forged request is refused before it can count as a password attempt.
    registration.setOrder(RestAuthentication.ORDER - 1);
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (SAFE_METHODS.contains(request.getMethod())) {
        chain.doFilter(request, response);
        return;
      }
      String source = request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer");
      if (source != null && !sameOrigin(source, request)) {
        refuse(response, "This request comes from another site (" + source + "); Foothold's API takes changes only from its own"
            + " pages or from API clients.");
        return;
      }
      if (WebappSession.signedInUser(request) != null && !carriesSessionToken(request)) {
        response.setHeader(HEADER, "Required");
        refuse(response, "A change made with the browser session needs the " + HEADER + " header carrying the XSRF-TOKEN cookie's"
            + " value; API clients sign in with HTTP Basic instead.");
        return;
      }
      chain.doFilter(request, response);
    }

    private static boolean carriesSessionToken(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
      String sent = request.getHeader(HEADER);
      return expected instanceof String token && sent != null && !sent.isBlank()
          && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Scheme, host and port as this request reached Foothold (behind a trusted proxy: as it reached the proxy). */
    private static boolean sameOrigin(String source, HttpServletRequest request) {
      try {
        URI uri = URI.create(source.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
          return false;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
            && port == request.getServerPort();
      } catch (IllegalArgumentException notAUri) {
        return false;
      }
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(JSON.writeValueAsString(Map.of("message", message)));
    }
  }
}
