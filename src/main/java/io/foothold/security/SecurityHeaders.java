package io.foothold.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser-side defences on every response, before any authentication runs (a 401 carries them too):
 * no framing, no MIME sniffing, no referrer, HSTS when the request came over TLS, a strict Content-Security-Policy
 * on Foothold's own pages and APIs (the Camunda webapps under /camunda send their own, nonce-based one), and
 * no-store on the APIs that answer with case data so no browser or proxy keeps a copy.
 */
@Configuration
class SecurityHeaders {

  /** Foothold's pages (/hr and any other page outside the webapps): scripts and styles from files of this origin only. */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** Swagger UI as the page policy, but its bundle sets inline styles (measured in the browser test); scripts stay strict. */
  static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
  /** JSON, CSV and everything else that is not a page: nothing may run or load. */
  static final String API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String NO_STORE = "no-store";

  @Bean
  FilterRegistrationBean<HeadersFilter> securityHeadersFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new HeadersFilter(webappPath));
    registration.setName("foothold-security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  static class HeadersFilter extends OncePerRequestFilter {

    private final String webappPath;

    HeadersFilter(String webappPath) {
      this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean webapp = path.startsWith(webappPath);
      boolean caseData = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
          || path.startsWith(webappPath + "api/");

      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("X-XSS-Protection", "0");
      if (request.isSecure()) {
        // isSecure() is true for https, or for X-Forwarded-Proto: https from a trusted proxy (server.forward-headers-strategy).
        response.setHeader("Strict-Transport-Security", HSTS);
      }
      if (!webapp) {
        response.setHeader("Content-Security-Policy", policyFor(path));
      }
      if (caseData) {
        response.setHeader("Cache-Control", NO_STORE);
        response.setHeader("Pragma", "no-cache");
        chain.doFilter(request, new NoStoreResponse(response));
      } else {
        chain.doFilter(request, response);
      }
    }

    private static String policyFor(String path) {
      if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/") || path.startsWith("/v3/api-docs")) {
        return API_POLICY;
      }
      return path.startsWith("/swagger-ui/") ? SWAGGER_UI_POLICY : PAGE_POLICY;
    }
  }

  /** Keeps no-store whatever a later filter or resource would say about caching (Camunda's own filters say no-cache). */
  static class NoStoreResponse extends HttpServletResponseWrapper {

    NoStoreResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!isCaching(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!isCaching(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!isCaching(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!isCaching(name)) {
        super.addDateHeader(name, date);
      }
    }

    private static boolean isCaching(String name) {
      return "Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name);
    }
  }
}
