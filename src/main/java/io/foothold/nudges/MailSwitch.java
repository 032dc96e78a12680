package io.foothold.nudges;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Whether mail goes out: Spring Boot makes a {@link JavaMailSender} only when {@code spring.mail.host} is set (the demo
 * profile makes one for its catcher). Without one, nothing is written to the outbox at all.
 */
final class MailSwitch {

  private final ObjectProvider<JavaMailSender> sender;
  private final NudgeSettings settings;

  MailSwitch(ObjectProvider<JavaMailSender> sender, NudgeSettings settings) {
    this.sender = sender;
    this.settings = settings;
  }

  boolean on() {
    return sender.getIfAvailable() != null;
  }

  /** The delivery for the mail job, or null when mail is off. */
  MailDelivery delivery() {
    JavaMailSender found = sender.getIfAvailable();
    return found == null ? null : new MailDelivery(found, settings.getFrom());
  }

  /** The sender's bare address (the invitation's organizer). */
  String fromAddress() {
    try {
      return new InternetAddress(settings.getFrom()).getAddress();
    } catch (AddressException e) {
      throw new IllegalStateException("foothold.nudges.from is not a mail address: " + settings.getFrom(), e);
    }
  }
}
