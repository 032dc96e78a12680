/**
 * What happened that other modules react to, instead of calling into each other or taking turns by start-up
 * numbers: playbooks deployed, a case closed, a case erased, history cleaned up. Published through Spring's event
 * publisher and heard by synchronous listeners, so a listener's work joins the publisher's transaction (a case's end,
 * its erasure, a cleanup run) or finishes before the publisher goes on (deployments at start-up finish before the
 * application reports ready).
 *
 * <p>Kept beside the engine wiring, at the bottom of the module graph, so any module may publish or listen
 * without a cycle: the playbook module, which deploys, uses security's role names, and security reacts to
 * deployments; audit, which erases, reads privacy's records, and privacy reacts to erasure.
 */
@org.springframework.modulith.NamedInterface("events")
package io.foothold.engine.events;
