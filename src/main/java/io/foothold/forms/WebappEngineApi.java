package io.foothold.forms;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine API the webapps call (Tasklist completes tasks through {@code /camunda/api/engine/...}) is a second JAX-RS
 * application beside /engine-rest, with Camunda's own error mapping only: a refused submission would reach the person
 * as "Cannot submit task form &lt;task id&gt;: ...". Registering Camunda's application here under the servlet name
 * Camunda's webapp initializer uses ("Engine Api"), with Foothold's error mappers added, makes the initializer keep this
 * registration, so both APIs answer a refusal alike.
 */
@Configuration
class WebappEngineApi {

  /** The servlet name CamundaBpmWebappInitializer registers the webapps' engine API under (it skips a taken name). */
  static final String SERVLET_NAME = "Engine Api";

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApiWithFootholdErrors(CamundaBpmProperties camunda) {
    ResourceConfig application = ResourceConfig.forApplicationClass(EngineRestApplication.class)
        .register(FormsWebConfiguration.FormRejectionMapper.class)
        .register(FormsWebConfiguration.RejectedValueMapper.class)
        .register(FormsWebConfiguration.UnreadableJsonMapper.class)
        .register(FormsWebConfiguration.UnmappableJsonMapper.class);
    var registration = new ServletRegistrationBean<>(new ServletContainer(application),
        camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setName(SERVLET_NAME);
    // Before Camunda's webapp initializer (unordered, so last), which then finds the name taken and keeps this one.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
