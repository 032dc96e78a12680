package io.foothold.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.foothold.support.EngineRest;
import io.foothold.support.FootholdNode;
import io.foothold.support.ProductionPeople;
import io.foothold.support.RecoveryArcForms;
import io.foothold.support.TestPostgres;

/**
 * Nudges in a cluster: two production nodes on one PostgreSQL send through one real SMTP server (GreenMail on
 * loopback, in this test). Cases opened through both nodes give one assignment mail per new step, and each is sent
 * exactly once although both nodes' job executors compete for the mail jobs.
 */
class NudgeClusterIT {

  private static final int CASES = 30;
  private static final String ADMIN_PASSWORD = "Harbour-" + UUID.randomUUID() + "-Q7";
  private static final Pattern TASK_LINK = Pattern.compile("#/\\?task=([0-9a-f-]{36})");

  private static GreenMail smtp;
  private static TestPostgres.Database database;
  private static FootholdNode nodeA;
  private static FootholdNode nodeB;
  private static ProductionPeople people;

  @BeforeAll
  static void startMailServerAndTwoNodes() throws Exception {
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    database = TestPostgres.server().createDatabase("nudges");
    nodeA = node("node-a", smtpPort).start();
    nodeB = node("node-b", smtpPort).start();
    people = new ProductionPeople(nodeA.rest(), ADMIN_PASSWORD)
        .person("maya", "Maya", "Lindqvist", "managers")
        .person("sam", "Sam", "Okafor", "employees")
        .team("maya", List.of("sam"));
  }

  private static FootholdNode node(String name, int smtpPort) {
    return FootholdNode.prod(name, database, ADMIN_PASSWORD)
        .with("SPRING_MAIL_HOST", "127.0.0.1")
        .with("SPRING_MAIL_PORT", String.valueOf(smtpPort))
        .with("FOOTHOLD_NUDGES_BASE_URL", "http://127.0.0.1");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (FootholdNode node : new FootholdNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void eachStepsMailIsSentExactlyOnceAcrossTheNodes() throws Exception {
    // given maya opens cases through both nodes, each waiting at her calm debrief
    List<String> debriefs = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      EngineRest maya = EngineRest.as((i % 2 == 0 ? nodeA : nodeB).rest(), "maya", people.password());
      String caseId = maya.startCase("RecoveryArc", RecoveryArcForms.openCase("sam"));
      debriefs.add((String) maya.task(caseId, "Task_CalmDebrief").get("id"));
    }

    // when both nodes' job executors work off the mail jobs
    long deadline = System.currentTimeMillis() + 120_000;
    while (linkedTasks().size() < CASES && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    Thread.sleep(5_000); // a duplicate would arrive in this time: both nodes poll for jobs every few seconds

    // then every debrief has its mail, and no mail came twice
    List<String> linked = linkedTasksInOrderReceived();
    assertThat(new HashSet<>(linked)).as("a mail for every new step").containsAll(debriefs);
    assertThat(linked).as("mails per step").hasSize(new HashSet<>(linked).size());
    assertThat(linked).hasSize(CASES);
    System.out.printf("nudges in a cluster: %d cases through two nodes, %d assignment mails received, 0 duplicates%n", CASES, linked.size());
  }

  private static Set<String> linkedTasks() throws Exception {
    return new HashSet<>(linkedTasksInOrderReceived());
  }

  private static List<String> linkedTasksInOrderReceived() throws Exception {
    List<String> tasks = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessagesForDomain("example.test")) {
      if (!mail.getAllRecipients()[0].toString().contains("maya@example.test")) {
        continue;
      }
      Matcher link = TASK_LINK.matcher(plainText(mail));
      if (link.find()) {
        tasks.add(link.group(1));
      }
    }
    return tasks;
  }

  /** The mail's text/plain part, decoded (the raw body is quoted-printable). */
  private static String plainText(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        String text = plainText(parts.getBodyPart(i));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

}
