package io.foothold;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: no cycles between them, no use of another module's internals,
 * and built-in playbooks reach Foothold only through the playbook SPI. Also writes the module diagram
 * to target/spring-modulith-docs.
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(FootholdApplication.class);

  @Test
  void modulesHaveNoCyclesAndPlaybooksUseOnlyTheSpi() {
    modules.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
