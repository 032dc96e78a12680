package io.foothold.api;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps' engine API (/camunda/api/engine/…, what Tasklist and Cockpit call) is a second JAX-RS application,
 * registered by Camunda's webapp initializer, which Spring Boot's Jersey customizers never reach. Here it gets the
 * same providers as /engine-rest (so a caller's mistake is the same 4xx on both), and asynchronous processing, which
 * its long-polling external-task fetch needs (without it every such request ends in a 500).
 *
 * <p>Camunda's initializer is a ServletContextInitializer without an order, so one of ours could run before it; a
 * Tomcat initializer added to the context runs after all of Spring Boot's, when the servlet exists but has not
 * started.
 */
@Configuration
class WebappEngineApi {

  /** The servlet name CamundaBpmWebappInitializer gives the webapps' engine API. */
  static final String SERVLET = "Engine Api";

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappEngineApiProviders(ObjectProvider<ResourceConfigCustomizer> customizers) {
    return factory -> factory.addContextCustomizers(
        context -> context.addServletContainerInitializer((classes, servletContext) -> configure(servletContext, customizers), null));
  }

  private static void configure(ServletContext servletContext, ObjectProvider<ResourceConfigCustomizer> customizers) {
    ServletRegistration api = servletContext.getServletRegistration(SERVLET);
    if (api == null) {
      throw new IllegalStateException("The webapps' engine API servlet '" + SERVLET + "' is not registered: Camunda's webapp"
          + " initializer changed, and the webapps would answer errors differently from /engine-rest.");
    }
    api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, providerNames(customizers));
    ((ServletRegistration.Dynamic) api).setAsyncSupported(true);
    // Every filter a request to it passes must allow asynchronous processing too.
    for (FilterRegistration filter : servletContext.getFilterRegistrations().values()) {
      if (filter instanceof FilterRegistration.Dynamic dynamic) {
        dynamic.setAsyncSupported(true);
      }
    }
  }

  /** The provider classes every ResourceConfigCustomizer registers for /engine-rest. */
  private static String providerNames(ObjectProvider<ResourceConfigCustomizer> customizers) {
    ResourceConfig scratch = new ResourceConfig();
    customizers.orderedStream().forEach(customizer -> customizer.customize(scratch));
    Set<Class<?>> classes = new LinkedHashSet<>(scratch.getClasses());
    return classes.stream().map(Class::getName).collect(Collectors.joining(","));
  }
}
