package io.foothold.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * One switch marks every cookie Secure: foothold.web.secure-cookies (FOOTHOLD_SECURE_COOKIES), on in prod and by
 * default, off in the demo. Read from the profiles' files as Spring layers them, without starting the app (the
 * test suite runs the demo profile only).
 */
class SecureCookieSwitchTest {

  static final List<String> SECURE_FLAGS = List.of(
      "server.servlet.session.cookie.secure", "camunda.bpm.webapp.csrf.enable-secure-cookie");

  @ParameterizedTest
  @CsvSource({"prod, , true", "demo, , false", ", , true", "prod, false, false", "demo, true, true"})
  void everyCookieFollowsTheSwitch(String profile, String variable, boolean secure) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    if (variable != null) {
      environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("FOOTHOLD_SECURE_COOKIES", variable)));
    }
    if (profile != null) {
      load(environment, "application-" + profile + ".yaml");
    }
    load(environment, "application.yaml");

    for (String flag : SECURE_FLAGS) {
      assertThat(environment.getProperty(flag, Boolean.class)).as("%s in profile %s", flag, profile).isEqualTo(secure);
    }
    assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualToIgnoringCase("strict");
    assertThat(environment.getProperty("camunda.bpm.webapp.csrf.same-site-cookie-option")).isEqualTo("STRICT");
    assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
  }

  private static void load(StandardEnvironment environment, String file) throws IOException {
    for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
      environment.getPropertySources().addLast(source);
    }
  }
}
