package io.foothold.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.foothold.forms.schema.FormComponent;
import io.foothold.forms.schema.FormComponents;
import io.foothold.lint.Finding;
import io.foothold.lint.LintInput;
import io.foothold.lint.LintWorkspace;
import io.foothold.lint.ParsedFiles;
import io.foothold.lint.ParsedFiles.Parsed;
import io.foothold.lint.PlaybookLinter;
import io.foothold.lint.Severity;
import io.foothold.modelguard.ModelBeans;
import io.foothold.playbook.spi.FootholdSpi;

/**
 * Checks a playbook before anything of it is deployed: the descriptor is complete, every listed file
 * exists and parses, every Java contribution the models call exists, and the designers' linter finds no
 * error (its rules cover forms, decisions and called processes the models refer to). Each problem names the
 * file, the element and what is wrong.
 */
final class PlaybookValidator {

  /** Why a file could not be checked further: absent, or present but not parsing. Null for any other problem. */
  enum Unreadable { MISSING, UNPARSEABLE }

  record Problem(String file, String element, String message, Unreadable unreadable) {

    Problem(String file, String element, String message) {
      this(file, element, message, null);
    }

    /** The linter reads the models' content; it needs every file present and parsing. */
    boolean stopsLinting() {
      return unreadable != null;
    }

    @Override
    public String toString() {
      return file + (element == null ? "" : " [" + element + "]") + ": " + message;
    }
  }

  /**
   * What the whole application offers: everything every discovered playbook declares, plus what is deployed, and
   * the beans models may call.
   */
  record Known(Set<String> processKeys, Set<String> decisionKeys, Set<String> formIds, ModelBeans beans) {
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SIMPLE_FILE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  private PlaybookValidator() {
  }

  /** Process keys, decision keys and form ids a playbook declares, for cross-playbook references. */
  static Known declaredBy(List<Playbook> playbooks, Known deployed, ParsedFiles parsed) {
    Set<String> processes = new HashSet<>(deployed.processKeys());
    Set<String> decisions = new HashSet<>(deployed.decisionKeys());
    Set<String> forms = new HashSet<>(deployed.formIds());
    synchronized (parsed) {
      for (Playbook playbook : playbooks) {
        PlaybookDescriptor d = playbook.descriptor();
        d.processes().forEach(file -> read(playbook, d.processPath(file)).map(parsed::bpmn).filter(Parsed::ok)
            .ifPresent(model -> model.value().getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()))));
        d.decisions().forEach(file -> read(playbook, d.processPath(file)).map(parsed::dmn).filter(Parsed::ok)
            .ifPresent(model -> model.value().getModelElementsByType(Decision.class).forEach(dec -> decisions.add(dec.getId()))));
        d.forms().forEach(file -> read(playbook, d.formPath(file)).map(parsed::json).filter(form -> form.ok() && form.value() != null)
            .ifPresent(form -> forms.add(form.value().path("id").asText())));
      }
    }
    return new Known(processes, decisions, forms, deployed.beans());
  }

  /**
   * Every problem of the playbook as it is now. Each file is parsed through {@code parsed}, once for these checks and
   * the linter together, and not at all when the same bytes were parsed before.
   */
  static List<Problem> validate(Playbook playbook, Known known, ParsedFiles parsed) {
    synchronized (parsed) {
      return validateParsed(playbook, known, parsed);
    }
  }

  private static List<Problem> validateParsed(Playbook playbook, Known known, ParsedFiles parsed) {
    List<Problem> problems = new ArrayList<>();
    PlaybookDescriptor d = playbook.descriptor();
    String descriptorFile = d.seedPath("playbook.yaml");
    checkDescriptor(d, descriptorFile, problems);
    for (String delegate : d.delegates()) {
      if (!playbook.contributions().containsKey(delegate) && !known.beans().offers(delegate)) {
        problems.add(new Problem(descriptorFile, delegate, "delegate '" + delegate
            + "' is neither a bean models may call (@PlaybookBean) nor contributed by the plugin"));
      }
    }
    Set<String> ownProcesses = new HashSet<>();
    for (String file : d.processes()) {
      checkProcess(playbook, d.processPath(file), known, parsed, ownProcesses, problems);
    }
    boolean modelsParsed = problems.stream().noneMatch(problem -> problem.unreadable() == Unreadable.UNPARSEABLE);
    for (String entry : modelsParsed ? d.entryProcesses() : List.<String>of()) {
      if (!ownProcesses.contains(entry)) {
        problems.add(new Problem(descriptorFile, entry, "entry process '" + entry + "' is not defined in the playbook's processes"));
      }
    }
    for (String file : d.decisions()) {
      String path = d.processPath(file);
      Optional<byte[]> bytes = required(playbook, path, problems);
      bytes.map(parsed::dmn).filter(model -> !model.ok()).ifPresent(model -> problems.add(
          new Problem(path, null, "does not parse as DMN: " + rootMessage(model.failure()), Unreadable.UNPARSEABLE)));
    }
    for (String file : d.forms()) {
      checkForm(playbook, d.formPath(file), parsed, problems);
    }
    if (problems.stream().noneMatch(Problem::stopsLinting)) {
      lint(playbook, known, parsed, problems);
    }
    return problems;
  }

  /** The designers' linter: its errors stop a deployment like any other problem (warnings are for the lint command). */
  private static void lint(Playbook playbook, Known known, ParsedFiles parsed, List<Problem> problems) {
    for (Finding finding : lintFindingsParsed(playbook, known, parsed)) {
      if (finding.severity() == Severity.ERROR) {
        String where = finding.line() == null ? finding.file() : finding.file() + ":" + finding.line();
        problems.add(new Problem(where, finding.elementId(), finding.rule() + ": " + finding.message()));
      }
    }
  }

  /** Every lint finding (errors and warnings) on the playbook's files, as the deployment check sees them. */
  static List<Finding> lintFindings(Playbook playbook, Known known, ParsedFiles parsed) {
    synchronized (parsed) {
      return lintFindingsParsed(playbook, known, parsed);
    }
  }

  private static List<Finding> lintFindingsParsed(Playbook playbook, Known known, ParsedFiles parsed) {
    PlaybookDescriptor d = playbook.descriptor();
    Map<String, byte[]> files = new LinkedHashMap<>();
    d.processes().forEach(file -> read(playbook, d.processPath(file)).ifPresent(bytes -> files.put(d.processPath(file), bytes)));
    d.decisions().forEach(file -> read(playbook, d.processPath(file)).ifPresent(bytes -> files.put(d.processPath(file), bytes)));
    d.forms().forEach(file -> read(playbook, d.formPath(file)).ifPresent(bytes -> files.put(d.formPath(file), bytes)));
    read(playbook, d.seedPath("playbook.yaml")).ifPresent(bytes -> files.put(d.seedPath("playbook.yaml"), bytes));
    if (d.catalog() != null) {
      read(playbook, d.seedPath(d.catalog())).ifPresent(bytes -> files.put(d.seedPath(d.catalog()), bytes));
    }
    LintInput input = LintInput.of(files).withKnown(known.processKeys(), known.decisionKeys(), known.formIds())
        .withModelBeans(withContributionsOf(playbook, known.beans()));
    return PlaybookLinter.lint(new LintWorkspace(input, parsed));
  }

  /** The application's callable beans plus the playbook's own contributions (registered only once it deploys). */
  private static ModelBeans withContributionsOf(Playbook playbook, ModelBeans application) {
    return new ModelBeans() {
      @Override
      public Optional<Object> find(String name) {
        Object own = playbook.contributions().get(name);
        return own != null ? Optional.of(own) : application.find(name);
      }

      @Override
      public boolean offers(String name) {
        return playbook.contributions().containsKey(name) || application.offers(name);
      }

      @Override
      public boolean isReserved(String name) {
        return application.isReserved(name);
      }
    };
  }

  private static void checkDescriptor(PlaybookDescriptor d, String file, List<Problem> problems) {
    if (d.id() == null || !ID.matcher(d.id()).matches()) {
      problems.add(new Problem(file, "id", "id must be lowercase words joined by '-'"));
    }
    if (blank(d.name())) {
      problems.add(new Problem(file, "name", "name is required"));
    }
    if (blank(d.version())) {
      problems.add(new Problem(file, "version", "version is required"));
    }
    if (!FootholdSpi.VERSION.equals(d.requires().get("foothold"))) {
      problems.add(new Problem(file, "requires", "requires.foothold must be \"" + FootholdSpi.VERSION + "\" (this Foothold's SPI version)"));
    }
    if (d.processes().isEmpty()) {
      problems.add(new Problem(file, "processes", "a playbook needs at least one process"));
    }
    List<String> files = new ArrayList<>(d.processes());
    files.addAll(d.decisions());
    files.addAll(d.forms());
    if (d.catalog() != null) {
      files.add(d.catalog());
    }
    files.stream().filter(name -> !SIMPLE_FILE.matcher(name).matches() || name.contains(".."))
        .forEach(name -> problems.add(new Problem(file, name, "file names are plain names inside the playbook's folder")));
  }

  private static void checkProcess(Playbook playbook, String path, Known known, ParsedFiles parsed, Set<String> ownProcesses,
      List<Problem> problems) {
    Optional<byte[]> bytes = required(playbook, path, problems);
    if (bytes.isEmpty()) {
      return;
    }
    Parsed<BpmnModelInstance> parsedModel = parsed.bpmn(bytes.get());
    if (!parsedModel.ok()) {
      problems.add(new Problem(path, null, "does not parse as BPMN: " + rootMessage(parsedModel.failure()), Unreadable.UNPARSEABLE));
      return;
    }
    BpmnModelInstance model = parsedModel.value();
    model.getModelElementsByType(Process.class).forEach(process -> ownProcesses.add(process.getId()));
    // Form, decision and called-process references are the linter's rules (form-exists, called-element-exists).
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String expression = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
      Matcher bean = expression == null ? null : BEAN_EXPRESSION.matcher(expression.trim());
      if (bean != null && bean.matches() && !playbook.contributions().containsKey(bean.group(1)) && !known.beans().offers(bean.group(1))) {
        problems.add(new Problem(path, element.getId(), "delegate '" + bean.group(1) + "' does not exist"));
      }
    }
  }

  private static void checkForm(Playbook playbook, String path, ParsedFiles parsed, List<Problem> problems) {
    Optional<byte[]> bytes = required(playbook, path, problems);
    if (bytes.isEmpty()) {
      return;
    }
    Parsed<JsonNode> parsedForm = parsed.json(bytes.get());
    Optional<JsonNode> form = parsedForm.ok() ? Optional.of(parsedForm.value() == null ? MissingNode.getInstance() : parsedForm.value())
        : Optional.empty();
    if (form.isEmpty()) {
      problems.add(new Problem(path, null, "is not valid JSON", Unreadable.UNPARSEABLE));
      return;
    }
    if (blank(form.get().path("id").asText(null))) {
      problems.add(new Problem(path, null, "a Camunda Form needs an \"id\""));
    }
    checkCatalogReferences(path, form.get(), playbook.catalog(), problems);
  }

  private static void checkCatalogReferences(String path, JsonNode form, PlaybookCatalog catalog, List<Problem> problems) {
    for (FormComponent component : FormComponents.of(form)) {
      String list = component.property("catalog");
      if (list != null && !catalog.hasList(list)) {
        problems.add(new Problem(path, component.id(), "catalog list '" + list + "' does not exist in the playbook's catalog"));
      }
    }
  }

  private static Optional<byte[]> required(Playbook playbook, String path, List<Problem> problems) {
    Optional<byte[]> bytes = read(playbook, path);
    if (bytes.isEmpty()) {
      problems.add(new Problem(path, null, "is listed in the descriptor but missing from " + playbook.source().describe(),
          Unreadable.MISSING));
    }
    return bytes;
  }

  private static Optional<byte[]> read(Playbook playbook, String path) {
    return playbook.source().read(path);
  }

  /** The parser's own words, with the line it stopped at when it says (SAX does). */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    Integer line = null;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof SAXParseException sax && sax.getLineNumber() > 0) {
        line = sax.getLineNumber();
      }
    }
    String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
    return line == null ? message : "line " + line + ": " + message;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
