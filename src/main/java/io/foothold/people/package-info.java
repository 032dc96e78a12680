/**
 * Who works with whom: the directory (Camunda users and groups), teams (a manager and her reports), the demo
 * directory from seeds/demo, and the options "my reports" that start forms offer a manager.
 */
package io.foothold.people;
