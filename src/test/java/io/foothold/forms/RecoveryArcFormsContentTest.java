package io.foothold.forms;

import static io.foothold.support.FormContentRules.ALLOWED_TYPES;
import static io.foothold.support.FormContentRules.NON_INPUT_TYPES;
import static io.foothold.support.FormContentRules.OPTION_TYPES;
import static io.foothold.support.FormContentRules.VALIDATE_KEYS;
import static io.foothold.support.FormContentRules.LABELLING_WORDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the recovery-arc forms and content catalog against the contract in the spec
 * (/work/spec/recovery-arc-spec.md): form ids, field keys, types, validation, options that
 * come from the catalog, the serious-signal block, and wording that observes rather than labels.
 * Plain JUnit: no Spring context, files are read from the repository folders.
 */
class RecoveryArcFormsContentTest {

    static final Path FORMS_DIR = Path.of("forms/recovery-arc");
    static final Path CATALOG_FILE = Path.of("seeds/recovery-arc/catalog.yaml");
    static final String SOURCE_DOC = "001_dae8032c679b0c35.txt";

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    /**
     * Field key → catalog list the field takes its options from. The form names the list under
     * {@code properties.catalog} and keeps {@code values} empty; Foothold fills the labels at deploy time.
     */
    static final Map<String, String> KEY_TO_CATALOG = Map.of(
            "reviewSignalKinds", "escalationCriteria",
            "nearbyPatternsToConsider", "nearbyPatterns",
            "signalsObserved", "signals",
            "signalsSeen", "signals",
            "dominantDriver", "drivers",
            "pressurePoints", "pressurePoints",
            "chosenSupports", "supports",
            "summarySupportsThatHelped", "supports",
            "seriousSignalKinds", "escalationCriteria");

    /** Catalog ids fixed by the spec, in spec order. nearbyPatterns has no ids in the spec, only a count. */
    static final Map<String, List<String>> SPEC_CATALOG_IDS = new LinkedHashMap<>();
    static {
        SPEC_CATALOG_IDS.put("drivers", List.of(
                "cognitive", "social", "environmental", "process", "workload", "cultural", "skill-gap"));
        SPEC_CATALOG_IDS.put("signals", List.of(
                "fewer-volunteered-tasks", "excess-sign-off", "decision-delay", "quieter-in-meetings",
                "apologetic-tone", "low-risk-task-choice", "more-shadowing-requests", "ownership-drop",
                "leader-micromanagement", "repeated-rework"));
        SPEC_CATALOG_IDS.put("pressurePoints", List.of(
                "public-mistake", "outcome-only-feedback", "project-setback", "peer-comparison",
                "tight-timelines", "public-reprimand", "unclear-cause", "role-change"));
        SPEC_CATALOG_IDS.put("supports", List.of(
                "calm-debrief", "behaviour-not-person", "small-visible-win", "development-plan", "paired-work",
                "share-own-slips", "private-correction", "recalibrate-goals", "specific-feedback",
                "micro-experiments", "recognise-progress", "track-in-one-on-ones"));
        SPEC_CATALOG_IDS.put("escalationCriteria", List.of(
                "prolonged-withdrawal", "safety-or-team-impact", "severe-distress"));
    }
    static final Map<String, Integer> CATALOG_SIZES = Map.of(
            "drivers", 7, "signals", 10, "pressurePoints", 8, "supports", 12,
            "escalationCriteria", 3, "nearbyPatterns", 7);

    /** Option ids of option fields that are not catalog-backed. */
    static final Map<String, List<String>> FIXED_OPTIONS = Map.of(
            "visibility", List.of("private", "team", "senior"),
            "failureKind", List.of("individual", "systemic"),
            "smallWinDelivered", List.of("yes", "partly", "no"),
            "checkInCadence", List.of("P3D", "P7D", "P14D"),
            "ownershipSplit", List.of("co-owners", "lead-with-backup", "shadow-then-lead"),
            "checkInOutcome", List.of("continue", "recovered", "stalled"),
            "referralRoute", List.of("occupational-health", "employee-assistance", "qualified-professional",
                    "no-referral-needed"));

    /** Dynamic selects: the server fills the options per user. */
    static final Map<String, String> DYNAMIC_SOURCES = Map.of(
            "employeeId", "my-reports",
            "caseId", "my-open-cases");

    static final String HIDE_UNLESS_SERIOUS = "=not(seriousSignal)";
    static final Map<String, String> SPEC_HIDES = Map.of(
            "referralOfferedOn", "=referralRoute = \"no-referral-needed\"",
            "noReferralReason", "=referralRoute != \"no-referral-needed\"",
            "employeeName", "=employeeName = null",
            "reviewSignalKinds", "=reviewSignalKinds = null",
            "reviewSignalNote", "=reviewSignalNote = null",
            "reviewSignalSource", "=reviewSignalSource = null",
            "gateReason", "=gateReason = null or gateDecision != \"escalate\"",
            "agreedWin", "=agreedWin = null",
            "agreedPlan", "=agreedPlan = null",
            "lastCheckIn", "=lastCheckIn = null");

    /**
     * What earlier steps agreed, written by Foothold on the task (CaseSoFar) and shown read-only; the step counter is
     * always there, the rest only once the case has it.
     */
    static final List<String> CARRIED_FORWARD_KEYS = List.of("caseStep", "agreedWin", "agreedPlan", "lastCheckIn");

    /**
     * The debrief's private note, shown again to its manager when she chooses the supports: disabled (form-js does
     * not send it back) and hidden when there is none.
     */
    static final String PRIVATE_NOTE_SHOWN_AGAIN = "privateNoteDebrief";

    /** Read-only context on the HR form: shown only when the case has a value, never submitted as input. */
    static final List<String> HR_CONTEXT_KEYS = List.of(
            "employeeName", "reviewSignalKinds", "reviewSignalNote", "reviewSignalSource", "gateReason");

    /** One input field as the spec describes it. null bounds mean "not set". */
    record FieldSpec(String key, String type, boolean required,
                     Integer minLength, Integer maxLength, Integer min, Integer max) {}

    static FieldSpec text(String key, String type, boolean required, Integer minLength, Integer maxLength) {
        return new FieldSpec(key, type, required, minLength, maxLength, null, null);
    }
    static FieldSpec number(String key, Integer min, Integer max) {
        return new FieldSpec(key, "number", true, null, null, min, max);
    }
    static FieldSpec plain(String key, String type, boolean required) {
        return new FieldSpec(key, type, required, null, null, null, null);
    }

    static final List<FieldSpec> SERIOUS_BLOCK = List.of(
            plain("seriousSignal", "checkbox", false),
            plain("seriousSignalKinds", "checklist", true),
            text("seriousSignalNote", "textarea", true, null, 2000));

    static final boolean REQ = true, OPT = false;

    /** Form name → its fields in order, as listed in the spec (the serious-signal block is added below). */
    static final Map<String, List<FieldSpec>> SPEC_FIELDS = new LinkedHashMap<>();
    /** Forms a manager fills in (plus the start form): all carry the serious-signal block. */
    static final Set<String> FORMS_WITH_SERIOUS_BLOCK = new TreeSet<>();
    static {
        manager("open-case",
                plain("employeeId", "select", REQ),
                text("incidentSummary", "textarea", REQ, 20, 2000),
                plain("incidentDate", "datetime", REQ),
                plain("visibility", "radio", REQ),
                plain("failureKind", "radio", REQ),
                plain("signalsObserved", "checklist", OPT),
                plain("dominantDriver", "select", REQ),
                plain("pressurePoints", "checklist", OPT));
        manager("after-action-review",
                text("processGap", "textarea", REQ, 10, 2000),
                text("processFix", "textarea", REQ, 10, 2000),
                text("fixOwner", "textfield", REQ, null, 200),
                plain("alsoSupportPerson", "checkbox", OPT));
        manager("calm-debrief",
                plain("caseStep", "textfield", OPT),
                text("debriefWhatHappened", "textarea", REQ, 20, 2000),
                text("debriefKnown", "textarea", REQ, 10, 2000),
                text("debriefUnknown", "textarea", OPT, null, 2000),
                text("technicalFix", "textfield", REQ, 5, 300),
                text("communicationChange", "textfield", REQ, 5, 300),
                text("behaviourFeedback", "textarea", REQ, 10, 2000),
                plain("nearbyPatternsToConsider", "checklist", OPT),
                text("privateNoteDebrief", "textarea", OPT, null, 2000));
        manager("choose-supports",
                plain("caseStep", "textfield", OPT),
                text(PRIVATE_NOTE_SHOWN_AGAIN, "textarea", OPT, null, null),
                plain("chosenSupports", "checklist", REQ),
                text("supportNotes", "textarea", OPT, null, 2000));
        manager("plan-small-win",
                plain("caseStep", "textfield", OPT),
                text("smallWinDescription", "textarea", REQ, 10, 1000),
                number("smallWinDays", 1, 5),
                text("smallWinVisibleTo", "textfield", OPT, null, 200),
                plain("buildAsDailyLoop", "checkbox", OPT));
        manager("confirm-small-win",
                plain("caseStep", "textfield", OPT),
                plain("agreedWin", "textarea", OPT),
                plain("smallWinDelivered", "radio", REQ),
                text("smallWinReflection", "textarea", REQ, 10, 2000),
                text("smallWinRecognition", "textfield", OPT, null, 300));
        manager("small-win-reminder",
                plain("caseStep", "textfield", OPT),
                plain("agreedWin", "textarea", OPT),
                text("reminderFollowUp", "textarea", REQ, 10, 1000));
        manager("development-plan",
                plain("caseStep", "textfield", OPT),
                plain("agreedWin", "textarea", OPT),
                text("practiceTask1", "textfield", REQ, 5, 300),
                plain("practiceTask1Date", "datetime", REQ),
                text("practiceTask2", "textfield", OPT, null, 300),
                plain("practiceTask2Date", "datetime", OPT),
                text("scopeRecalibration", "textarea", REQ, 10, 1000),
                text("microGoals", "textarea", REQ, 10, 1000),
                plain("checkInCadence", "select", REQ),
                number("maxCheckIns", 2, 12),
                plain("practiseThroughDailyLoop", "checkbox", OPT));
        manager("paired-work",
                plain("caseStep", "textfield", OPT),
                plain("agreedWin", "textarea", OPT),
                plain("agreedPlan", "textarea", OPT),
                text("pairPartner", "textfield", REQ, 2, 200),
                text("pairedAssignment", "textarea", REQ, 10, 1000),
                plain("ownershipSplit", "radio", REQ));
        manager("check-in",
                plain("caseStep", "textfield", OPT),
                plain("lastCheckIn", "textarea", OPT),
                plain("agreedPlan", "textarea", OPT),
                plain("agreedWin", "textarea", OPT),
                text("progressNote", "textarea", REQ, 10, 2000),
                number("confidenceRating", 1, 5),
                plain("signalsSeen", "checklist", OPT),
                text("winsToRecognise", "textarea", OPT, null, 1000),
                text("supportAdjustment", "textarea", OPT, null, 1000),
                plain("checkInOutcome", "radio", REQ),
                plain("withdrawalPersists", "checkbox", OPT),
                plain("functioningAffectsSafetyOrTeam", "checkbox", OPT),
                text("privateNoteCheckIn", "textarea", OPT, null, 2000));
        manager("recovery-summary",
                plain("caseStep", "textfield", OPT),
                plain("lastCheckIn", "textarea", OPT),
                plain("agreedPlan", "textarea", OPT),
                plain("agreedWin", "textarea", OPT),
                text("summaryWhatWorked", "textarea", REQ, 10, 2000),
                plain("summarySupportsThatHelped", "checklist", OPT),
                text("summaryNextSteps", "textarea", REQ, 10, 2000));
        // HR task: no serious-signal block (HR is the place the signal goes to).
        SPEC_FIELDS.put("arrange-referral", List.of(
                plain("employeeName", "textfield", OPT),
                plain("reviewSignalKinds", "checklist", OPT),
                plain("reviewSignalNote", "textarea", OPT),
                plain("reviewSignalSource", "textfield", OPT),
                plain("gateReason", "textarea", OPT),
                plain("referralRoute", "select", REQ),
                plain("referralOfferedOn", "datetime", REQ),
                text("noReferralReason", "textarea", REQ, 10, 1000),
                text("referralNote", "textarea", OPT, null, 2000)));
        // Start form of RaiseConcern: the concern itself, always visible, so no checkbox and no hide.
        SPEC_FIELDS.put("raise-concern", List.of(
                plain("caseId", "select", REQ),
                plain("seriousSignalKinds", "checklist", REQ),
                text("seriousSignalNote", "textarea", REQ, 10, 2000)));
    }

    static void manager(String form, FieldSpec... fields) {
        List<FieldSpec> all = new ArrayList<>(List.of(fields));
        all.addAll(SERIOUS_BLOCK);
        SPEC_FIELDS.put(form, all);
        FORMS_WITH_SERIOUS_BLOCK.add(form);
    }

    // ---------------------------------------------------------------- helpers

    static Stream<String> formNames() {
        return SPEC_FIELDS.keySet().stream();
    }

    static JsonNode readForm(String name) throws IOException {
        Path file = FORMS_DIR.resolve(name + ".form");
        assertTrue(Files.isRegularFile(file), "missing form file " + file.toAbsolutePath());
        return JSON.readTree(file.toFile());
    }

    static JsonNode catalog() throws IOException {
        assertTrue(Files.isRegularFile(CATALOG_FILE), "missing catalog " + CATALOG_FILE.toAbsolutePath());
        return YAML.readTree(CATALOG_FILE.toFile());
    }

    /** All components in document order, descending into groups. */
    static List<JsonNode> flatten(JsonNode components) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : components) {
            out.add(c);
            if (c.has("components")) {
                out.addAll(flatten(c.get("components")));
            }
        }
        return out;
    }

    static List<JsonNode> inputs(JsonNode form) {
        return flatten(form.get("components")).stream()
                .filter(c -> !NON_INPUT_TYPES.contains(c.path("type").asText()))
                .toList();
    }

    static JsonNode input(JsonNode form, String key) {
        return inputs(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no field with key " + key));
    }

    static String labelOf(JsonNode component) {
        return "datetime".equals(component.path("type").asText())
                ? component.path("dateLabel").asText("")
                : component.path("label").asText("");
    }

    static List<String> optionValues(JsonNode field) {
        List<String> out = new ArrayList<>();
        field.path("values").forEach(v -> out.add(v.path("value").asText()));
        return out;
    }

    static List<String> catalogIds(JsonNode catalog, String list) {
        List<String> out = new ArrayList<>();
        catalog.path(list).forEach(e -> out.add(e.path("id").asText()));
        return out;
    }

    static Pattern wordPattern(String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
    }

    // ---------------------------------------------------------------- forms

    @Test
    void formFolderHoldsExactlyTheSpecForms() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(FORMS_DIR)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".form"))
                    .forEach(n -> onDisk.add(n.substring(0, n.length() - ".form".length())));
        }
        assertEquals(new TreeSet<>(SPEC_FIELDS.keySet()), onDisk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void formHeaderFollowsConventions(String name) throws IOException {
        JsonNode form = readForm(name);
        assertEquals("recovery-arc-" + name, form.path("id").asText(), "form id");
        assertEquals("default", form.path("type").asText());
        assertEquals(16, form.path("schemaVersion").asInt());
        assertEquals("Camunda Platform", form.path("executionPlatform").asText());
        assertEquals("7.24.0", form.path("executionPlatformVersion").asText());
        assertEquals("Foothold", form.path("exporter").path("name").asText());
        assertTrue(form.path("components").isArray() && form.path("components").size() > 0, "components");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void componentsUseAllowedTypesAndUniqueReadableIds(String name) throws IOException {
        JsonNode form = readForm(name);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : flatten(form.get("components"))) {
            String type = c.path("type").asText();
            String id = c.path("id").asText("");
            assertTrue(ALLOWED_TYPES.contains(type), name + ": component type not allowed: " + type);
            assertFalse(id.isBlank(), name + ": component without id: " + c);
            assertTrue(ids.add(id), name + ": duplicate component id " + id);
            if ("text".equals(type)) {
                assertTrue(id.startsWith("Text_"), name + ": text id " + id);
            }
            if (!NON_INPUT_TYPES.contains(type)) {
                assertEquals("Field_" + c.path("key").asText(), id, name + ": input id");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void formStartsWithGuidance(String name) throws IOException {
        JsonNode first = readForm(name).get("components").get(0);
        assertEquals("text", first.path("type").asText(), name + ": first component must be guidance text");
        String md = first.path("text").asText("");
        assertTrue(md.startsWith("#"), name + ": guidance starts with a heading");
        String body = md.substring(md.indexOf('\n') + 1).trim();
        assertTrue(body.length() >= 40, name + ": guidance needs a few words on how to do the step well");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void everyInputHasKeyLabelAndGuidance(String name) throws IOException {
        for (JsonNode c : inputs(readForm(name))) {
            String key = c.path("key").asText("");
            assertFalse(key.isBlank(), name + ": input without key " + c);
            assertFalse(labelOf(c).isBlank(), name + "/" + key + ": label");
            assertFalse(c.path("description").asText("").isBlank(), name + "/" + key + ": description");
            if ("datetime".equals(c.path("type").asText())) {
                assertEquals("date", c.path("subtype").asText(), name + "/" + key + ": datetime subtype");
            }
            c.path("validate").fieldNames().forEachRemaining(v ->
                    assertTrue(VALIDATE_KEYS.contains(v), name + "/" + key + ": unknown validate rule " + v));
            if (OPTION_TYPES.contains(c.path("type").asText())) {
                for (JsonNode option : c.path("values")) {
                    assertFalse(option.path("label").asText("").isBlank(), name + "/" + key + ": option label");
                    assertFalse(option.path("value").asText("").isBlank(), name + "/" + key + ": option value");
                }
                List<String> values = optionValues(c);
                assertEquals(values.size(), new HashSet<>(values).size(), name + "/" + key + ": duplicate option");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void fieldsMatchTheSpec(String name) throws IOException {
        JsonNode form = readForm(name);
        List<FieldSpec> expected = SPEC_FIELDS.get(name);
        List<String> actualKeys = inputs(form).stream().map(c -> c.path("key").asText()).toList();
        assertEquals(expected.stream().map(FieldSpec::key).toList(), actualKeys, name + ": field keys in order");

        for (FieldSpec spec : expected) {
            JsonNode c = input(form, spec.key());
            String where = name + "/" + spec.key();
            JsonNode v = c.path("validate");
            assertEquals(spec.type(), c.path("type").asText(), where + ": type");
            assertEquals(spec.required(), v.path("required").asBoolean(false), where + ": required");
            assertBound(where, "minLength", spec.minLength(), v);
            assertBound(where, "maxLength", spec.maxLength(), v);
            assertBound(where, "min", spec.min(), v);
            assertBound(where, "max", spec.max(), v);
        }
    }

    static void assertBound(String where, String rule, Integer expected, JsonNode validate) {
        if (expected == null) {
            assertFalse(validate.has(rule), where + ": unexpected " + rule);
        } else {
            assertEquals(expected.intValue(), validate.path(rule).asInt(Integer.MIN_VALUE), where + ": " + rule);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void catalogBackedOptionsNameAnExistingCatalogList(String name) throws IOException {
        JsonNode catalog = catalog();
        for (JsonNode c : inputs(readForm(name))) {
            String key = c.path("key").asText();
            String where = name + "/" + key;
            String expected = KEY_TO_CATALOG.get(key);
            String named = c.path("properties").path("catalog").asText(null);
            assertEquals(expected, named, where + ": properties.catalog");
            if (named == null) {
                continue;
            }
            assertTrue(OPTION_TYPES.contains(c.path("type").asText()), where + ": option field");
            assertTrue(catalog.path(named).isArray() && catalog.path(named).size() > 0,
                    where + ": catalog list " + named + " exists in " + CATALOG_FILE);
            assertTrue(c.path("values").isArray() && c.path("values").isEmpty(),
                    where + ": labels live in the catalog only, so values stay empty in the file");
        }
    }

    @Test
    void hrFormShowsReadOnlyContextOnlyWhenThereIsSome() throws IOException {
        JsonNode form = readForm("arrange-referral");
        for (String key : HR_CONTEXT_KEYS) {
            JsonNode c = input(form, key);
            assertTrue(c.path("readonly").asBoolean(false), key + ": readonly");
            assertFalse(c.path("validate").path("required").asBoolean(false), key + ": not required");
            String hide = c.path("conditional").path("hide").asText("");
            assertTrue(hide.startsWith("=" + key + " = null"), key + ": hidden when the case has no value");
        }
        String intro = form.get("components").get(0).path("text").asText().toLowerCase(Locale.ROOT);
        assertTrue(intro.contains("serious signal") && intro.contains("check-ins"), "guidance names both ways in");
        for (JsonNode c : inputs(form)) {
            if (!HR_CONTEXT_KEYS.contains(c.path("key").asText())) {
                assertFalse(c.path("readonly").asBoolean(false), c.path("key").asText() + ": HR input is editable");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void carriedForwardContextIsReadOnly(String name) throws IOException {
        for (JsonNode c : inputs(readForm(name))) {
            String key = c.path("key").asText();
            if (CARRIED_FORWARD_KEYS.contains(key)) {
                assertTrue(c.path("readonly").asBoolean(false), name + "/" + key + ": readonly");
                assertFalse(c.path("validate").path("required").asBoolean(false), name + "/" + key + ": not required");
                assertFalse(c.path("description").asText("").isBlank(), name + "/" + key + ": says where it comes from");
            } else if (!HR_CONTEXT_KEYS.contains(key)) {
                assertFalse(c.path("readonly").asBoolean(false), name + "/" + key + ": a person's input is editable");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void fixedAndDynamicOptionsMatchTheSpec(String name) throws IOException {
        for (JsonNode c : inputs(readForm(name))) {
            String key = c.path("key").asText();
            if (FIXED_OPTIONS.containsKey(key)) {
                assertEquals(FIXED_OPTIONS.get(key), optionValues(c), name + "/" + key + ": option ids");
            }
            if (DYNAMIC_SOURCES.containsKey(key)) {
                assertEquals(DYNAMIC_SOURCES.get(key), c.path("properties").path("optionsSource").asText(),
                        name + "/" + key + ": optionsSource");
                assertTrue(c.path("values").isArray() && c.path("values").isEmpty(),
                        name + "/" + key + ": dynamic select starts with empty values");
            }
            if ("select".equals(c.path("type").asText()) || "radio".equals(c.path("type").asText())
                    || "checklist".equals(c.path("type").asText())) {
                assertTrue(KEY_TO_CATALOG.containsKey(key) || FIXED_OPTIONS.containsKey(key)
                        || DYNAMIC_SOURCES.containsKey(key), name + "/" + key + ": options not covered by the spec");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void conditionsMatchTheSpec(String name) throws IOException {
        boolean seriousBlock = FORMS_WITH_SERIOUS_BLOCK.contains(name);
        for (JsonNode c : inputs(readForm(name))) {
            String key = c.path("key").asText();
            String hide = c.path("conditional").path("hide").asText(null);
            String expected = SPEC_HIDES.get(key);
            if (seriousBlock && (key.equals("seriousSignalKinds") || key.equals("seriousSignalNote"))) {
                expected = HIDE_UNLESS_SERIOUS;
            }
            if (name.equals("choose-supports") && key.equals(PRIVATE_NOTE_SHOWN_AGAIN)) {
                expected = "=" + PRIVATE_NOTE_SHOWN_AGAIN + " = null";
                assertTrue(c.path("disabled").asBoolean(false), name + "/" + key + ": shown, never sent back");
            }
            assertEquals(expected, hide, name + "/" + key + ": conditional.hide");
        }
    }

    @Test
    void defaultsMatchTheSpec() throws IOException {
        JsonNode plan = readForm("development-plan");
        assertEquals("P7D", input(plan, "checkInCadence").path("defaultValue").asText());
        assertEquals(6, input(plan, "maxCheckIns").path("defaultValue").asInt());
        // The micro-loop options are opt-in: unticked, the arc runs as before.
        for (JsonNode box : List.of(input(plan, "practiseThroughDailyLoop"),
                input(readForm("plan-small-win"), "buildAsDailyLoop"))) {
            assertTrue(box.path("defaultValue").isBoolean() && !box.path("defaultValue").asBoolean(),
                    box.path("key").asText() + " defaults to false");
        }
        for (String name : FORMS_WITH_SERIOUS_BLOCK) {
            JsonNode box = input(readForm(name), "seriousSignal");
            assertTrue(box.has("defaultValue") && box.get("defaultValue").isBoolean()
                    && !box.get("defaultValue").asBoolean(), name + ": seriousSignal defaults to false");
        }
    }

    @Test
    void managerFormsAndStartFormCarryTheSeriousSignalBlock() throws IOException {
        assertTrue(FORMS_WITH_SERIOUS_BLOCK.contains("open-case"), "start form");
        assertEquals(11, FORMS_WITH_SERIOUS_BLOCK.size(), "every manager form");
        for (String name : FORMS_WITH_SERIOUS_BLOCK) {
            JsonNode form = readForm(name);
            List<JsonNode> all = flatten(form.get("components"));
            int box = -1;
            for (int i = 0; i < all.size(); i++) {
                if ("seriousSignal".equals(all.get(i).path("key").asText())) {
                    box = i;
                }
            }
            assertTrue(box >= 2, name + ": seriousSignal checkbox after its lead-in");
            assertEquals("checkbox", all.get(box).path("type").asText(), name + ": seriousSignal type");
            assertEquals("separator", all.get(box - 2).path("type").asText(), name + ": separator before the block");
            JsonNode leadIn = all.get(box - 1);
            assertEquals("text", leadIn.path("type").asText(), name + ": text before the block");
            String md = leadIn.path("text").asText().toLowerCase(Locale.ROOT);
            for (String must : List.of("serious", "hr", "occupational health", "employee assistance",
                    "qualified professional")) {
                assertTrue(md.contains(must), name + ": serious-signal text mentions " + must);
            }
            JsonNode kinds = input(form, "seriousSignalKinds");
            JsonNode note = input(form, "seriousSignalNote");
            assertEquals("checklist", kinds.path("type").asText());
            assertEquals("textarea", note.path("type").asText());
            assertEquals(HIDE_UNLESS_SERIOUS, kinds.path("conditional").path("hide").asText(), name);
            assertEquals(HIDE_UNLESS_SERIOUS, note.path("conditional").path("hide").asText(), name);
            assertTrue(kinds.path("validate").path("required").asBoolean(), name + ": kinds required");
            assertTrue(note.path("validate").path("required").asBoolean(), name + ": note required");
            assertEquals(2000, note.path("validate").path("maxLength").asInt(), name + ": note maxLength");
        }
    }

    @Test
    void chooseSupportsExplainsThePreTickedRecommendation() throws IOException {
        String intro = readForm("choose-supports").get("components").get(0).path("text").asText()
                .toLowerCase(Locale.ROOT);
        assertTrue(intro.contains("decision table"), "names where the ticks come from");
        assertTrue(intro.contains("ticked"), "says the list is pre-ticked");
        assertTrue(intro.contains("adjust"), "says the manager can adjust it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formNames")
    void formsObserveBehaviourAndNeverLabelThePerson(String name) throws IOException {
        String raw = Files.readString(FORMS_DIR.resolve(name + ".form"));
        for (String word : LABELLING_WORDS) {
            assertFalse(wordPattern(word).matcher(raw).find(), name + ": labelling word \"" + word + "\"");
        }
    }

    // ---------------------------------------------------------------- catalog

    @Test
    void catalogNamesPlaybookAndSource() throws IOException {
        JsonNode catalog = catalog();
        assertEquals("recovery-arc", catalog.path("playbook").asText());
        assertEquals(SOURCE_DOC, catalog.path("source").asText());
    }

    @Test
    void catalogListsHaveTheSpecIdsAndSizes() throws IOException {
        JsonNode catalog = catalog();
        CATALOG_SIZES.forEach((list, size) -> {
            assertTrue(catalog.path(list).isArray(), "catalog list " + list);
            assertEquals(size.intValue(), catalog.path(list).size(), "size of " + list);
        });
        SPEC_CATALOG_IDS.forEach((list, ids) ->
                assertEquals(ids, catalogIds(catalog, list), "ids of " + list));
    }

    @Test
    void everyCatalogEntryIsCompleteAndShort() throws IOException {
        JsonNode catalog = catalog();
        Pattern kebab = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
        Pattern twoSentences = Pattern.compile("[.!?]\\s+[A-Z]");
        for (String list : CATALOG_SIZES.keySet()) {
            Set<String> ids = new HashSet<>();
            Set<String> labels = new HashSet<>();
            for (JsonNode e : catalog.path(list)) {
                String id = e.path("id").asText("");
                String where = list + "/" + id;
                assertTrue(kebab.matcher(id).matches(), where + ": kebab-case id");
                assertTrue(ids.add(id), where + ": duplicate id");
                String label = e.path("label").asText("");
                assertFalse(label.isBlank(), where + ": label");
                assertTrue(label.length() <= 60, where + ": label longer than 60 characters");
                assertTrue(labels.add(label), where + ": duplicate label");
                String hint = e.path("hint").asText("");
                assertFalse(hint.isBlank(), where + ": hint");
                assertTrue(hint.endsWith("."), where + ": hint is a full sentence");
                assertFalse(twoSentences.matcher(hint).find(), where + ": hint is one sentence");
                assertEquals(SOURCE_DOC, e.path("source").asText(), where + ": source");
                JsonNode covers = e.path("covers");
                assertTrue(covers.isArray() && covers.size() > 0, where + ": covers names the source item");
                covers.forEach(k -> assertFalse(k.asText("").isBlank(), where + ": blank covers keyword"));
            }
        }
    }

    @Test
    void catalogObservesBehaviourAndNeverLabelsThePerson() throws IOException {
        String raw = Files.readString(CATALOG_FILE);
        for (String word : LABELLING_WORDS) {
            if (wordPattern(word).matcher(raw).find()) {
                fail("catalog uses labelling word \"" + word + "\"");
            }
        }
        assertNotNull(catalog());
    }
}
