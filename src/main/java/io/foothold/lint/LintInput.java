package io.foothold.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.foothold.modelguard.ModelBeans;

/**
 * The files of one or more playbooks, keyed by path ({@code processes/<id>/x.bpmn}, {@code forms/<id>/y.form},
 * {@code seeds/<id>/catalog.yaml}; any leading folders are allowed), plus what is known to exist elsewhere
 * (already deployed process keys, decision keys and form ids), so references to them are not reported, and the
 * beans models may call (outside the running application: none, and the engine's own names are reserved).
 */
public record LintInput(Map<String, byte[]> files, Set<String> knownProcessKeys, Set<String> knownDecisionKeys,
    Set<String> knownFormIds, ModelBeans modelBeans) {

  /** Outside the running application the linter knows no beans, only the names models may never use. */
  private static final ModelBeans NO_BEANS = name -> Optional.empty();

  public LintInput {
    files = new TreeMap<>(files);
    knownProcessKeys = knownProcessKeys == null ? Set.of() : Set.copyOf(knownProcessKeys);
    knownDecisionKeys = knownDecisionKeys == null ? Set.of() : Set.copyOf(knownDecisionKeys);
    knownFormIds = knownFormIds == null ? Set.of() : Set.copyOf(knownFormIds);
    modelBeans = modelBeans == null ? NO_BEANS : modelBeans;
  }

  public static LintInput of(Map<String, byte[]> files) {
    return new LintInput(files, Set.of(), Set.of(), Set.of(), NO_BEANS);
  }

  public LintInput withKnown(Set<String> processKeys, Set<String> decisionKeys, Set<String> formIds) {
    return new LintInput(files, processKeys, decisionKeys, formIds, modelBeans);
  }

  /** The beans the running application lets models call, and the names it reserves. */
  public LintInput withModelBeans(ModelBeans beans) {
    return new LintInput(files, knownProcessKeys, knownDecisionKeys, knownFormIds, beans);
  }

  /** Every file under {@code root}'s processes/, forms/ and seeds/ folders, keyed relative to root. */
  public static LintInput fromDirectory(Path root) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String folder : List.of("processes", "forms", "seeds")) {
      readTree(root, root.resolve(folder), files);
    }
    return of(files);
  }

  /** Every file under each path (file or folder), keyed relative to {@code base} (normally the working directory). */
  public static LintInput fromPaths(Path base, List<Path> paths) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path path : paths) {
      readTree(base, path, files);
    }
    return of(files);
  }

  private static void readTree(Path base, Path start, Map<String, byte[]> files) {
    if (!Files.exists(start)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(start)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(key(base, file), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(Path base, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path absoluteBase = base.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(absoluteBase) ? absoluteBase.relativize(absolute) : file.normalize();
    return shown.toString().replace('\\', '/');
  }
}
