/**
 * The built-in playbooks' Java, one sub-package per playbook ({@code io.foothold.playbooks.<id>}, the playbook id
 * without dashes), its tests in the same package. Like a plugin, a built-in playbook may use Camunda's API, Spring,
 * and Foothold's playbook SPI ({@code io.foothold.playbook.spi}), and nothing else of Foothold: ModularityTest holds
 * it to that. What a playbook needs of Foothold comes through the SPI, never by reaching into another module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "playbook :: spi")
package io.foothold.playbooks;
