package io.foothold.security.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Judges each answer against the promises and keeps the tally. A request is a violation when its answer carries the
 * private-note secret (whoever asked, the administrator included), reveals maya's case to someone it does not belong
 * to (her marker, an id of her case the request did not name, or any non-empty answer about a resource of her case
 * named by id), changed her case or someone's rights, or is a server error.
 */
final class Verdicts {

  enum Kind {
    SECRET_LEAK("the private-note secret in an answer"),
    CHANGES_CASE("changed maya's case or someone's rights"),
    REVEALS_CASE("revealed maya's case (marker or ids of her case in a 2xx answer, or a non-empty 2xx about her resource)"),
    SERVER_ERROR("5xx answer");

    final String title;

    Kind(String title) {
      this.title = title;
    }
  }

  record Violation(Kind kind, String surface, String operation, String role, String variant, String bodyKind, int status, String detail) {
  }

  private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
  private final Set<String> operationsExercised = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong requests = new AtomicLong();

  /** HR reads the history of every case (README): its history and audit answers may show the case, never the note. */
  static boolean mayReadCaseHistory(String role, ProbeFactory.Probe probe) {
    String path = probe.operation().path();
    // Comments and attachments live in the history tables and are part of the case timeline HR reads (README, "For HR").
    return role.equals("hana") && probe.operation().readOnly()
        && (path.startsWith("/history/") || path.startsWith("/api/audit") || path.contains("/comment") || path.contains("/attachment"));
  }

  /**
   * Definitions, deployments and the directory are shared by every case: a list of them filtered by one of the case's
   * ids (e.g. the definitions with this incident) says nothing about the case that their own readers do not know.
   */
  static boolean aboutModelsOrPeople(String path) {
    return Stream.of("/process-definition", "/decision-definition", "/decision-requirements-definition", "/deployment", "/job-definition",
        "/user", "/group", "/tenant", "/identity", "/history/process-definition").anyMatch(path::startsWith);
  }

  /** Judges the answer to one probe; {@code changes} are the differences in maya's case it caused (empty if none). */
  void judge(String role, ProbeFactory.Probe probe, SurfaceClient.Answer answer, MayasCaseMarks marks, List<String> changes) {
    requests.incrementAndGet();
    ApiOperation operation = probe.operation();
    operationsExercised.add(operation.surface() + " " + operation.label());
    List<Violation> found = new ArrayList<>();
    String body = answer.body();
    int status = answer.status();
    boolean ok = status >= 200 && status < 300;
    if (marks.secrets().stream().anyMatch(body::contains)) {
      found.add(violation(Kind.SECRET_LEAK, role, probe, status, excerpt(body, marks.secrets())));
    }
    if (!role.equals("admin") && !mayReadCaseHistory(role, probe)) {
      if (body.contains(marks.marker())) {
        found.add(violation(Kind.REVEALS_CASE, role, probe, status, "answer holds the case's marker: " + excerpt(body, Set.of(marks.marker()))));
      } else if (ok) {
        List<String> named = marks.privateIds().stream().filter(id -> !probe.idsSent().contains(id) && body.contains(id)).toList();
        if (!named.isEmpty()) {
          found.add(violation(Kind.REVEALS_CASE, role, probe, status, "answer names ids of the case: " + marks.describe(named)));
        } else if (operation.readOnly() && !operation.method().equals("OPTIONS") && !aboutModelsOrPeople(operation.path())
            && probe.idsSent().stream().anyMatch(marks.privateIds()::contains) && !trivial(body)) {
          found.add(violation(Kind.REVEALS_CASE, role, probe, status, "non-empty answer about the case's resource: " + abbreviate(body)));
        }
      }
    }
    if (!changes.isEmpty()) {
      found.add(violation(Kind.CHANGES_CASE, role, probe, status, String.join(" | ", changes)));
    }
    if (status >= 500) {
      found.add(violation(Kind.SERVER_ERROR, role, probe, status, abbreviate(body)));
    }
    violations.addAll(found);
    String verdict = found.isEmpty() ? (ok ? "allowed, harmless" : "refused") : found.get(0).kind().name();
    count(operation.surface() + " | " + pad(role, 9) + " | " + (status / 100) + "xx | " + verdict);
    count("status " + (status / 100) + "xx");
    count("verdict " + verdict);
    count("role " + role + " " + (status == 401 ? "401" : "answered"));
    if (status == 401 && !role.equals("anonymous") && !operation.path().endsWith("/credentials")) {
      // Only a wrong "authenticatedUserPassword" answers 401 to someone signed in; anything else means the sign-in was lost.
      count("unexpected 401 " + operation.surface() + " " + role);
    }
  }

  void skipped(String role, ProbeFactory.Probe probe, String why) {
    operationsExercised.add(probe.operation().surface() + " " + probe.operation().label());
    count(probe.operation().surface() + " | " + pad(role, 9) + " | --- | skipped: " + why);
  }

  long count(String key) {
    return tally.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  long get(String key) {
    AtomicLong value = tally.get(key);
    return value == null ? 0 : value.get();
  }

  long requests() {
    return requests.get();
  }

  Set<String> operationsExercised() {
    return operationsExercised;
  }

  List<Violation> violations() {
    return List.copyOf(violations);
  }

  String table() {
    return new TreeMap<>(tally).entrySet().stream().map(e -> String.format("  %-70s %7d", e.getKey(), e.getValue().get()))
        .collect(Collectors.joining("\n"));
  }

  /** All violations grouped by kind, then operation; per operation the roles and spellings that broke it. */
  String report() {
    StringBuilder report = new StringBuilder();
    Map<Kind, Map<String, List<Violation>>> grouped = new TreeMap<>();
    for (Violation violation : violations) {
      grouped.computeIfAbsent(violation.kind(), k -> new TreeMap<>())
          .computeIfAbsent(violation.operation() + "  [" + violation.surface() + "]", k -> new ArrayList<>()).add(violation);
    }
    grouped.forEach((kind, byOperation) -> {
      report.append("\n== ").append(kind).append(": ").append(kind.title).append(" — ").append(byOperation.size()).append(" operation(s), ")
          .append(byOperation.values().stream().mapToInt(List::size).sum()).append(" request(s)\n");
      byOperation.forEach((operation, list) -> {
        Map<String, Set<String>> byRole = new TreeMap<>();
        list.forEach(v -> byRole.computeIfAbsent(v.role(), r -> new TreeSet<>()).add(v.variant() + (v.bodyKind().equals("none") ? "" : "/" + v.bodyKind()) + "→" + v.status()));
        Map<String, List<String>> rolesBySpellings = new TreeMap<>();
        byRole.forEach((role, spellings) -> rolesBySpellings.computeIfAbsent(String.join(" ", spellings), k -> new ArrayList<>()).add(role));
        report.append("  ").append(operation).append("\n    ")
            .append(rolesBySpellings.entrySet().stream().map(e -> String.join(",", e.getValue()) + ": " + e.getKey()).collect(Collectors.joining("\n    ")))
            .append("\n    e.g. ").append(list.get(0).detail()).append('\n');
      });
    });
    return report.toString();
  }

  private static Violation violation(Kind kind, String role, ProbeFactory.Probe probe, int status, String detail) {
    return new Violation(kind, probe.operation().surface(), probe.operation().label(), role, probe.variant(), probe.bodyKind(), status, detail);
  }

  /** An answer that says nothing: empty, an empty list or object, a zero count. */
  static boolean trivial(String body) {
    String compact = body.replaceAll("\\s", "");
    return compact.isEmpty() || compact.equals("[]") || compact.equals("{}") || compact.equals("{\"count\":0}") || compact.equals("null");
  }

  private static String excerpt(String body, Set<String> needles) {
    for (String needle : needles) {
      int at = body.indexOf(needle);
      if (at >= 0) {
        return "…" + body.substring(Math.max(0, at - 100), Math.min(body.length(), at + needle.length() + 40)).replaceAll("\\s+", " ") + "…";
      }
    }
    return abbreviate(body);
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  private static String pad(String text, int width) {
    return String.format("%-" + width + "s", text);
  }

  /** What identifies maya's case in an answer. */
  record MayasCaseMarks(String marker, Set<String> secrets, Set<String> privateIds, Map<String, String> kindOfId) {

    String describe(List<String> ids) {
      return ids.stream().limit(4).map(id -> kindOfId.getOrDefault(id, "?") + " " + id).collect(Collectors.joining(", "));
    }
  }
}
