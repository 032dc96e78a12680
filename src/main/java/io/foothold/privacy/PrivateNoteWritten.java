package io.foothold.privacy;

import java.time.Instant;

/** That a private note was written on a case: which form field, by whom, when. Never what it says. */
public record PrivateNoteWritten(String fieldKey, String author, Instant at) {
}
