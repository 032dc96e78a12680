package io.foothold.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * One Foothold node as operators run it: the packaged jar (target/foothold.jar, built by `mvn verify` before
 * the integration tests) in a process of its own on a free loopback port, configured through environment
 * variables only. Its output goes to target/it-nodes/&lt;name&gt;.log. {@link #kill()} is a SIGKILL.
 */
public final class FootholdNode implements AutoCloseable {

  private static final Path JAR = Path.of("target", "foothold.jar");
  private static final Duration STARTUP = Duration.ofSeconds(240);

  private final String name;
  private final Map<String, String> environment;
  private final List<String> arguments = new ArrayList<>();
  private int port;
  private Process process;
  private Duration startupTime;

  private FootholdNode(String name, Map<String, String> environment) {
    this.name = name;
    this.environment = environment;
  }

  /** A production-profile node on this database; the admin password is the one the test created. */
  public static FootholdNode prod(String name, TestPostgres.Database database, String adminPassword) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "prod");
    environment.put("FOOTHOLD_DB_URL", database.jdbcUrl());
    environment.put("FOOTHOLD_DB_USER", database.user());
    environment.put("FOOTHOLD_DB_PASSWORD", database.password());
    environment.put("FOOTHOLD_ADMIN_PASSWORD", adminPassword);
    environment.put("FOOTHOLD_NODE_NAME", name);
    environment.put("FOOTHOLD_DB_POOL_SIZE", "10");
    return new FootholdNode(name, environment);
  }

  /** An embedded-default node (demo profile, demo directory) on an H2 file in this folder. */
  public static FootholdNode embedded(String name, Path workingFolder) {
    FootholdNode node = new FootholdNode(name, new LinkedHashMap<>());
    node.arguments.add("--spring.datasource.url=jdbc:h2:file:" + workingFolder.toAbsolutePath().resolve("foothold")
        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    node.arguments.add("--foothold.playbooks.live-reload=false");
    return node;
  }

  public FootholdNode with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  public FootholdNode start() throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after `mvn package` (use `mvn verify`).");
    }
    port = freePort();
    Path log = Path.of("target", "it-nodes", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("FOOTHOLD_PORT", String.valueOf(port));
    builder.environment().put("FOOTHOLD_BIND_ADDRESS", "127.0.0.1");
    Instant started = Instant.now();
    process = builder.start();
    awaitReadiness(log);
    startupTime = Duration.between(started, Instant.now());
    return this;
  }

  private void awaitReadiness(Path log) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NORMAL).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped during start-up (exit " + process.exitValue() + "); last lines of "
            + log + ":\n" + tail(log));
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Node " + name + " was not ready within " + STARTUP + "; see " + log + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String name() {
    return name;
  }

  /** From process start to ready. */
  public Duration startupTime() {
    return startupTime;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** A REST client rooted at this node (for {@link EngineRest#as(TestRestTemplate, String, String)}). */
  public TestRestTemplate rest() {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl()));
  }

  /** kill -9: no shutdown hooks, no graceful close of connections or transactions. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
