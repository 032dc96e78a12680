package io.foothold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.util.FileSystemUtils;

/**
 * The designer loop: the packaged app with live reload watching a temporary copy of processes/, forms/ and
 * seeds/. A form label (and a few times a BPMN task name) is changed by writing the file, as Camunda Modeler saves
 * it, and timed until Tasklist's REST API serves the new version. Baseline: the same change pushed by an explicit
 * REST deployment (POST /engine-rest/deployment/create), timed from request to visible. Polls every 20 ms.
 */
final class SaveToLive implements Benchmark {

  /** The target: a saved form label is live within 2 x the time a REST deployment takes. */
  static final double TARGET_RATIO = 2.0;
  static final int FORM_CHANGES = Integer.getInteger("bench.live.forms", 10);
  static final int MODEL_CHANGES = Integer.getInteger("bench.live.models", 3);
  static final String FORM = "forms/recovery-arc/open-case.form";
  static final String FORM_RESOURCE = "recovery-arc/open-case.form";
  /** The label as written in the file and as Foothold re-serialises it when filling catalog options. */
  static final String FORM_LABEL = "\"label\"\\s*:\\s*\"What happened\"";
  static final String MODEL = "processes/recovery-arc/recovery-arc.bpmn";
  static final String MODEL_RESOURCE = "recovery-arc/recovery-arc.bpmn";
  static final String MODEL_NAME = "name=\"Hold a calm, fact-focused debrief\"";
  static final Duration LIMIT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private LaunchedJar app;

  @Override
  public String name() {
    return "save-to-live";
  }

  @Override
  public List<Figure> run(BenchSettings settings) throws Exception {
    Path workDir = Files.createTempDirectory(settings.workDir(), "save-to-live-");
    Path folder = workDir.resolve("playbooks");
    for (String top : List.of("processes", "forms", "seeds")) {
      FileSystemUtils.copyRecursively(settings.repositoryRoot().resolve(top), folder.resolve(top));
    }
    List<String> args = List.of("--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
        "--foothold.playbooks.folder=" + folder.toAbsolutePath(),
        "--foothold.playbooks.live-reload=true");
    try (LaunchedJar started = LaunchedJar.start(settings.jar(), workDir, StartupFootprint.JVM_FLAGS, args)) {
      app = started;
      app.secondsUntilOk(StartupFootprint.TASKLIST, Duration.ofMinutes(3));
      await(() -> status("dana", "/engine-rest/process-definition/key/RecoveryArc") == 200);

      String form = Files.readString(folder.resolve(FORM));
      String deployedForm = deployedResource(FORM_RESOURCE);
      List<Double> formSaved = new ArrayList<>();
      List<Double> formPushed = new ArrayList<>();
      for (int i = 0; i < FORM_CHANGES; i++) {
        String saved = "What happened (saved " + UUID.randomUUID() + ")";
        long start = System.nanoTime();
        Files.writeString(folder.resolve(FORM), relabel(form, saved));
        await(() -> startForm().contains(saved));
        formSaved.add(millisSince(start));

        String pushed = "What happened (pushed " + UUID.randomUUID() + ")";
        String body = relabel(deployedForm, pushed);
        start = System.nanoTime();
        deploy(FORM_RESOURCE, body);
        await(() -> startForm().contains(pushed));
        formPushed.add(millisSince(start));
      }

      String model = Files.readString(folder.resolve(MODEL));
      List<Double> modelSaved = new ArrayList<>();
      List<Double> modelPushed = new ArrayList<>();
      for (int i = 0; i < MODEL_CHANGES; i++) {
        int before = latestVersion();
        long start = System.nanoTime();
        Files.writeString(folder.resolve(MODEL), model.replace(MODEL_NAME, "name=\"Hold a calm, fact-focused debrief (saved " + i + ")\""));
        await(() -> latestVersion() > before);
        modelSaved.add(millisSince(start));

        int beforePush = latestVersion();
        start = System.nanoTime();
        deploy(MODEL_RESOURCE, model.replace(MODEL_NAME, "name=\"Hold a calm, fact-focused debrief (pushed " + i + ")\""));
        await(() -> latestVersion() > beforePush);
        modelPushed.add(millisSince(start));
      }
      System.out.printf(Locale.ROOT, "  form saved->live (ms): %s%n  form pushed->live (ms): %s%n", formSaved, formPushed);
      System.out.printf(Locale.ROOT, "  model saved->live (ms): %s%n  model pushed->live (ms): %s%n", modelSaved, modelPushed);
      return List.of(
          Figure.ratioAtMost(name(), "form label saved to served, p50", "ms", Stats.median(formSaved),
              "REST deployment", Stats.median(formPushed), TARGET_RATIO),
          Figure.lowerIsBetter(name(), "form label saved to served, p95", "ms", Stats.percentile(formSaved, 95),
              "REST deployment", Stats.percentile(formPushed, 95), null, null),
          Figure.lowerIsBetter(name(), "BPMN saved to new version, p50", "ms", Stats.median(modelSaved),
              "REST deployment", Stats.median(modelPushed), null, null));
    } finally {
      app = null;
    }
  }

  private static String relabel(String form, String label) {
    String changed = form.replaceFirst(FORM_LABEL, "\"label\": \"" + label + "\"");
    if (changed.equals(form)) {
      throw new IllegalStateException("The open-case form has no label 'What happened' any more");
    }
    return changed;
  }

  /** The open-case start form as Tasklist fetches it for the manager maya. */
  private String startForm() {
    return get("maya", "/engine-rest/process-definition/key/RecoveryArc/deployed-start-form").body();
  }

  private int latestVersion() {
    return read(get("dana", "/engine-rest/process-definition/key/RecoveryArc").body()).path("version").asInt();
  }

  /** The resource as Foothold deployed it (catalog options filled in), so a pushed copy serves the same options. */
  private String deployedResource(String resourceName) {
    String deployment = read(get("dana", "/engine-rest/deployment?name=" + URLEncoder.encode("foothold:recovery-arc", StandardCharsets.UTF_8)
        + "&sortBy=deploymentTime&sortOrder=desc&maxResults=1").body()).path(0).path("id").asText();
    for (JsonNode resource : read(get("dana", "/engine-rest/deployment/" + deployment + "/resources").body())) {
      if (resource.path("name").asText().equals(resourceName)) {
        return get("dana", "/engine-rest/deployment/" + deployment + "/resources/" + resource.path("id").asText() + "/data").body();
      }
    }
    throw new IllegalStateException(resourceName + " is not in the latest recovery-arc deployment " + deployment);
  }

  /** What a designer's deploy button does: one multipart POST with the changed file, as the designer dana. */
  private void deploy(String resourceName, String content) {
    String boundary = "bench" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    part(body, boundary, "deployment-name", null, "foothold:recovery-arc");
    part(body, boundary, "enable-duplicate-filtering", null, "true");
    part(body, boundary, "deploy-changed-only", null, "true");
    part(body, boundary, "data", resourceName, content);
    body.append("--").append(boundary).append("--\r\n");
    HttpRequest request = authorized("dana", "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("REST deployment answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static void part(StringBuilder body, String boundary, String name, String fileName, String value) {
    body.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      body.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream");
    }
    body.append("\r\n\r\n").append(value).append("\r\n");
  }

  private int status(String user, String path) {
    return get(user, path).statusCode();
  }

  private HttpResponse<String> get(String user, String path) {
    return send(authorized(user, path).GET().build());
  }

  private HttpRequest.Builder authorized(String user, String path) {
    return HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bounded poll every 20 ms (the resolution of these figures). */
  private static void await(BooleanSupplier live) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!live.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not live within " + LIMIT.toSeconds() + " s");
      }
      Thread.sleep(20);
    }
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
