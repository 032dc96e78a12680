/**
 * Engine helpers every module and playbook shares: where interceptors meet every command, working days, system
 * access and the order of start-up steps.
 */
package io.foothold.engine;
