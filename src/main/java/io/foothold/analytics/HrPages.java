package io.foothold.analytics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** HR's pages are static files under /hr/; the folder's address leads to the case list. */
@Configuration
class HrPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/hr", "/hr/index.html");
    registry.addRedirectViewController("/hr/", "/hr/index.html");
  }
}
