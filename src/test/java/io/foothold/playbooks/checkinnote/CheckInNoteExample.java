package io.foothold.playbooks.checkinnote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Puts the README's worked example (src/test/resources/new-playbook: its seeds, processes and forms folders) into the
 * shared test context's designers' folder before the application starts, so it is discovered the way a new playbook
 * is: at start-up, from its folders alone. Runs after {@code DesignerSandboxFolder}, which names that folder.
 */
public class CheckInNoteExample implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String folder = context.getEnvironment().getProperty("foothold.playbooks.folder");
    if (folder == null || folder.isBlank()) {
      throw new IllegalStateException("the worked example needs the designers' folder (DesignerSandboxFolder) first");
    }
    try {
      copyTree(source(), Path.of(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example as it is kept in the repository: nothing but its three folders. */
  static Path source() {
    try {
      return Path.of(CheckInNoteExample.class.getClassLoader().getResource("new-playbook").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
