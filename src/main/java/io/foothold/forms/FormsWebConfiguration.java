package io.foothold.forms;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Web wiring of the forms feature: option filling on form downloads (the status codes of rejected submissions are
 * set with every other REST error, in io.foothold.api).
 */
@Configuration
class FormsWebConfiguration {

  @Bean
  FilterRegistrationBean<FormOptionsWebFilter> formOptionsWebFilter(FormOptionsEnricher enricher, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new FormOptionsWebFilter(enricher, identity));
    registration.setName("foothold-form-options");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After the REST authentication filter, so the signed-in user is known.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
