package io.foothold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: no cycles between them, no use of another module's internals,
 * and built-in playbooks reach Foothold only through the playbook SPI. Also documents the modules: the PlantUML
 * diagrams go to docs/modules, and the module map in docs/ARCHITECTURE.md must be the one the code has.
 */
class ModularityTest {

  private static final Path ARCHITECTURE = Path.of("docs", "ARCHITECTURE.md");
  private static final String MAP_START = "```mermaid\n";
  private static final String MAP_END = "```\n";

  private final ApplicationModules modules = ApplicationModules.of(FootholdApplication.class);

  @Test
  void modulesHaveNoCyclesAndPlaybooksUseOnlyTheSpi() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagramsIntoDocs() throws IOException {
    Path generated = Path.of("target", "spring-modulith-docs");
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();

    // Modulith lists components and relations in no fixed order from run to run: docs/ gets them sorted, so running
    // the tests changes a committed diagram only when the modules did.
    Path docs = Files.createDirectories(Path.of("docs", "modules"));
    try (Stream<Path> diagrams = Files.list(generated)) {
      for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
        String sorted = inStableOrder(Files.readAllLines(diagram));
        Path target = docs.resolve(diagram.getFileName().toString());
        if (!Files.exists(target) || !Files.readString(target).equals(sorted)) {
          Files.writeString(target, sorted);
        }
      }
    }
    assertThat(docs.resolve("components.puml")).exists();
  }

  /** Each run of lines declaring the same kind of element (Component(…), Rel(…)) sorted; everything else in place. */
  static String inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String runKind = null;
    for (String line : lines) {
      String kind = line.contains("(") ? line.substring(0, line.indexOf('(')) : null;
      if (kind == null || !kind.equals(runKind)) {
        run.sort(null);
        out.addAll(run);
        run.clear();
      }
      runKind = kind;
      (kind == null ? out : run).add(line);
    }
    run.sort(null);
    out.addAll(run);
    return String.join("\n", out) + "\n";
  }

  @Test
  void theArchitectureDocumentShowsTheModulesTheCodeHas() throws IOException {
    String document = Files.readString(ARCHITECTURE);
    int start = document.indexOf(MAP_START);
    int end = document.indexOf(MAP_END, start + MAP_START.length());
    assertThat(start).as("docs/ARCHITECTURE.md has a mermaid module map").isNotNegative();

    assertThat(document.substring(start, end + MAP_END.length()))
        .as("the module map in docs/ARCHITECTURE.md (replace it with this one when modules change)")
        .isEqualTo(moduleMap());
  }

  /** Every module and what it uses directly, sorted, as a Mermaid graph (GitHub draws it). */
  private String moduleMap() {
    String edges = modules.stream()
        .sorted(Comparator.comparing(ApplicationModule::getName))
        .flatMap(module -> module.getDirectDependencies(modules).uniqueModules()
            .map(ApplicationModule::getName)
            .sorted()
            .map(target -> "  " + module.getName() + " --> " + target + "\n"))
        .distinct()
        .collect(Collectors.joining());
    String isolated = modules.stream()
        .map(ApplicationModule::getName)
        .filter(name -> !edges.contains(" " + name + " ") && !edges.contains("> " + name + "\n"))
        .sorted()
        .map(name -> "  " + name + "\n")
        .collect(Collectors.joining());
    return MAP_START + "graph LR\n" + edges + isolated + MAP_END;
  }
}
