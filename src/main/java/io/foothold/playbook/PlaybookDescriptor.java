package io.foothold.playbook;

import java.util.List;
import java.util.Map;

/**
 * What a playbook says about itself in {@code seeds/<id>/playbook.yaml}: who it is and which models,
 * forms, catalog and Java contributions it brings. File names are relative to the playbook's folders.
 * {@code providedVariables} names variables its Java code sets, which the linter cannot see in the models.
 */
public record PlaybookDescriptor(
    String id,
    String name,
    String version,
    String description,
    String source,
    Map<String, String> requires,
    List<String> entryProcesses,
    List<String> processes,
    List<String> decisions,
    List<String> forms,
    String catalog,
    List<String> delegates,
    List<String> providedVariables) {

  public PlaybookDescriptor {
    requires = requires == null ? Map.of() : Map.copyOf(requires);
    entryProcesses = listOrEmpty(entryProcesses);
    processes = listOrEmpty(processes);
    decisions = listOrEmpty(decisions);
    forms = listOrEmpty(forms);
    delegates = listOrEmpty(delegates);
    providedVariables = listOrEmpty(providedVariables);
  }

  String processPath(String file) {
    return "processes/" + id + "/" + file;
  }

  String formPath(String file) {
    return "forms/" + id + "/" + file;
  }

  String seedPath(String file) {
    return "seeds/" + id + "/" + file;
  }

  private static List<String> listOrEmpty(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
