package io.foothold.security;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's webapps pass each page's CSP nonce from their header filter to the page template through a
 * ServletContext attribute, which every request under /camunda overwrites: with concurrent requests an app's index
 * page can carry another request's nonce, and the browser then refuses every script on it (a blank Tasklist). Camunda
 * 7 CE gets no fix for it, so this filter writes the nonce of the page's own Content-Security-Policy into the page.
 * Only the apps' index pages pass through it (small HTML, buffered); scripts and styles stream as before.
 */
@Configuration
class WebappNonce {

  @Bean
  FilterRegistrationBean<NonceFilter> webappNonceFilter(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new NonceFilter());
    registration.setName("foothold-webapp-nonce");
    registration.addUrlPatterns((webappPath.endsWith("/") ? webappPath : webappPath + "/") + "app/*");
    // Outside Camunda's own filters, so it sees the header they set and the page they rendered.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  static class NonceFilter extends OncePerRequestFilter {

    private static final Pattern POLICY_NONCE = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'");
    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"[^\"]*\"");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI();
      if (!path.endsWith("/") && !path.endsWith(".html")) {
        chain.doFilter(request, response);
        return;
      }
      ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, page);
        String policy = page.getHeader("Content-Security-Policy");
        Matcher nonce = policy == null ? null : POLICY_NONCE.matcher(policy);
        if (nonce != null && nonce.find() && page.getContentType() != null && page.getContentType().startsWith("text/html")) {
          Charset charset = page.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(page.getCharacterEncoding());
          String html = new String(page.getContentAsByteArray(), charset);
          String agreeing = PAGE_NONCE.matcher(html).replaceAll(Matcher.quoteReplacement("nonce=\"" + nonce.group(1) + "\""));
          page.resetBuffer();
          page.getOutputStream().write(agreeing.getBytes(charset));
        }
      } finally {
        page.copyBodyToResponse();
      }
    }
  }
}
