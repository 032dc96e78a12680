package io.foothold.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionDatabaseTest {

  private final ProductionDatabase check = new ProductionDatabase();

  @Test
  void aProductionNodeRefusesTheEmbeddedH2() {
    MockEnvironment environment = prod("jdbc:h2:file:./data/foothold", "secret-password");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("runs on PostgreSQL").hasMessageContaining("FOOTHOLD_DB_URL");
  }

  @Test
  void aProductionNodeRefusesAMissingDatabasePassword() {
    MockEnvironment environment = prod("jdbc:postgresql://127.0.0.1:5432/foothold", "");

    assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("FOOTHOLD_DB_PASSWORD");
  }

  @Test
  void aConfiguredPostgresIsAccepted() {
    MockEnvironment environment = prod("jdbc:postgresql://127.0.0.1:5432/foothold", "secret-password");

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theEmbeddedDefaultIsNotChecked() {
    MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/foothold");
    environment.setActiveProfiles("demo");

    assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  private static MockEnvironment prod(String url, String password) {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", url)
        .withProperty("spring.datasource.password", password);
    environment.setActiveProfiles("prod");
    return environment;
  }
}
