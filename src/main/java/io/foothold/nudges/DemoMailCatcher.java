package io.foothold.nudges;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's mail catcher: a real SMTP server (GreenMail) inside the app, on loopback, that keeps every mail it is
 * given instead of delivering it. So the first run shows the nudges without any setup. Never in production: only the
 * demo profile makes one, and only when no real mail server is configured.
 */
public final class DemoMailCatcher {

  private static final Logger log = LoggerFactory.getLogger(DemoMailCatcher.class);

  private final int port;
  private GreenMail server;

  DemoMailCatcher(int configuredPort) {
    this.port = configuredPort > 0 ? configuredPort : freePort();
    start();
  }

  public synchronized void start() {
    if (server == null || !server.isRunning()) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      log.info("Demo mail catcher listening on 127.0.0.1:{}; caught mails are shown at /demo-mail/", port);
    }
  }

  /** Stops taking mail (the mail server is "down") until {@link #start()}; what was caught so far is forgotten. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
    }
  }

  public int port() {
    return port;
  }

  public synchronized List<MimeMessage> caught() {
    return server == null ? List.of() : List.of(server.getReceivedMessages());
  }

  void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the demo mail catcher", e);
    }
  }
}
