package io.foothold.forms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import io.foothold.security.WebappSession;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Fills dynamic options ({@code properties.optionsSource}) into the Camunda Forms that Tasklist and
 * REST clients download, for the signed-in user. Tasklist loads no variables for a start form, so
 * this is the only way a start form can offer "my reports".
 */
class FormOptionsWebFilter extends OncePerRequestFilter {

  private final FormOptionsEnricher enricher;
  private final IdentityService identity;

  FormOptionsWebFilter(FormOptionsEnricher enricher, IdentityService identity) {
    this.enricher = enricher;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !"GET".equals(request.getMethod())
        || !(uri.endsWith("/deployed-start-form") || uri.endsWith("/deployed-form"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() != HttpServletResponse.SC_OK || body.length == 0) {
      wrapper.copyBodyToResponse();
      return;
    }
    String enriched = enricher.enrich(new String(body, StandardCharsets.UTF_8), WebappSession.signedInUser(request, identity));
    byte[] out = enriched.getBytes(StandardCharsets.UTF_8);
    wrapper.resetBuffer();
    response.setContentLength(out.length);
    response.getOutputStream().write(out);
  }
}
