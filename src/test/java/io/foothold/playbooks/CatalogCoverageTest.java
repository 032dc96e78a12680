package io.foothold.playbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import io.foothold.support.SourceDocuments;

/**
 * Every playbook's content catalog against its source document, for every {@code seeds/<id>/catalog.yaml}
 * in the repository (new playbooks are picked up without touching this test):
 * (a) entries are complete, (b) every item of the source's list sections is represented by an entry whose
 * {@code covers} keywords all occur in that item's line, and every entry represents some item,
 * (c) every entry is offered by a form or used by a decision table of the same playbook.
 * The source documents are read from {@code ../shared/seeds/} (beside the clone, as in CI).
 */
class CatalogCoverageTest {

    static final Path SEEDS = Path.of("seeds");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** A section heading of a source document and how many lead-in lines below it are not items. */
    record Section(String heading, int leadInLines) {}

    /**
     * Per source document: every structural heading in document order (a heading ends the section before it),
     * and which of them open list sections. Item sentences are never written here, only headings.
     */
    static final Map<String, List<String>> HEADINGS = new LinkedHashMap<>();
    static final Map<String, List<Section>> LIST_SECTIONS = new LinkedHashMap<>();
    static {
        // Micro-failures: drivers, signals, worsening factors, moves, nearby patterns, extra-support criteria.
        HEADINGS.put("000_97ceb214f0231062.txt", List.of(
                "What this pattern really means", "Key characteristics:", "Why it tends to develop",
                "What it looks like in everyday work", "A quick workplace scenario (4–6 lines, concrete situation)",
                "What usually makes it worse", "What helps in practice", "Nearby patterns worth separating",
                "When the situation needs extra support", "Related topics worth exploring"));
        LIST_SECTIONS.put("000_97ceb214f0231062.txt", List.of(
                new Section("Why it tends to develop", 0),
                new Section("What it looks like in everyday work", 1),
                new Section("What usually makes it worse", 0),
                new Section("What helps in practice", 1),
                new Section("Nearby patterns worth separating", 0),
                new Section("When the situation needs extra support", 0)));
        // Recovery after a visible failure: drivers, signs, pressure points, moves, related patterns, criteria.
        HEADINGS.put("001_dae8032c679b0c35.txt", List.of(
                "Working definition", "Key characteristics include:", "How the pattern gets reinforced",
                "Operational signs", "A quick workplace scenario", "Pressure points", "Moves that actually help",
                "Related, but not the same", "When the issue goes beyond a quick fix", "Related topics worth exploring"));
        LIST_SECTIONS.put("001_dae8032c679b0c35.txt", List.of(
                new Section("How the pattern gets reinforced", 1),
                new Section("Operational signs", 0),
                new Section("Pressure points", 0),
                new Section("Moves that actually help", 1),
                new Section("Related, but not the same", 0),
                new Section("When the issue goes beyond a quick fix", 1)));
        // Micro-confidence is an essay without lists: each paragraph of its body is one item. The title is
        // repeated above the body; a heading opens its section at its last occurrence, i.e. the body's.
        HEADINGS.put("002_52e1293474eda85b.txt", List.of(
                "Micro-Confidence: How Small Wins Build Unshakable Self-Belief", "Understanding the Problem",
                "The Real Psychology Behind It", "A Mindset Shift or Framework", "Application or Everyday Example",
                "Takeaway", "Discussion"));
        LIST_SECTIONS.put("002_52e1293474eda85b.txt", List.of(
                new Section("Micro-Confidence: How Small Wins Build Unshakable Self-Belief", 0),
                new Section("Understanding the Problem", 0),
                new Section("The Real Psychology Behind It", 0),
                new Section("A Mindset Shift or Framework", 1),
                new Section("Application or Everyday Example", 0),
                new Section("Takeaway", 0)));
    }

    static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Set<String> NON_LIST_KEYS = Set.of("playbook", "source");

    // ---------------------------------------------------------------- sources

    static Stream<String> playbooks() throws IOException {
        try (Stream<Path> dirs = Files.list(SEEDS)) {
            List<String> ids = dirs.filter(d -> Files.isRegularFile(d.resolve("catalog.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertFalse(ids.isEmpty(), "no seeds/*/catalog.yaml found under " + SEEDS.toAbsolutePath());
            return ids.stream();
        }
    }

    static JsonNode catalog(String playbook) throws IOException {
        return YAML.readTree(SEEDS.resolve(playbook).resolve("catalog.yaml").toFile());
    }

    /** Named lists of the catalog: list name → entries. */
    static Map<String, List<JsonNode>> lists(JsonNode catalog) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        catalog.fields().forEachRemaining(f -> {
            if (!NON_LIST_KEYS.contains(f.getKey()) && f.getValue().isArray()) {
                List<JsonNode> entries = new ArrayList<>();
                f.getValue().forEach(entries::add);
                out.put(f.getKey(), entries);
            }
        });
        return out;
    }

    static String sourceOf(JsonNode catalog, JsonNode entry) {
        return entry.path("source").asText(catalog.path("source").asText());
    }

    /** The item lines of a source document's list sections, keyed by section heading. */
    static Map<String, List<String>> items(String document) throws IOException {
        Path file = SourceDocuments.document(document);
        assertTrue(Files.isRegularFile(file), "source document " + file.toAbsolutePath().normalize() + " is missing");
        List<String> headings = HEADINGS.get(document);
        if (headings == null) {
            fail("No section headings configured for source document " + document
                    + ": add them to CatalogCoverageTest.HEADINGS and LIST_SECTIONS");
        }
        List<String> lines = Files.readAllLines(file).stream().map(String::trim).toList();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Section section : LIST_SECTIONS.get(document)) {
            int start = lines.lastIndexOf(section.heading());
            assertTrue(start >= 0, document + ": heading \"" + section.heading() + "\" not found");
            List<String> body = new ArrayList<>();
            for (int i = start + 1; i < lines.size() && !headings.contains(lines.get(i)); i++) {
                if (!lines.get(i).isBlank()) {
                    body.add(lines.get(i));
                }
            }
            assertTrue(body.size() > section.leadInLines(), document + ": section \"" + section.heading() + "\" is empty");
            out.put(section.heading(), body.subList(section.leadInLines(), body.size()));
        }
        return out;
    }

    static boolean covers(JsonNode entry, String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        List<String> keywords = new ArrayList<>();
        entry.path("covers").forEach(k -> keywords.add(k.asText().toLowerCase(Locale.ROOT)));
        return !keywords.isEmpty() && keywords.stream().allMatch(lower::contains);
    }

    static String describe(String list, JsonNode entry) {
        return list + "/" + entry.path("id").asText() + " covers " + entry.path("covers");
    }

    // ---------------------------------------------------------------- (a) entries are complete

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void everyEntryHasIdLabelHintSourceAndTwoToFourCoverKeywords(String playbook) throws IOException {
        JsonNode catalog = catalog(playbook);
        assertEquals(playbook, catalog.path("playbook").asText(), playbook + ": catalog names its playbook");
        assertFalse(catalog.path("source").asText("").isBlank(), playbook + ": catalog names its source document");
        Map<String, List<JsonNode>> lists = lists(catalog);
        assertFalse(lists.isEmpty(), playbook + ": catalog has lists");
        lists.forEach((list, entries) -> {
            Set<String> ids = new HashSet<>();
            for (JsonNode e : entries) {
                String where = playbook + ":" + list + "/" + e.path("id").asText("?");
                assertTrue(KEBAB.matcher(e.path("id").asText("")).matches(), where + ": kebab-case id");
                assertTrue(ids.add(e.path("id").asText()), where + ": duplicate id in the list");
                for (String field : List.of("label", "hint", "source")) {
                    assertFalse(e.path(field).asText("").isBlank(), where + ": " + field);
                }
                JsonNode covers = e.path("covers");
                assertTrue(covers.isArray() && covers.size() >= 2 && covers.size() <= 4,
                        where + ": covers has 2-4 keywords, was " + covers);
                covers.forEach(k -> {
                    String keyword = k.asText("");
                    assertFalse(keyword.isBlank(), where + ": blank covers keyword");
                    assertEquals(keyword.toLowerCase(Locale.ROOT), keyword, where + ": covers keywords are lowercase");
                });
            }
        });
    }

    // ---------------------------------------------------------------- (b) coverage of the source

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void everySourceItemIsRepresentedByAnEntry(String playbook) throws IOException {
        JsonNode catalog = catalog(playbook);
        List<JsonNode> all = new ArrayList<>();
        lists(catalog).values().forEach(all::addAll);
        String document = catalog.path("source").asText();
        List<String> missing = new ArrayList<>();
        items(document).forEach((heading, lines) -> {
            for (String line : lines) {
                if (all.stream().noneMatch(e -> covers(e, line))) {
                    missing.add("[" + heading + "] " + line);
                }
            }
        });
        assertTrue(missing.isEmpty(), playbook + ": source items of " + document
                + " with no catalog entry whose covers all occur in the line:\n  " + String.join("\n  ", missing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void everyEntryRepresentsASourceItem(String playbook) throws IOException {
        JsonNode catalog = catalog(playbook);
        Map<String, List<String>> itemLinesByDocument = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> list : lists(catalog).entrySet()) {
            for (JsonNode entry : list.getValue()) {
                String document = sourceOf(catalog, entry);
                if (!itemLinesByDocument.containsKey(document)) {
                    List<String> lines = new ArrayList<>();
                    items(document).values().forEach(lines::addAll);
                    itemLinesByDocument.put(document, lines);
                }
                if (itemLinesByDocument.get(document).stream().noneMatch(line -> covers(entry, line))) {
                    unmatched.add(describe(list.getKey(), entry) + " (source " + document + ")");
                }
            }
        }
        assertTrue(unmatched.isEmpty(), playbook + ": entries whose covers match no item line of their source:\n  "
                + String.join("\n  ", unmatched));
    }

    // ---------------------------------------------------------------- (c) every entry is used

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void everyEntryIsOfferedByAFormOrUsedByADecision(String playbook) throws IOException {
        Set<String> listsReferenced = new HashSet<>();
        Set<String> literalValues = new HashSet<>();
        for (Path form : filesIn(Path.of("forms", playbook), ".form")) {
            collectOptions(JSON.readTree(form.toFile()).path("components"), listsReferenced, literalValues);
        }
        StringBuilder decisions = new StringBuilder();
        for (Path dmn : filesIn(Path.of("processes", playbook), ".dmn")) {
            decisions.append(Files.readString(dmn));
        }
        List<String> unused = new ArrayList<>();
        lists(catalog(playbook)).forEach((list, entries) -> {
            for (JsonNode e : entries) {
                String id = e.path("id").asText();
                boolean inDecision = Pattern.compile("(\"|&quot;)" + Pattern.quote(id) + "(\"|&quot;)")
                        .matcher(decisions).find();
                if (!listsReferenced.contains(list) && !literalValues.contains(id) && !inDecision) {
                    unused.add(list + "/" + id);
                }
            }
        });
        assertTrue(unused.isEmpty(), playbook + ": catalog entries no form offers and no decision uses: " + unused);
    }

    static List<Path> filesIn(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static void collectOptions(JsonNode components, Set<String> lists, Set<String> values) {
        for (JsonNode c : components) {
            String list = c.path("properties").path("catalog").asText(null);
            if (list != null) {
                lists.add(list);
            }
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            collectOptions(c.path("components"), lists, values);
        }
    }

    /** Guards the matcher itself: keywords are substrings, case-insensitive, and all must occur. */
    @org.junit.jupiter.api.Test
    void coversMatchesOnlyWhenEveryKeywordOccurs() throws IOException {
        JsonNode entry = YAML.readTree("covers: [tight timelines, iteration]");
        assertTrue(covers(entry, "Tight timelines that leave no room for learning or iteration"));
        assertFalse(covers(entry, "Tight timelines that leave no room for learning"));
    }
}
