package io.foothold.playbook;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The designers' playbook console is a static page under /designers/ (same sign-in as Tasklist). */
@Configuration
class DesignerPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/designers", "/designers/index.html");
    registry.addRedirectViewController("/designers/", "/designers/index.html");
  }
}
