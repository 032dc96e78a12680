package io.foothold.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Task and case attachments are not part of any playbook (forms carry every answer), yet anyone who may work a task
 * could attach megabytes, an HTML page or a {@code javascript:} link to it for the next person to open. Only
 * administrators may add attachments, whichever way (REST, webapps, Java API), and even theirs are checked: at most
 * {@value #MAX_BYTES} bytes, no type a browser would run (HTML, SVG, XML, scripts), links only to http(s). The
 * engine's own work (no signed-in user) is not affected.
 *
 * <p>CreateAttachmentCmd keeps what it was given in protected fields with no getters; they are read (and the content
 * stream replaced by the bytes read from it) by reflection, the only way to see them before the command runs.
 */
@Component
class AttachmentRules extends PersonCommandGuard {

  static final int MAX_BYTES = 256 * 1024;
  private static final Set<String> ACTIVE_TYPES = Set.of("html", "xhtml", "svg", "xml", "javascript", "ecmascript", "script");

  /** An attachment an administrator may not add either. */
  static final class AttachmentRefused extends FormFieldValidationException {

    private static final long serialVersionUID = 1L;

    AttachmentRefused(String message) {
      super("attachment", message);
    }
  }

  @Override
  protected void check(Command<?> command) {
    if (command instanceof CreateAttachmentCmd attachment) {
      if (personToCheck() != null) {
        throw new AuthorizationException("Attachments are for administrators only: a case's answers go in its forms.");
      }
      checkWhatItCarries(attachment);
    }
  }

  private static void checkWhatItCarries(CreateAttachmentCmd attachment) {
    String type = (String) field(attachment, "attachmentType");
    if (type != null && ACTIVE_TYPES.stream().anyMatch(type.toLowerCase(Locale.ROOT)::contains)) {
      throw new AttachmentRefused("An attachment of type '" + type + "' is refused: a browser would run it. Attach"
          + " plain text, PDF or an image other than SVG.");
    }
    String name = (String) field(attachment, "attachmentName");
    if (name != null && name.toLowerCase(Locale.ROOT).matches(".*\\.(html?|xhtml|svg|xml|js|mjs)$")) {
      throw new AttachmentRefused("An attachment named '" + name + "' is refused: a browser would run a file of that kind.");
    }
    String url = (String) field(attachment, "url");
    if (url != null && !isWebLink(url)) {
      throw new AttachmentRefused("An attachment link must start with http:// or https://; '" + abbreviated(url) + "' does not.");
    }
    InputStream content = (InputStream) field(attachment, "content");
    if (content != null) {
      // Read here, at most one byte past the cap, and handed on from memory: the engine would read it all.
      byte[] bytes = readAtMostOnePast(content);
      if (bytes.length > MAX_BYTES) {
        throw new AttachmentRefused("An attachment may have at most " + MAX_BYTES + " bytes; this one has more.");
      }
      set(attachment, "content", new ByteArrayInputStream(bytes));
    }
  }

  private static byte[] readAtMostOnePast(InputStream content) {
    try {
      return content.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new AttachmentRefused("The attachment's content could not be read: " + e.getMessage());
    }
  }

  private static boolean isWebLink(String url) {
    try {
      String scheme = URI.create(url.trim()).getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static Object field(CreateAttachmentCmd command, String name) {
    try {
      Field field = CreateAttachmentCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("CreateAttachmentCmd has no field " + name + " in this Camunda version", e);
    }
  }

  private static void set(CreateAttachmentCmd command, String name, Object value) {
    try {
      Field field = CreateAttachmentCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      field.set(command, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("CreateAttachmentCmd has no field " + name + " in this Camunda version", e);
    }
  }
}
