/**
 * The designers' linter: rules over a playbook's BPMN, DMN, forms and catalog (ids, diagram interchange,
 * forms on every step, catalog references, retention), run on the console, on every live reload and as
 * {@code java -jar foothold.jar lint}. Works on one parsed workspace shared with the deployment checks.
 */
package io.foothold.lint;
