package io.foothold.privacy;

/**
 * The one rule that makes a variable a private manager note: its name starts with {@code privateNote}
 * (e.g. {@code privateNoteDebrief}). Forms may also mark the field {@code "private": "true"}, but the
 * engine relies on the name alone, so a note set through the Java or REST API is private too.
 */
public final class PrivateNotes {

  public static final String PREFIX = "privateNote";

  /** What history keeps instead of the note: enough for HR to see that a note exists, nothing of its content. */
  public static final String PLACEHOLDER = "[private note]";

  private PrivateNotes() {
  }

  public static boolean isPrivate(String variableName) {
    return variableName != null && variableName.startsWith(PREFIX);
  }
}
