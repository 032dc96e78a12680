package io.foothold.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The coaching source documents the playbooks' content is checked against. They live beside the repository
 * ({@code ../shared/seeds/}, as in CI), or wherever {@code -Dfoothold.sources=…} says. A missing folder fails the
 * test that needs it: a content check that quietly skips would pass without checking anything.
 */
public final class SourceDocuments {

  private SourceDocuments() {
  }

  public static Path folder() {
    Path folder = Path.of(System.getProperty("foothold.sources", "../shared/seeds"));
    if (!Files.isDirectory(folder)) {
      fail("Source documents folder " + folder.toAbsolutePath().normalize() + " is missing: check out the shared seeds"
          + " beside this repository (../shared/seeds/), as CI does, or name the folder with -Dfoothold.sources=…");
    }
    return folder;
  }

  public static Path document(String name) {
    return folder().resolve(name);
  }
}
