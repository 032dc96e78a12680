/**
 * The built-in playbooks' Java contributions, one sub-package per playbook. Like a plugin, a built-in
 * playbook may use Camunda's API, Spring, and Foothold's playbook SPI, and nothing else of Foothold:
 * ModularityTest holds it to that.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "playbook :: spi")
package io.foothold.playbooks;
