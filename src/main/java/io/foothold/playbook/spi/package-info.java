/**
 * The one door between a playbook and Foothold: the only Foothold API a playbook's Java code may use (besides
 * Camunda's own API and Spring), and the names its models share with the rest of Foothold. SPI version: {@value
 * io.foothold.playbook.spi.FootholdSpi#VERSION} (a descriptor's {@code requires.foothold}).
 *
 * <p>A playbook is a descriptor ({@code seeds/<id>/playbook.yaml}) with its content catalog
 * ({@code seeds/<id>/catalog.yaml}), its models ({@code processes/<id>/}), its forms ({@code forms/<id>/}) and,
 * optionally, Java in {@code io.foothold.playbooks.<id>} (built in) or a plugin jar. Through this door it gets:
 * <ul>
 *   <li><b>The case vocabulary</b>, {@link io.foothold.playbook.spi.CaseVariables}: the case's facts (manager,
 *   employee, outcome, escalation) under the names audit, analytics, the overview, nudges and privacy read.</li>
 *   <li><b>Serious signals</b>: a playbook that follows a person listens for
 *   {@link io.foothold.playbook.spi.CaseVariables#SERIOUS_SIGNAL} with a conditional start event (an HR review);
 *   only such cases can be sent a concern, and the signal's kinds, note and source come under the names beside it.</li>
 *   <li><b>Deployment names</b>, {@link io.foothold.playbook.spi.DeploymentNames}: how a playbook's deployments are
 *   named in the engine and read back.</li>
 *   <li><b>Expression beans</b>, {@link io.foothold.playbook.spi.ExpressionBeans}: Foothold's beans every model may
 *   call (working days, people, forwarding a concern). Nothing else of the application is reachable from a model.</li>
 *   <li><b>Services for a playbook's beans</b>: {@link io.foothold.playbook.spi.TeamCases} (how many cases a team
 *   has had), injected into a built-in playbook's bean.</li>
 *   <li><b>A playbook's own beans</b>: {@link io.foothold.playbook.spi.PlaybookBean} on a built-in playbook's Spring
 *   bean, or {@link io.foothold.playbook.spi.PlaybookPlugin} contributions from a plugin jar; either is named under
 *   {@code delegates:} in the descriptor, so the deployment checks can tell a missing bean before any case runs.</li>
 * </ul>
 */
@org.springframework.modulith.NamedInterface("spi")
package io.foothold.playbook.spi;
