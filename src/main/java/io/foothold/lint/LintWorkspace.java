package io.foothold.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.foothold.modelguard.ModelBeans;
import io.foothold.modelguard.ModelCheck;
import io.foothold.modelguard.ModelProblem;

/**
 * The input parsed once for every rule: BPMN and DMN models, forms, descriptors and catalogs, grouped by
 * playbook id (the folder under processes/, forms/ and seeds/), plus what failed to parse. Also knows every
 * process key, decision key and form id that exists (in the input or known elsewhere) and the line of an
 * element id in a file.
 */
public final class LintWorkspace {

  public record BpmnFile(String path, String playbook, BpmnModelInstance model) {
  }

  public record DmnFile(String path, String playbook, DmnModelInstance model) {
  }

  public record FormFile(String path, String playbook, JsonNode json) {
  }

  public record ParseFailure(String path, String rule, Integer line, String message) {
  }

  private static final Pattern PLAYBOOK_FILE = Pattern.compile("(?:^|.*/)(processes|forms|seeds)/([^/]+)/([^/]+)$");
  private static final Pattern SAX_LINE = Pattern.compile("\\bLine=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LintInput input;
  private final ParsedFiles parsed;
  private final List<BpmnFile> bpmns = new ArrayList<>();
  private final List<DmnFile> dmns = new ArrayList<>();
  private final List<FormFile> forms = new ArrayList<>();
  private final Map<String, JsonNode> descriptors = new LinkedHashMap<>();
  private final Map<String, JsonNode> catalogs = new LinkedHashMap<>();
  private final List<ParseFailure> parseFailures = new ArrayList<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final List<String> outsidePlaybooks = new ArrayList<>();
  private final Map<String, List<ModelProblem>> modelProblems = new LinkedHashMap<>();

  public LintWorkspace(LintInput input) {
    this(input, ParsedFiles.forOneRun());
  }

  /**
   * The workspace over files parsed through {@code parsed}: files it has seen before (same bytes) are not parsed
   * again. A cache shared between threads is held ({@code synchronized (parsed)}) while the workspace is built and
   * read.
   */
  public LintWorkspace(LintInput input, ParsedFiles parsed) {
    this.input = input;
    this.parsed = parsed;
    Map<String, Map<String, String>> seedsByPlaybook = new LinkedHashMap<>();
    input.files().forEach((path, bytes) -> {
      Matcher m = PLAYBOOK_FILE.matcher(path);
      if (!m.matches()) {
        if (isPlaybookKind(path)) {
          outsidePlaybooks.add(path);
        }
        return;
      }
      String kind = m.group(1);
      String playbook = m.group(2);
      String name = m.group(3);
      texts.put(path, new String(bytes, StandardCharsets.UTF_8));
      if (kind.equals("processes") && name.endsWith(".bpmn")) {
        parseBpmn(path, playbook, bytes);
      } else if (kind.equals("processes") && name.endsWith(".dmn")) {
        parseDmn(path, playbook, bytes);
      } else if (kind.equals("forms") && name.endsWith(".form")) {
        parseForm(path, playbook, bytes);
      } else if (kind.equals("seeds") && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
        seedsByPlaybook.computeIfAbsent(playbook, k -> new LinkedHashMap<>()).put(name, path);
      }
    });
    seedsByPlaybook.forEach(this::readSeeds);
  }

  private void parseBpmn(String path, String playbook, byte[] bytes) {
    ParsedFiles.Parsed<BpmnModelInstance> model = parsed.bpmn(bytes);
    if (model.ok()) {
      bpmns.add(new BpmnFile(path, playbook, model.value()));
    } else {
      Exception e = model.failure();
      parseFailures.add(new ParseFailure(path, "model-parse", saxLine(e), "does not parse as BPMN: " + rootMessage(e)));
    }
  }

  private void parseDmn(String path, String playbook, byte[] bytes) {
    ParsedFiles.Parsed<DmnModelInstance> model = parsed.dmn(bytes);
    if (model.ok()) {
      dmns.add(new DmnFile(path, playbook, model.value()));
    } else {
      Exception e = model.failure();
      parseFailures.add(new ParseFailure(path, "model-parse", saxLine(e), "does not parse as DMN: " + rootMessage(e)));
    }
  }

  private void parseForm(String path, String playbook, byte[] bytes) {
    ParsedFiles.Parsed<JsonNode> form = parsed.json(bytes);
    if (form.ok()) {
      JsonNode json = form.value();
      if (json == null || !json.isObject()) {
        parseFailures.add(new ParseFailure(path, "form-parse", null, "a Camunda Form is a JSON object"));
      } else if (json.path("id").asText("").isBlank()) {
        parseFailures.add(new ParseFailure(path, "form-parse", null, "a Camunda Form needs an \"id\" (the formRef points at it)"));
      } else {
        forms.add(new FormFile(path, playbook, json));
      }
    } else {
      Exception e = form.failure();
      Integer line = null;
      String message = e.getMessage();
      if (e instanceof JsonProcessingException j) {
        line = j.getLocation() == null ? null : j.getLocation().getLineNr();
        message = j.getOriginalMessage();
      }
      parseFailures.add(new ParseFailure(path, "form-parse", line, "does not parse as JSON: " + message));
    }
  }

  private void readSeeds(String playbook, Map<String, String> seedFiles) {
    JsonNode descriptor = null;
    String descriptorPath = seedFiles.get("playbook.yaml");
    if (descriptorPath != null) {
      descriptor = yaml(descriptorPath);
      if (descriptor != null) {
        descriptors.put(playbook, descriptor);
      }
    }
    String catalogName = descriptor == null ? "catalog.yaml" : descriptor.path("catalog").asText("catalog.yaml");
    String catalogPath = seedFiles.get(catalogName);
    if (catalogPath != null) {
      JsonNode catalog = yaml(catalogPath);
      if (catalog != null) {
        catalogs.put(playbook, catalog);
      }
    }
  }

  private JsonNode yaml(String path) {
    ParsedFiles.Parsed<JsonNode> yaml = parsed.yaml(input.files().get(path));
    if (yaml.ok()) {
      JsonNode node = yaml.value();
      return node == null || node.isMissingNode() ? JSON.createObjectNode() : node;
    } else {
      Exception e = yaml.failure();
      Integer line = e instanceof JsonProcessingException j && j.getLocation() != null
          ? j.getLocation().getLineNr() : null;
      parseFailures.add(new ParseFailure(path, "model-parse", line, "does not parse as YAML: " + e.getMessage().lines().findFirst().orElse("")));
      return null;
    }
  }

  /**
   * Models, forms and seeds that are not inside a playbook folder ({@code processes/<playbook>/…}, e.g. a BPMN saved
   * straight into processes/): nothing ever deploys them, so a designer must hear about it.
   */
  public List<String> outsidePlaybooks() {
    return outsidePlaybooks;
  }

  /** The paths among these that lie outside any playbook folder, without reading or parsing a file. */
  public static List<String> outsidePlaybooks(Collection<String> paths) {
    return paths.stream().filter(path -> !PLAYBOOK_FILE.matcher(path).matches() && isPlaybookKind(path)).toList();
  }

  private static boolean isPlaybookKind(String path) {
    return path.endsWith(".bpmn") || path.endsWith(".dmn") || path.endsWith(".form") || path.endsWith(".yaml") || path.endsWith(".yml");
  }

  public List<BpmnFile> bpmns() {
    return bpmns;
  }

  public List<DmnFile> dmns() {
    return dmns;
  }

  public List<FormFile> forms() {
    return forms;
  }

  /** The file's text as read (UTF-8), or null for a file outside processes/, forms/, seeds/. */
  public String text(String path) {
    return texts.get(path);
  }

  /** Paths of every playbook file of the playbook. */
  public List<String> pathsOf(String playbook) {
    return texts.keySet().stream().filter(p -> playbookOf(p).equals(playbook)).toList();
  }

  static String playbookOf(String path) {
    Matcher m = PLAYBOOK_FILE.matcher(path);
    return m.matches() ? m.group(2) : "";
  }

  public List<ParseFailure> parseFailures() {
    return parseFailures;
  }

  /** The playbook's descriptor ({@code seeds/<id>/playbook.yaml}), or an empty node when it has none. */
  public JsonNode descriptor(String playbook) {
    return descriptors.getOrDefault(playbook, JSON.createObjectNode());
  }

  /** The playbook's catalog, or an empty node when it has none. */
  public JsonNode catalog(String playbook) {
    return catalogs.getOrDefault(playbook, JSON.createObjectNode());
  }

  public Map<String, JsonNode> catalogs() {
    return catalogs;
  }

  public Set<String> playbooks() {
    Set<String> ids = new TreeSet<>();
    bpmns.forEach(f -> ids.add(f.playbook()));
    dmns.forEach(f -> ids.add(f.playbook()));
    forms.forEach(f -> ids.add(f.playbook()));
    ids.addAll(descriptors.keySet());
    ids.addAll(catalogs.keySet());
    return ids;
  }

  public List<FormFile> formsOf(String playbook) {
    return forms.stream().filter(f -> f.playbook().equals(playbook)).toList();
  }

  public List<BpmnFile> bpmnsOf(String playbook) {
    return bpmns.stream().filter(f -> f.playbook().equals(playbook)).toList();
  }

  public List<DmnFile> dmnsOf(String playbook) {
    return dmns.stream().filter(f -> f.playbook().equals(playbook)).toList();
  }

  /** The beans models may call, as the running application (or, outside it, the linter) knows them. */
  public ModelBeans modelBeans() {
    return input.modelBeans();
  }

  /**
   * What the engine's deployment check ({@link ModelCheck}) refuses in the model at {@code path}, with these beans;
   * run once per workspace however many rules ask.
   */
  public List<ModelProblem> modelProblems(String path) {
    return modelProblems.computeIfAbsent(path, p -> ModelCheck.check(p, input.files().get(p), modelBeans()));
  }

  /** Process keys defined in the input or known to be deployed elsewhere. */
  public Set<String> processKeys() {
    Set<String> keys = new HashSet<>(input.knownProcessKeys());
    bpmns.forEach(f -> f.model().getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId())));
    return keys;
  }

  public Set<String> decisionKeys() {
    Set<String> keys = new HashSet<>(input.knownDecisionKeys());
    dmns.forEach(f -> f.model().getModelElementsByType(Decision.class).forEach(d -> keys.add(d.getId())));
    return keys;
  }

  public Set<String> formIds() {
    Set<String> ids = new HashSet<>(input.knownFormIds());
    forms.forEach(f -> ids.add(f.json().path("id").asText()));
    return ids;
  }

  /** The line where an element id is defined (XML {@code id="…"} or JSON {@code "id": "…"}), or null. */
  public Integer lineOf(String path, String elementId) {
    String text = texts.get(path);
    if (text == null || elementId == null) {
      return null;
    }
    Matcher m = Pattern.compile("(\\bid=\"" + Pattern.quote(elementId) + "\")|(\"id\"\\s*:\\s*\"" + Pattern.quote(elementId) + "\")").matcher(text);
    if (!m.find()) {
      return null;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** A finding located at the element's line. */
  public Finding finding(String path, String elementId, String rule, Severity severity, String message) {
    return new Finding(path, elementId, lineOf(path, elementId), rule, severity, message);
  }

  /**
   * The line of a parse error: from a SAXParseException in the cause chain, or from the "Line=N" that
   * Camunda's own error handler writes into the SAXException it throws instead.
   */
  private static Integer saxLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SAXParseException sax && sax.getLineNumber() > 0) {
        return sax.getLineNumber();
      }
      Matcher line = t.getMessage() == null ? null : SAX_LINE.matcher(t.getMessage());
      if (line != null && line.find()) {
        return Integer.valueOf(line.group(1));
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : e.getMessage();
  }
}
