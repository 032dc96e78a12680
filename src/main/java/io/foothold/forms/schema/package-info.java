/**
 * How Foothold reads a Camunda Form (form-js JSON): {@link io.foothold.forms.schema.FormComponents} walks its
 * components, nested ones included, and decides in one place what nesting means (which components carry a value,
 * which dynamic list repeats them, which conditions hide them). Form enforcement, deploy-time catalog options, the
 * linter and HR's vocabulary all read forms through it.
 */
@org.springframework.modulith.NamedInterface("schema")
package io.foothold.forms.schema;
