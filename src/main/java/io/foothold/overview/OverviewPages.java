package io.foothold.overview;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The overview is a static page under /overview/ (the Tasklist header links to it). */
@Configuration
class OverviewPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/overview", "/overview/index.html");
    registry.addRedirectViewController("/overview/", "/overview/index.html");
  }
}
