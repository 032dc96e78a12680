/**
 * Nudges: e-mail and calendar invitations so no step or check-in is forgotten. A new step assigned (HR referrals
 * marked urgent), the day-before invitation for a check-in or small-win date (updated when the date moves, cancelled
 * when it no longer stands), one nudge for an overdue step, then a weekly digest per manager. Mails carry a link and
 * the step's name, never a case's answers, private notes or signal details. Off unless a mail server is configured
 * ({@code spring.mail.host}); the demo profile brings its own in-process mail catcher and a page showing the mails.
 */
package io.foothold.nudges;
