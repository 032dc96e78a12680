package io.foothold.playbooks.microfailure;

import static io.foothold.support.FormContentRules.ALLOWED_TYPES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import io.foothold.support.SourceDocuments;

/** The playbook's files agree with each other: catalog, forms, process, decisions and descriptor. */
class MicroFailureContentTest {

  static final Path CATALOG = Path.of("seeds/micro-failure/catalog.yaml");
  static final Path DESCRIPTOR = Path.of("seeds/micro-failure/playbook.yaml");
  static final Path FORMS = Path.of("forms/micro-failure");
  static final Path BPMN = Path.of("processes/micro-failure/micro-failure.bpmn");
  static final String SOURCE = "000_97ceb214f0231062.txt";
  static final String SOURCE_NAME = "000_97ceb214f0231062.txt";

  static final Map<String, Integer> LIST_SIZES = Map.of(
      "drivers", 8, "signals", 10, "worseningFactors", 10, "supports", 12, "nearbyPatterns", 10, "escalationCriteria", 4);
  static final Set<String> HR_FORMS = Set.of("arrange-referral", "wider-support", "organisational-review");

  final ObjectMapper json = new ObjectMapper();

  @Test
  void catalogHasEveryListWithWellFormedEntries() throws IOException {
    Map<String, Object> catalog = catalog();
    assertThat(catalog).containsEntry("playbook", "micro-failure").containsEntry("source", SOURCE_NAME);
    LIST_SIZES.forEach((list, size) -> {
      List<Map<String, Object>> entries = entries(catalog, list);
      assertThat(entries).as(list).hasSize(size);
      assertThat(entries.stream().map(e -> e.get("id"))).as(list + " ids").doesNotHaveDuplicates();
      for (Map<String, Object> e : entries) {
        String id = (String) e.get("id");
        assertThat(id).matches("[a-z]+(-[a-z]+)*");
        assertThat((String) e.get("label")).as(id).isNotBlank().hasSizeLessThanOrEqualTo(60);
        String hint = (String) e.get("hint");
        assertThat(hint).as(id).endsWith(".").doesNotContain(". ");
        assertThat(e.get("source")).as(id).isEqualTo(SOURCE_NAME);
        @SuppressWarnings("unchecked") List<String> covers = (List<String>) e.get("covers");
        assertThat(covers).as(id).hasSizeBetween(2, 4).allMatch(w -> w.equals(w.toLowerCase(Locale.ROOT)));
      }
    });
    assertThat(ids(catalog, "drivers")).containsExactly("attention-bias", "perfection-expectations", "social-comparison",
        "feedback-timing", "high-stakes-framing", "workload-fatigue", "unclear-role", "identity-threat");
    assertThat(ids(catalog, "nearbyPatterns")).containsExactlyInAnyOrder("impostor-feelings", "feedback-culture",
        "psychological-safety", "learned-helplessness", "performance-management", "burnout-risk", "growth-mindset",
        "social-comparison-dynamics", "systemic-failure", "role-clarity");
    assertThat(ids(catalog, "escalationCriteria")).containsExactly("functioning-impaired", "prolonged-withdrawal",
        "severe-distress-outside-work", "organisational-pattern");
  }

  @Test
  void everyEntryCoversExactlyOneSourceLineAndEachListCoversDistinctLines() throws IOException {
    List<String> lines = Files.readAllLines(SourceDocuments.document(SOURCE)).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
    Map<String, Object> catalog = catalog();
    for (String list : LIST_SIZES.keySet()) {
      Set<Integer> used = new HashSet<>();
      for (Map<String, Object> e : entries(catalog, list)) {
        @SuppressWarnings("unchecked") List<String> covers = (List<String>) e.get("covers");
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (covers.stream().allMatch(w -> Pattern.compile("(?<![\\w-])" + Pattern.quote(w) + "(?![\\w-])").matcher(line).find())) {
            matching.add(i);
          }
        }
        assertThat(matching).as(list + "/" + e.get("id") + " " + covers).hasSize(1);
        assertThat(used.add(matching.get(0))).as(list + "/" + e.get("id") + " repeats a line").isTrue();
      }
    }
  }

  @Test
  void formsFollowTheConventions() throws IOException {
    Set<String> lists = catalog().keySet();
    for (Path file : formFiles()) {
      String name = file.getFileName().toString().replace(".form", "");
      JsonNode form = json.readTree(file.toFile());
      assertThat(form.path("id").asText()).isEqualTo("micro-failure-" + name);
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      List<JsonNode> components = components(form);
      assertThat(components.get(0).path("type").asText()).as(name + " starts with guidance").isEqualTo("text");
      for (JsonNode c : components) {
        String type = c.path("type").asText();
        assertThat(ALLOWED_TYPES).as(name + " type").contains(type);
        if (!c.has("key")) {
          continue;
        }
        String key = c.path("key").asText();
        assertThat(c.path("id").asText()).as(name + "/" + key).isEqualTo("Field_" + key);
        assertThat(c.path("label").asText()).as(name + "/" + key + " label").isNotBlank();
        assertThat(c.path("description").asText()).as(name + "/" + key + " description").isNotBlank();
        String catalogList = c.path("properties").path("catalog").asText(null);
        if (catalogList != null) {
          assertThat(lists).as(name + "/" + key + " catalog").contains(catalogList);
          assertThat(c.path("values").size()).as(name + "/" + key + " values are filled on deploy").isZero();
        }
        if (Set.of("select", "radio", "checklist").contains(type) && catalogList == null
            && !c.path("properties").has("optionsSource")) {
          assertThat(c.path("values").size()).as(name + "/" + key + " options").isPositive();
        }
      }
      Set<String> keys = components.stream().filter(c -> c.has("key")).map(c -> c.path("key").asText()).collect(Collectors.toSet());
      if (HR_FORMS.contains(name)) {
        assertThat(keys).as(name).doesNotContain("seriousSignal");
      } else {
        assertThat(keys).as(name + " carries the serious-signal block").contains("seriousSignal", "seriousSignalKinds", "seriousSignalNote");
        JsonNode kinds = components.stream().filter(c -> "seriousSignalKinds".equals(c.path("key").asText())).findFirst().orElseThrow();
        assertThat(kinds.path("properties").path("catalog").asText()).isEqualTo("escalationCriteria");
        assertThat(kinds.path("conditional").path("hide").asText()).isEqualTo("=not(seriousSignal)");
        assertThat(kinds.path("validate").path("required").asBoolean()).isTrue();
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProcessUsesExactlyTheFormsThatExistAndTheDescriptorListsEverything() throws IOException {
    String bpmn = Files.readString(BPMN);
    Set<String> formRefs = matches(bpmn, "camunda:formRef=\"([^\"]+)\"");
    Set<String> formIds = new HashSet<>();
    for (Path file : formFiles()) {
      formIds.add(json.readTree(file.toFile()).path("id").asText());
    }
    assertThat(formRefs).containsExactlyInAnyOrderElementsOf(formIds);
    assertThat(matches(bpmn, "(camunda:formRef=\"[^\"]+\")(?! camunda:formRefBinding=\"latest\")")).isEmpty();

    Map<String, Object> descriptor = new Yaml().load(Files.readString(DESCRIPTOR));
    assertThat(descriptor).containsEntry("id", "micro-failure").containsEntry("source", SOURCE_NAME);
    assertThat((List<Object>) descriptor.get("entryProcesses")).containsExactly("MicroFailure");
    assertThat((List<Object>) descriptor.get("forms")).containsExactlyInAnyOrderElementsOf(
        formFiles().stream().map(p -> p.getFileName().toString()).toList());
    try (Stream<Path> files = Files.list(Path.of("processes/micro-failure"))) {
      List<String> dmns = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dmn")).toList();
      assertThat((List<Object>) descriptor.get("decisions")).containsExactlyInAnyOrderElementsOf(dmns);
    }
    assertThat((List<Object>) descriptor.get("processes")).containsExactly("micro-failure.bpmn");
  }

  @Test
  void variablesTheProcessReadsAreProducedByTheForms() throws IOException {
    Map<String, Set<String>> keysByForm = new HashMap<>();
    for (Path file : formFiles()) {
      keysByForm.put(file.getFileName().toString().replace(".form", ""), components(json.readTree(file.toFile())).stream()
          .filter(c -> c.has("key")).map(c -> c.path("key").asText()).collect(Collectors.toSet()));
    }
    assertThat(keysByForm.get("intake")).contains("employeeId", "likelyDrivers", "mainDriver", "worseningFactors", "nearbyPatternFlags");
    assertThat(keysByForm.get("systemic-review")).contains("alsoSupportPerson");
    assertThat(keysByForm.get("choose-supports")).contains("chosenSupports");
    assertThat(keysByForm.get("peer-pairing")).contains("trackingCadence", "trackingWeeks");
    assertThat(keysByForm.get("track-progress")).contains("progressOutcome", "confidenceRating", "withdrawalPersists", "functioningImpaired");
    assertThat(keysByForm.get("arrange-referral")).contains("reviewSignalKinds", "reviewSignalNote", "referralRoute");
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, Object> catalog() throws IOException {
    return new Yaml().load(Files.readString(CATALOG));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> catalog, String list) {
    return (List<Map<String, Object>>) catalog.get(list);
  }

  private static List<String> ids(Map<String, Object> catalog, String list) {
    return entries(catalog, list).stream().map(e -> (String) e.get("id")).toList();
  }

  private static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static List<JsonNode> components(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    node.path("components").forEach(c -> {
      all.add(c);
      all.addAll(components(c));
    });
    return all;
  }

  private static Set<String> matches(String text, String regex) {
    Set<String> found = new HashSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
