package io.foothold.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine REST API answers only to authenticated users (HTTP Basic against the engine's identity
 * service). The starters leave it open, so that anyone on the port could read history or create users.
 */
@Configuration
class RestAuthentication {

  /** Runs early so every later filter on the REST API sees the authenticated user. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("foothold-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName()));
    registration.setOrder(ORDER);
    return registration;
  }
}
