/**
 * The manager's case overview: every open case of the signed-in manager with where it stands (their step, the
 * employee's step, HR, or a timer and its date), due dates, the confidence ratings so far, and the closed cases
 * below. GET /api/my/cases and the page /overview/ (linked from Tasklist's header). Managers only; the case list is
 * read as the signed-in manager, so the engine's per-case grants decide which cases appear.
 */
package io.foothold.overview;
