package io.foothold.privacy;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.foothold.engine.SystemAccess;

@Configuration
class PrivacyWebConfiguration {

  @Bean
  FilterRegistrationBean<PrivateNotesWebFilter> privateNotesWebFilter(SystemAccess system, IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new PrivateNotesWebFilter(system, identity));
    registration.setName("foothold-private-notes");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // After the REST authentication filter, so the signed-in user is known.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 90);
    return registration;
  }
}
