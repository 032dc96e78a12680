package io.foothold.privacy;

/**
 * The one rule that makes a form field a private manager note: its key starts with {@code privateNote}
 * (e.g. {@code privateNoteDebrief}). Forms may also mark the field {@code "private": "true"}, but the
 * engine relies on the name alone, so a note sent through the Java or REST API is captured too.
 */
public final class PrivateNotes {

  public static final String PREFIX = "privateNote";

  private PrivateNotes() {
  }

  public static boolean isPrivate(String variableName) {
    return variableName != null && variableName.startsWith(PREFIX);
  }
}
