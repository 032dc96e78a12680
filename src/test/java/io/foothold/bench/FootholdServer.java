package io.foothold.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Foothold as operators run it: {@code java -jar target/foothold.jar} in a JVM of its own, on a given database,
 * on a free loopback port, demo profile (the demo users), no live reload, no job executor (nothing in the
 * background competes with the measured requests). Output goes to a log file in its working directory.
 */
final class FootholdServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private FootholdServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the jar and waits until Spring says it started (the start-up runners, e.g. the demo directory and the
   * Tasklist filters, have run by then).
   */
  static FootholdServer start(BenchSettings settings, String name, String jdbcUrl, List<String> jvmOptions, List<String> properties)
      throws IOException, InterruptedException {
    List<String> withUrl = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl));
    withUrl.addAll(properties);
    return start(settings, name, jvmOptions, withUrl, null);
  }

  /**
   * The same on a database the properties name ({@code --spring.datasource.url=…}); a password, if any, reaches the
   * server through its environment, so it shows in no process list.
   */
  static FootholdServer start(BenchSettings settings, String name, List<String> jvmOptions, List<String> properties, String databasePassword)
      throws IOException, InterruptedException {
    Path workDir = settings.workDir().resolve(name);
    Files.createDirectories(workDir);
    Path log = workDir.resolve("foothold.log");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", settings.jar().toString(),
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--foothold.playbooks.live-reload=false",
        "--foothold.playbooks.folder=" + settings.repositoryRoot(),
        "--camunda.bpm.job-execution.enabled=false"));
    command.addAll(properties);
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    if (databasePassword != null) {
      builder.environment().put("SPRING_DATASOURCE_PASSWORD", databasePassword);
    }
    Process process = builder.start();
    FootholdServer server = new FootholdServer(process, port, log);
    while (!Files.readString(log).contains("Started FootholdApplication")) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " did not start; see " + log);
      }
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(4)) {
        server.close();
        throw new IllegalStateException(name + " did not start within 4 minutes; see " + log);
      }
      Thread.sleep(250);
    }
    System.out.printf("%s: Foothold up on port %d after %.1f s (pid %d)%n", name, port, (System.nanoTime() - started) / 1e9, process.pid());
    return server;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
