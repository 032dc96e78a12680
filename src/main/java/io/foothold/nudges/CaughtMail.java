package io.foothold.nudges;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A caught mail as the demo page shows it: who, when, the subject, the plain text and any calendar invitation. */
record CaughtMail(String to, String subject, Instant received, boolean urgent, String text, String calendar) {

  static CaughtMail of(MimeMessage message) {
    try {
      String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress())
          .findFirst().orElse("");
      Parts parts = new Parts();
      parts.walk(message);
      Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
          : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
      String[] importance = message.getHeader("Importance");
      return new CaughtMail(to, message.getSubject(), received, importance != null && List.of(importance).contains("High"), parts.text,
          parts.calendar);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("A caught mail could not be read: " + e.getMessage(), e);
    }
  }

  private static final class Parts {
    String text;
    String calendar;

    void walk(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (part.isMimeType("text/plain") && text == null) {
        text = String.valueOf(part.getContent());
      } else if (part.isMimeType("text/calendar")) {
        try (InputStream in = part.getInputStream()) {
          calendar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
  }
}
