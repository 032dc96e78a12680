/**
 * Engine helpers every module and playbook shares: where interceptors meet every command, working days, system
 * access, and the events other modules react to ({@code engine.events}) instead of taking turns at start-up.
 */
package io.foothold.engine;
