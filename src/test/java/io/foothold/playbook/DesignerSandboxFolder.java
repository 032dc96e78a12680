package io.foothold.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the shared Spring test context a designers' folder of its own (a temporary copy of
 * src/test/resources/designer-sandbox) with live reload on, so tests can save files the way Camunda Modeler
 * does without touching the repository's playbooks.
 */
public class DesignerSandboxFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static Path folder;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of("foothold.playbooks.folder=" + folder(), "foothold.playbooks.live-reload=true").applyTo(context);
  }

  static synchronized Path folder() {
    if (folder == null) {
      try {
        Path source = Path.of(DesignerSandboxFolder.class.getClassLoader().getResource("designer-sandbox").toURI());
        Path copy = Files.createTempDirectory("foothold-designer");
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file : files.toList()) {
            Path target = copy.resolve(source.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(target);
            } else {
              Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
        folder = copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return folder;
  }
}
