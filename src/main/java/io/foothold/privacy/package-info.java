/**
 * Privacy by default: a manager's private notes kept outside the engine's variables (only their author reads
 * them; never in history, exports or mail), and how long history and notes are kept after a case closes.
 */
package io.foothold.privacy;
