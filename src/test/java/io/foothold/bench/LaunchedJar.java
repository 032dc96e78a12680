package io.foothold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code java -jar} started the way an operator starts it: own working directory, loopback, a free port,
 * output to a log file. Knows when it was started, so time to the first HTTP 200 counts from process start.
 */
final class LaunchedJar implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path log;

  private LaunchedJar(Process process, long startedNanos, int port, Path log) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code java <jvmFlags> -jar jar --server.port=<free> --server.address=127.0.0.1 <appArgs>} in workDir. */
  static LaunchedJar start(Path jar, Path workDir, List<String> jvmFlags, List<String> appArgs) throws IOException {
    Files.createDirectories(workDir);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(appArgs);
    Path log = workDir.resolve("app.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // Neither app may pick up an operator's settings from this environment.
    builder.environment().keySet().removeIf(name -> name.startsWith("FOOTHOLD_") || name.startsWith("SPRING_") || name.startsWith("CAMUNDA_"));
    long started = System.nanoTime();
    return new LaunchedJar(builder.start(), started, port, log);
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Polls the path every 50 ms, following redirects, until it ends in a 200 still under that path (Tasklist
   * redirects to its default engine, and to Camunda Admin's setup page while no administrator exists yet);
   * returns seconds since the process was started.
   */
  double secondsUntilOk(String path, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The app exited with " + process.exitValue() + " before answering; see " + log);
      }
      try {
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200 && response.uri().getPath().startsWith(path)) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException notYetListening) {
        // keep polling
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("No HTTP 200 on " + path + " within " + limit.toSeconds() + " s; see " + log);
  }

  /** Resident set size of the JVM process (VmRSS), in MiB. */
  double rssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for process " + process.pid());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
