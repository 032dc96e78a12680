package io.foothold.tasklist;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Makes the Camunda webapps in a {@code @SpringBootTest} talk to the Spring-managed engine.
 *
 * The webapps (and REST) look engines up through the static {@link ProcessEngines} registry. Its first
 * lookup scans the classpath for {@code camunda.cfg.xml}; on the test classpath that finds the
 * engine-only test configuration and builds a second, empty in-memory engine that replaces "default":
 * Tasklist then shows the "Camunda Setup" page (no admin user) instead of the login. Marking the
 * registry as initialised and registering the Spring engine prevents that scan. Never a problem in the
 * packaged app, which has no camunda.cfg.xml.
 */
final class WebappEngine extends ProcessEngines {

  private WebappEngine() {
  }

  static synchronized void useSpringEngine(ProcessEngine springEngine) {
    isInitialized = true;
    registerProcessEngine(springEngine);
  }
}
