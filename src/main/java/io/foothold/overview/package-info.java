/**
 * The manager's case overview: every open case of the signed-in manager with where it stands (their step, the
 * employee's step, HR, or a timer and its date), due dates, the confidence ratings so far, and the closed cases
 * below. GET /api/my/cases and the page /overview/ (linked from Tasklist's header). Managers only; read from the case
 * file's rows whose manager is the signed-in manager, the same cases the engine's per-case grants give her (see
 * ManagerCases).
 */
package io.foothold.overview;
