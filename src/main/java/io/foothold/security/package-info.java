/**
 * Who may do what: authentication of the REST APIs and webapps, the roles and their Camunda permissions, per-case
 * grants, guards inside the engine on what a person's command may touch (comments, attachments, jobs, statistics),
 * password and lock-out policy, CSRF and the browser security headers, and the page that says where your work is
 * when you open a page that is not for your role.
 */
package io.foothold.security;
