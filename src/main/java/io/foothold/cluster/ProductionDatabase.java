package io.foothold.cluster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * A production node runs on PostgreSQL with credentials an operator configured: the embedded H2 file is for
 * trying Foothold (a hard kill can lose its last writes, see the README), and a node that silently fell back
 * to defaults would split a cluster's state. Checked as soon as the configuration is read, before anything
 * connects (registered in META-INF/spring.factories).
 */
public class ProductionDatabase implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException("The prod profile runs on PostgreSQL: set FOOTHOLD_DB_URL to a jdbc:postgresql:// URL (is: "
          + (url.isBlank() ? "not set" : url.replaceAll("\\?.*", "")) + ").");
    }
    if (environment.getProperty("spring.datasource.password", "").isBlank()) {
      throw new IllegalStateException("No database password configured: set FOOTHOLD_DB_PASSWORD. "
          + "Foothold does not start a production node with a default database password.");
    }
  }
}
