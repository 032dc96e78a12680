package io.foothold.playbook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars and folders the way an organisation would ship its own playbook: from the example
 * sources in src/test/resources/example-playbook/, compiled here at test time, so Foothold's own code
 * never sees the example's classes at compile time.
 */
final class ExamplePlugins {

  private static final String EXAMPLE = "example-playbook/thanks-note";

  private ExamplePlugins() {
  }

  /** The working example: descriptor, catalog, model, two forms and a compiled delegate. */
  static void thanksNoteJar(Path jar) throws IOException {
    Map<String, byte[]> files = exampleFiles(UnaryOperator.identity());
    files.putAll(compiledExampleClasses());
    writeJar(jar, files);
  }

  /** Same shape, but the model points at a form no playbook has. */
  static void brokenFormReferenceJar(Path jar) throws IOException {
    writeJar(jar, withoutJava(text -> text
        .replace("thanks-note", "broken-form-ref")
        .replace("ThanksNote", "BrokenFormRef")
        .replace("camunda:formRef=\"broken-form-ref-follow-up\"", "camunda:formRef=\"no-such-form\"")
        .replace("delegates: [thanksNoteFiler]", "delegates: []")
        .replace("${thanksNoteFiler}", "${brokenFormRefFiler}")));
  }

  /**
   * Same shape, but its service task turns deploying into running code: it would make the designer "dana" an
   * administrator. Refused when checked; its Java contribution is never registered.
   */
  static void hostileExpressionJar(Path jar) throws IOException {
    writeJar(jar, withoutJava(text -> text
        .replace("thanks-note", "hostile-expression")
        .replace("ThanksNote", "HostileExpression")
        .replace("delegates: [thanksNoteFiler]", "delegates: []")
        .replace("camunda:delegateExpression=\"${thanksNoteFiler}\"",
            "camunda:expression=\"${execution.processEngineServices.identityService.createMembership('dana','camunda-admin')}\"")));
  }

  /** A variant without Java: its service registration would name a class it does not ship. */
  private static Map<String, byte[]> withoutJava(UnaryOperator<String> rewrite) throws IOException {
    Map<String, byte[]> files = exampleFiles(rewrite);
    files.keySet().removeIf(path -> path.startsWith("META-INF/services/"));
    return files;
  }

  /** A plugin folder whose model is cut off mid-element. */
  static void malformedModelFolder(Path folder) throws IOException {
    Map<String, byte[]> files = withoutJava(text -> text
        .replace("thanks-note", "malformed-model")
        .replace("ThanksNote", "MalformedModel")
        .replace("delegates: [thanksNoteFiler]", "delegates: []"));
    String bpmnPath = "processes/malformed-model/malformed-model.bpmn";
    String bpmn = new String(files.get(bpmnPath), StandardCharsets.UTF_8);
    files.put(bpmnPath, bpmn.substring(0, bpmn.indexOf("<bpmn:userTask")).getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  /** The example's resource files (not its Java sources), with ids and names rewritten for variants. */
  private static Map<String, byte[]> exampleFiles(UnaryOperator<String> rewrite) throws IOException {
    Path root = exampleRoot();
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("java/")) {
          continue;
        }
        files.put(rewrite.apply(relative), rewrite.apply(Files.readString(file)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Map<String, byte[]> compiledExampleClasses() throws IOException {
    Path sources = exampleRoot().resolve("java");
    Path classes = Files.createTempDirectory("example-playbook-classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(file -> file.toString().endsWith(".java")).forEach(file -> args.add(file.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit = javac.run(null, null, null, args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("The example playbook's Java sources did not compile (javac exit " + exit + ")");
    }
    Map<String, byte[]> compiled = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        compiled.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return compiled;
  }

  private static void writeJar(Path jar, Map<String, byte[]> files) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new JarEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
  }

  private static Path exampleRoot() {
    try {
      return Path.of(ExamplePlugins.class.getClassLoader().getResource(EXAMPLE).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
