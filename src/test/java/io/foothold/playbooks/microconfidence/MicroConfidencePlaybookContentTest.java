package io.foothold.playbooks.microconfidence;

import static io.foothold.support.FormContentRules.ALLOWED_TYPES;
import static io.foothold.support.FormContentRules.NON_INPUT_TYPES;
import static io.foothold.support.FormContentRules.OPTION_TYPES;
import static io.foothold.support.FormContentRules.VALIDATE_KEYS;
import static io.foothold.support.FormContentRules.LABELLING_WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import io.foothold.support.SourceDocuments;

/**
 * The micro-confidence playbook's files against the playbook contract (/work/spec/playbooks-spec.md):
 * descriptor, catalog (own words, every entry traceable to one source line), forms (ids, allowed
 * component types, guidance first, validation, catalog-driven options, serious-signal block) and the
 * BPMN's form references. Plain JUnit, files are read from the repository folders.
 */
class MicroConfidencePlaybookContentTest {

  static final String ID = "micro-confidence";
  static final Path FORMS_DIR = Path.of("forms", ID);
  static final Path SEEDS_DIR = Path.of("seeds", ID);
  static final Path PROCESS_DIR = Path.of("processes", ID);
  static final String SOURCE_DOC = "002_52e1293474eda85b.txt";

  static final ObjectMapper JSON = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();

  /** Forms a manager or employee fills in; all but the HR form. */
  static final List<String> PERSON_FORMS = List.of("start", "define-action", "ship", "expand", "summary");

  // ---------------------------------------------------------------------------------------------
  // Descriptor and catalog

  @Test
  void descriptorNamesFilesThatExist() throws IOException {
    JsonNode d = YAML.readTree(SEEDS_DIR.resolve("playbook.yaml").toFile());
    assertThat(d.path("id").asText()).isEqualTo(ID);
    assertThat(d.path("name").asText()).isEqualTo("Small daily wins: Start, Ship, Expand");
    assertThat(d.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(d.path("description").asText()).isNotBlank();
    assertThat(d.path("source").asText()).isEqualTo(SOURCE_DOC);
    assertThat(d.path("requires").path("foothold").asText()).isEqualTo("1");
    assertThat(texts(d.path("entryProcesses"))).containsExactly("MicroConfidenceLoop");
    assertThat(texts(d.path("processes"))).containsExactly("micro-confidence-loop.bpmn");
    assertThat(texts(d.path("decisions"))).isEmpty();
    assertThat(texts(d.path("delegates"))).containsExactly("evidenceLog", "people", "workingDays");
    assertThat(d.path("catalog").asText()).isEqualTo("catalog.yaml");
    assertThat(new TreeSet<>(texts(d.path("forms")))).isEqualTo(new TreeSet<>(formFiles()));
    for (String p : texts(d.path("processes"))) {
      assertThat(PROCESS_DIR.resolve(p)).exists();
    }
  }

  @Test
  void catalogEntriesAreCompleteAndEachCoversOneSourceLine() throws IOException {
    JsonNode c = catalog();
    assertThat(c.path("playbook").asText()).isEqualTo(ID);
    assertThat(c.path("source").asText()).isEqualTo(SOURCE_DOC);
    assertThat(ids(c, "loopSteps")).containsExactly("start", "ship", "expand");
    assertThat(ids(c, "actionIdeas")).contains("clarifying-email", "short-practice-recording", "one-page-reading");
    assertThat(ids(c, "principles")).contains(
        "too-small-to-refuse", "finish-and-record", "consistency-over-perfection", "evidence-builds-belief");
    assertThat(ids(c, "escalationCriteria")).containsExactly("prolonged-withdrawal", "safety-or-team-impact", "severe-distress");

    Set<String> seen = new HashSet<>();
    for (String list : List.of("loopSteps", "actionIdeas", "principles", "escalationCriteria")) {
      for (JsonNode e : c.path(list)) {
        String where = list + "/" + e.path("id").asText();
        assertThat(e.path("id").asText()).as(where).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(seen.add(list + ":" + e.path("id").asText())).as(where + " unique").isTrue();
        assertThat(e.path("label").asText()).as(where).isNotBlank();
        assertThat(e.path("hint").asText()).as(where).isNotBlank();
        List<String> covers = texts(e.path("covers"));
        assertThat(covers).as(where + " covers").hasSizeBetween(2, 4);
        covers.forEach(k -> assertThat(k).as(where).isEqualTo(k.toLowerCase(Locale.ROOT)).isNotBlank());
        List<String> lines = Files.readAllLines(SourceDocuments.document(e.path("source").asText()), StandardCharsets.UTF_8);
        assertThat(lines.stream().map(l -> l.toLowerCase(Locale.ROOT)).anyMatch(l -> covers.stream().allMatch(l::contains)))
            .as(where + ": one line of " + e.path("source").asText() + " holds all of " + covers).isTrue();
      }
    }
    // only the escalation criteria come from elsewhere (the micro-confidence source has none)
    c.path("loopSteps").forEach(e -> assertThat(e.path("source").asText()).isEqualTo(SOURCE_DOC));
    c.path("actionIdeas").forEach(e -> assertThat(e.path("source").asText()).isEqualTo(SOURCE_DOC));
    c.path("principles").forEach(e -> assertThat(e.path("source").asText()).isEqualTo(SOURCE_DOC));
  }

  /** Facts carry over, sentences do not: no run of eight source words appears in our texts. */
  @Test
  void noSentenceIsCopiedFromTheSourceAndTheProductIsNotNamed() throws IOException {
    Set<String> sourceRuns = wordRuns(Files.readString(SourceDocuments.document(SOURCE_DOC)), 8);
    Map<String, String> ours = ownTexts();
    ours.forEach((where, text) -> {
      Set<String> runs = wordRuns(text, 8);
      runs.retainAll(sourceRuns);
      assertThat(runs).as(where + " copies source wording").isEmpty();
      assertThat(text).as(where + " names the product").doesNotContainPattern("(?i)\\bquest\\b");
      LABELLING_WORDS.forEach(w -> assertThat(text.toLowerCase(Locale.ROOT)).as(where + " labels a person").doesNotContain(w));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Forms

  static Stream<String> formNames() throws IOException {
    return formFiles().stream().map(f -> f.replace(".form", ""));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void formFollowsTheConventions(String name) throws IOException {
    JsonNode form = form(name);
    assertThat(form.path("id").asText()).isEqualTo(ID + "-" + name);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    List<JsonNode> components = components(form);
    assertThat(components.get(0).path("type").asText()).as("guidance text first").isEqualTo("text");
    JsonNode catalog = catalog();
    Set<String> keys = new HashSet<>();
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      assertThat(ALLOWED_TYPES).as(name + ": type " + type).contains(type);
      if (NON_INPUT_TYPES.contains(type)) {
        continue;
      }
      String key = c.path("key").asText();
      assertThat(keys.add(key)).as(name + ": duplicate key " + key).isTrue();
      assertThat(c.path("id").asText()).isEqualTo("Field_" + key);
      assertThat(type.equals("datetime") ? c.path("dateLabel").asText() : c.path("label").asText()).as(name + "/" + key + " label").isNotBlank();
      assertThat(c.path("description").asText()).as(name + "/" + key + " description").isNotBlank();
      c.path("validate").fieldNames().forEachRemaining(v -> assertThat(VALIDATE_KEYS).as(name + "/" + key).contains(v));
      if (OPTION_TYPES.contains(type)) {
        String list = c.path("properties").path("catalog").asText(null);
        if (list != null) {
          assertThat(catalog.path(list).isArray()).as(name + "/" + key + ": catalog list " + list).isTrue();
          assertThat(c.path("values").isArray() && c.path("values").isEmpty()).as(name + "/" + key + ": values [] for catalog").isTrue();
        } else if (c.path("properties").has("optionsSource")) {
          assertThat(c.path("values").isEmpty()).isTrue();
        } else {
          assertThat(c.path("values").size()).as(name + "/" + key + " options").isGreaterThan(1);
          c.path("values").forEach(v -> assertThat(v.path("value").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("personForms")
  void everyManagerAndEmployeeFormCarriesTheSeriousSignalBlock(String name) throws IOException {
    Map<String, JsonNode> f = fields(form(name));
    assertThat(f.get("seriousSignal").path("type").asText()).isEqualTo("checkbox");
    JsonNode kinds = f.get("seriousSignalKinds");
    assertThat(kinds.path("type").asText()).isEqualTo("checklist");
    assertThat(kinds.path("properties").path("catalog").asText()).isEqualTo("escalationCriteria");
    assertThat(kinds.path("validate").path("required").asBoolean()).isTrue();
    assertThat(kinds.path("conditional").path("hide").asText()).isEqualTo("=not(seriousSignal)");
    JsonNode note = f.get("seriousSignalNote");
    assertThat(note.path("type").asText()).isEqualTo("textarea");
    assertThat(note.path("validate").path("required").asBoolean()).isTrue();
    assertThat(note.path("validate").path("maxLength").asInt()).isEqualTo(2000);
    assertThat(note.path("conditional").path("hide").asText()).isEqualTo("=not(seriousSignal)");
  }

  static Stream<String> personForms() {
    return PERSON_FORMS.stream();
  }

  @Test
  void fieldsMatchTheBrief() throws IOException {
    Map<String, JsonNode> start = fields(form("start"));
    assertThat(start.get("employeeId").path("properties").path("optionsSource").asText()).isEqualTo("my-reports");
    assertThat(start.get("confidenceArea").path("validate").path("required").asBoolean()).isTrue();
    assertRange(start.get("loopWeeks"), "min", 1, "max", 8);
    assertThat(start.get("loopWeeks").path("defaultValue").asInt()).isEqualTo(2);

    Map<String, JsonNode> define = fields(form("define-action"));
    assertRange(define.get("microAction"), "minLength", 10, "maxLength", 300);
    assertRange(define.get("actionMinutes"), "min", 1, "max", 10);
    assertThat(define.get("actionWhy").path("validate").path("required").asBoolean()).isTrue();
    assertThat(define.get("actionIdea").path("properties").path("catalog").asText()).isEqualTo("actionIdeas");
    assertThat(define.get("principlesAgreed").path("properties").path("catalog").asText()).isEqualTo("principles");

    Map<String, JsonNode> ship = fields(form("ship"));
    assertThat(ship.get("shippedToday").path("type").asText()).isEqualTo("radio");
    assertThat(texts(ship.get("shippedToday").path("values"), "value")).containsExactly("yes", "no");
    assertRange(ship.get("evidenceNote"), "minLength", 5, "maxLength", 500);
    assertRange(ship.get("effortRating"), "min", 1, "max", 5);

    JsonNode expandForm = form("expand");
    Map<String, JsonNode> expand = fields(expandForm);
    assertThat(components(expandForm).stream().filter(c -> c.path("type").asText().equals("text"))
        .anyMatch(c -> c.path("text").asText().contains("{{proposedMinutes}}"))).isTrue();
    assertThat(expand.get("grownAction").path("type").asText()).isEqualTo("textarea");
    assertThat(expand.get("grownMinutes").path("type").asText()).isEqualTo("number");
    assertThat(expand.get("grownMinutes").path("properties").path("rule").asText())
        .isEqualTo("=grownMinutes >= actionMinutes * 1.2 and grownMinutes <= actionMinutes * 1.5");
    assertThat(expand.get("grownMinutes").path("properties").path("ruleMessage").asText()).isNotBlank();
    assertThat(expand.get("keepOriginal").path("type").asText()).isEqualTo("checkbox");
    assertThat(expand.get("actionMinutes").path("readonly").asBoolean()).as("the rule's actionMinutes is part of the form data").isTrue();

    Map<String, JsonNode> summary = fields(form("summary"));
    assertThat(summary.get("evidenceLogText").path("type").asText()).isEqualTo("textarea");
    assertThat(summary.get("evidenceLogText").path("readonly").asBoolean()).isTrue();
    assertThat(summary.get("summaryReflection").path("validate").path("required").asBoolean()).isTrue();
    assertThat(summary.get("nextStep").path("validate").path("required").asBoolean()).isTrue();

    Map<String, JsonNode> referral = fields(form("arrange-referral"));
    assertThat(texts(referral.get("referralRoute").path("values"), "value"))
        .containsExactly("occupational-health", "employee-assistance", "qualified-professional", "no-referral-needed");
    assertThat(referral.get("referralOfferedOn").path("conditional").path("hide").asText()).isEqualTo("=referralRoute = \"no-referral-needed\"");
    assertThat(referral.get("noReferralReason").path("conditional").path("hide").asText()).isEqualTo("=referralRoute != \"no-referral-needed\"");
    assertThat(referral.get("reviewSignalKinds").path("readonly").asBoolean()).isTrue();
    assertThat(referral.get("reviewSignalNote").path("readonly").asBoolean()).isTrue();
    assertThat(referral).doesNotContainKey("seriousSignal");
  }

  @Test
  void everyFormReferenceInTheBpmnPointsToAFormOfThisPlaybook() throws IOException {
    String bpmn = Files.readString(PROCESS_DIR.resolve("micro-confidence-loop.bpmn"));
    Set<String> formIds = new HashSet<>();
    for (String name : formNames().toList()) {
      formIds.add(form(name).path("id").asText());
    }
    Matcher m = Pattern.compile("camunda:formRef=\"([^\"]+)\" camunda:formRefBinding=\"latest\"").matcher(bpmn);
    Set<String> referenced = new TreeSet<>();
    while (m.find()) {
      referenced.add(m.group(1));
    }
    assertThat(referenced).isEqualTo(new TreeSet<>(formIds));
    assertThat(bpmn).doesNotContain("camunda:formKey");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  static void assertRange(JsonNode field, String lowKey, int low, String highKey, int high) {
    assertThat(field.path("validate").path("required").asBoolean()).as(field.path("key").asText() + " required").isTrue();
    assertThat(field.path("validate").path(lowKey).asInt()).as(field.path("key").asText() + " " + lowKey).isEqualTo(low);
    assertThat(field.path("validate").path(highKey).asInt()).as(field.path("key").asText() + " " + highKey).isEqualTo(high);
  }

  static List<String> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS_DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".form")).sorted().toList();
    }
  }

  static JsonNode form(String name) throws IOException {
    return JSON.readTree(FORMS_DIR.resolve(name + ".form").toFile());
  }

  static JsonNode catalog() throws IOException {
    return YAML.readTree(SEEDS_DIR.resolve("catalog.yaml").toFile());
  }

  static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.path("components"), all);
    return all;
  }

  static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      into.add(c);
      collect(c.path("components"), into);
    }
  }

  static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    components(form).stream().filter(c -> c.has("key")).forEach(c -> byKey.put(c.path("key").asText(), c));
    return byKey;
  }

  static List<String> ids(JsonNode catalog, String list) {
    return texts(catalog.path(list), "id");
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  /** Every label, hint, description and text we wrote, by where it sits. */
  static Map<String, String> ownTexts() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode c = catalog();
    c.fieldNames().forEachRemaining(list -> c.path(list).forEach(e -> {
      out.put("catalog " + list + "/" + e.path("id").asText() + " label", e.path("label").asText());
      out.put("catalog " + list + "/" + e.path("id").asText() + " hint", e.path("hint").asText());
    }));
    for (String name : formNames().toList()) {
      for (JsonNode comp : components(form(name))) {
        String where = name + "/" + comp.path("id").asText();
        Stream.of("text", "label", "description", "dateLabel").forEach(k -> {
          if (comp.has(k)) {
            out.put(where + " " + k, comp.path(k).asText());
          }
        });
        comp.path("values").forEach(v -> out.put(where + " option", v.path("label").asText()));
        if (comp.path("properties").has("ruleMessage")) {
          out.put(where + " ruleMessage", comp.path("properties").path("ruleMessage").asText());
        }
      }
    }
    out.put("bpmn", Files.readString(PROCESS_DIR.resolve("micro-confidence-loop.bpmn")));
    out.put("descriptor", Files.readString(SEEDS_DIR.resolve("playbook.yaml")));
    return out;
  }

  static Set<String> wordRuns(String text, int n) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%\\- ]+", " ").trim().split("\\s+");
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + n <= words.length; i++) {
      runs.add(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
    }
    return runs;
  }
}
