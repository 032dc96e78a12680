package io.foothold.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a playbook's files come from: the application's own resources, or a plugin jar or folder.
 * Paths are the same in each ({@code processes/<id>/…}, {@code forms/<id>/…}, {@code seeds/<id>/…}).
 */
interface PlaybookSource {

  /** For messages: "built-in" or the plugin's file name. */
  String describe();

  Optional<byte[]> read(String path);

  /** Loads the Java contributions of a plugin; the application's own class loader for built-ins. */
  ClassLoader classLoader();

  static PlaybookSource builtIn(ClassLoader loader) {
    return new PlaybookSource() {
      @Override
      public String describe() {
        return "built-in";
      }

      @Override
      public Optional<byte[]> read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
          return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public ClassLoader classLoader() {
        return loader;
      }
    };
  }

  /**
   * The designers' folders next to the app ({@code <root>/processes/<id>/…}, {@code <root>/forms/<id>/…},
   * {@code <root>/seeds/<id>/…}): what Camunda Modeler saves is what gets deployed.
   */
  static PlaybookSource designerFolders(Path root) {
    Path base = root.toAbsolutePath().normalize();
    return new PlaybookSource() {
      @Override
      public String describe() {
        return "folder " + base;
      }

      @Override
      public Optional<byte[]> read(String path) {
        Path file = base.resolve(path).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public ClassLoader classLoader() {
        return PlaybookSource.class.getClassLoader();
      }
    };
  }

  /** A plugin jar or folder, read through its own class loader so only its own files are seen. */
  static PlaybookSource plugin(Path location, URLClassLoader pluginLoader) {
    return new PlaybookSource() {
      @Override
      public String describe() {
        return "plugin " + location.getFileName();
      }

      @Override
      public Optional<byte[]> read(String path) {
        URL url = pluginLoader.findResource(path); // its own jar/folder only, not the parent's
        if (url == null) {
          return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
          return Optional.of(in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public ClassLoader classLoader() {
        return pluginLoader;
      }
    };
  }
}
