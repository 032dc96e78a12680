package io.foothold.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases the data-heavy benchmarks run on: {@code -Dbench.db=h2|postgres|both} (default both). Each dataset is
 * made (or found) once per run, on first use, and shared by the benchmarks.
 */
final class BenchDatabases {

  static final String SELECTED = System.getProperty("bench.db", "both");
  private static final Map<String, CaseData> ready = new LinkedHashMap<>();

  private BenchDatabases() {
  }

  static synchronized List<CaseData> selected(BenchSettings settings) throws Exception {
    List<String> names = switch (SELECTED) {
      case "h2" -> List.of("h2");
      case "postgres" -> List.of("postgres");
      case "both" -> List.of("h2", "postgres");
      default -> throw new IllegalArgumentException("-Dbench.db must be h2, postgres or both, not " + SELECTED);
    };
    List<CaseData> databases = new ArrayList<>();
    for (String name : names) {
      if (!ready.containsKey(name)) {
        ready.put(name, name.equals("h2") ? CaseDataset.ensure(settings) : PostgresCaseDataset.ensure(settings));
      }
      databases.add(ready.get(name));
    }
    return databases;
  }

  /** The databases in an order that starts with the one whose server is running, which saves a server start. */
  static List<CaseData> runningFirst(List<CaseData> databases) {
    List<CaseData> ordered = new ArrayList<>(databases);
    ordered.sort((a, b) -> Boolean.compare(CaseDatasetServer.isRunningOn(b), CaseDatasetServer.isRunningOn(a)));
    return ordered;
  }
}
