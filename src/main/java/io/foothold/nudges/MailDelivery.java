package io.foothold.nudges;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Hands one mail to the SMTP server: plain text and simple HTML as alternatives, an invitation as a
 * {@code text/calendar} attachment with its METHOD (what calendar apps look for), an urgent one flagged as such.
 */
final class MailDelivery {

  private final JavaMailSender sender;
  private final String from;

  MailDelivery(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  void send(Mail mail) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.address());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      if (mail.ics() != null) {
        String method = mail.kind() == MailKind.INVITATION_CANCELLED ? "CANCEL" : "REQUEST";
        helper.addAttachment(mail.kind() == MailKind.INVITATION_CANCELLED ? "cancel.ics" : "invite.ics",
            new ByteArrayResource(mail.ics().getBytes(StandardCharsets.UTF_8)), "text/calendar; charset=UTF-8; method=" + method);
      }
      if (mail.urgent()) {
        message.setHeader("Importance", "High");
        message.setHeader("X-Priority", "1");
      }
    } catch (MessagingException e) {
      throw new MailSendException("Could not build the mail: " + e.getMessage(), e);
    }
    sender.send(message);
  }
}
