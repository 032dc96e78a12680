package io.foothold.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every Spring Boot test at one plugins folder holding the example playbook and four broken
 * plugins. All Spring tests share this one application context: Camunda's REST layer finds "the"
 * default engine through a static registry, so two live contexts would answer from each other's engine.
 */
public class ExamplePluginsFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static Path folder;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of("foothold.plugins.dir=" + folder()).applyTo(context);
  }

  static synchronized Path folder() {
    if (folder == null) {
      try {
        Path plugins = Files.createTempDirectory("foothold-plugins");
        ExamplePlugins.thanksNoteJar(plugins.resolve("thanks-note.jar"));
        ExamplePlugins.brokenFormReferenceJar(plugins.resolve("broken-form-ref.jar"));
        ExamplePlugins.hostileExpressionJar(plugins.resolve("hostile-expression.jar"));
        ExamplePlugins.malformedModelFolder(plugins.resolve("malformed-model"));
        Files.writeString(plugins.resolve("not-a-playbook.jar"), "this is not a zip file");
        folder = plugins;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }
}
