package io.foothold.playbook;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.foothold.modelguard.ContentHash;
import io.foothold.playbook.spi.PlaybookPlugin;

/**
 * Finds playbooks: the application's own ({@code seeds/<id>/playbook.yaml} on the class path) and those in
 * the plugins folder (each jar or sub-folder holding the same layout). A plugin that cannot even be read
 * is reported as failed; it never stops the others.
 */
@Component
class PlaybookDiscovery {

  private static final Logger log = LoggerFactory.getLogger(PlaybookDiscovery.class);
  private static final Pattern DESCRIPTOR = Pattern.compile("seeds/([^/]+)/playbook\\.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  record Failure(String id, String origin, String reason) {
  }

  record Result(List<Playbook> playbooks, List<Failure> failures) {
  }

  private final Path pluginsDir;
  private final Path designerFolders;
  private Result plugins;
  private Result builtIn;
  private final ParsedSeeds seeds = new ParsedSeeds();

  PlaybookDiscovery(@Value("${foothold.plugins.dir:plugins}") Path pluginsDir,
      @Value("${foothold.playbooks.folder:}") String designerFolders) {
    this.pluginsDir = pluginsDir;
    this.designerFolders = designerFolders == null || designerFolders.isBlank() ? null : Path.of(designerFolders);
  }

  /** Every playbook: built-in ones, replaced by the designers' folder copy where there is one, then plugins. */
  Result discover() {
    Result builtIn = builtIn();
    List<Playbook> playbooks = new ArrayList<>(builtIn.playbooks());
    List<Failure> failures = new ArrayList<>(builtIn.failures());
    discoverDesignerFolders(playbooks, failures);
    Result plugins = plugins();
    playbooks.addAll(plugins.playbooks());
    failures.addAll(plugins.failures());
    return new Result(playbooks, failures);
  }

  /**
   * Plugins are loaded once per start: each gets a class loader of its own, and reloading them on every save
   * in the designers' folders would leave class loaders (and second instances of their contributions) behind.
   */
  private synchronized Result plugins() {
    if (plugins == null) {
      List<Playbook> playbooks = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      discoverPlugins(playbooks, failures);
      plugins = new Result(List.copyOf(playbooks), List.copyOf(failures));
    }
    return plugins;
  }

  /**
   * The application's own playbooks are read once per start: they live in the jar (or the build's class path), which
   * does not change while the application runs, and a live reload should not scan and parse them again on every save.
   */
  private synchronized Result builtIn() {
    if (builtIn == null) {
      List<Playbook> playbooks = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      discoverBuiltIn(playbooks, failures);
      builtIn = new Result(List.copyOf(playbooks), List.copyOf(failures));
    }
    return builtIn;
  }

  /** The designers' folders, if configured and present; a playbook found there replaces the jar's copy. */
  Path designerFolders() {
    return designerFolders != null && Files.isDirectory(designerFolders.resolve("seeds")) ? designerFolders : null;
  }

  private void discoverDesignerFolders(List<Playbook> playbooks, List<Failure> failures) {
    Path root = designerFolders();
    if (root == null) {
      return;
    }
    PlaybookSource source = PlaybookSource.designerFolders(root);
    try (Stream<Path> folders = Files.list(root.resolve("seeds"))) {
      for (Path folder : folders.sorted().filter(f -> Files.isRegularFile(f.resolve("playbook.yaml"))).toList()) {
        String id = folder.getFileName().toString();
        playbooks.removeIf(playbook -> playbook.id().equals(id));
        failures.removeIf(failure -> failure.id().equals(id));
        load(id, source, Map.of(), playbooks, failures);
      }
    } catch (IOException e) {
      failures.add(new Failure("(folders)", root.toString(), "Could not list the designers' folders: " + e.getMessage()));
    }
  }

  private void discoverBuiltIn(List<Playbook> playbooks, List<Failure> failures) {
    ClassLoader appLoader = PlaybookDiscovery.class.getClassLoader();
    PlaybookSource source = PlaybookSource.builtIn(appLoader);
    try {
      for (Resource descriptor : new PathMatchingResourcePatternResolver(appLoader).getResources("classpath*:seeds/*/playbook.yaml")) {
        String id = folderOf(descriptor.getURL());
        load(id, source, Map.of(), playbooks, failures);
      }
    } catch (IOException e) {
      failures.add(new Failure("(built-in)", "built-in", "Could not list the built-in playbooks: " + e.getMessage()));
    }
  }

  private void discoverPlugins(List<Playbook> playbooks, List<Failure> failures) {
    if (!Files.isDirectory(pluginsDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(pluginsDir)) {
      for (Path plugin : entries.sorted().toList()) {
        if (Files.isDirectory(plugin) || plugin.toString().endsWith(".jar")) {
          discoverPlugin(plugin, playbooks, failures);
        }
      }
    } catch (IOException e) {
      failures.add(new Failure("(plugins)", pluginsDir.toString(), "Could not list the plugins folder: " + e.getMessage()));
    }
  }

  private void discoverPlugin(Path plugin, List<Playbook> playbooks, List<Failure> failures) {
    String origin = "plugin " + plugin.getFileName();
    try {
      // The plugin sees the SPI and Camunda through the application's class loader, and nothing of other plugins.
      URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, PlaybookDiscovery.class.getClassLoader());
      Map<String, Object> contributions = contributionsOf(loader);
      PlaybookSource source = PlaybookSource.plugin(plugin, loader);
      List<String> ids = descriptorIdsIn(plugin);
      if (ids.isEmpty()) {
        failures.add(new Failure(plugin.getFileName().toString(), origin, "No seeds/<id>/playbook.yaml found in " + plugin.getFileName()));
      }
      for (String id : ids) {
        load(id, source, contributions, playbooks, failures);
      }
    } catch (Exception | LinkageError | ServiceConfigurationError e) {
      failures.add(new Failure(plugin.getFileName().toString(), origin, "Could not load " + plugin.getFileName() + ": " + e));
    }
  }

  private static Map<String, Object> contributionsOf(URLClassLoader loader) {
    Map<String, Object> contributions = new HashMap<>();
    ServiceLoader.load(PlaybookPlugin.class, loader).stream()
        .filter(provider -> provider.type().getClassLoader() == loader)
        .forEach(provider -> contributions.putAll(provider.get().contributions()));
    return contributions;
  }

  private static List<String> descriptorIdsIn(Path plugin) throws IOException {
    List<String> ids = new ArrayList<>();
    if (Files.isDirectory(plugin)) {
      Path seeds = plugin.resolve("seeds");
      if (Files.isDirectory(seeds)) {
        try (Stream<Path> folders = Files.list(seeds)) {
          folders.filter(folder -> Files.isRegularFile(folder.resolve("playbook.yaml")))
              .forEach(folder -> ids.add(folder.getFileName().toString()));
        }
      }
    } else {
      try (JarFile jar = new JarFile(plugin.toFile())) {
        jar.stream().map(entry -> DESCRIPTOR.matcher(entry.getName())).filter(Matcher::matches)
            .forEach(match -> ids.add(match.group(1)));
      }
    }
    return ids;
  }

  private void load(String id, PlaybookSource source, Map<String, Object> contributions, List<Playbook> playbooks, List<Failure> failures) {
    String descriptorPath = "seeds/" + id + "/playbook.yaml";
    try {
      PlaybookDescriptor descriptor = seeds.descriptor(source.read(descriptorPath).orElseThrow());
      if (!id.equals(descriptor.id())) {
        failures.add(new Failure(id, source.describe(), descriptorPath + ": id '" + descriptor.id() + "' does not match its folder '" + id + "'"));
        return;
      }
      PlaybookCatalog catalog = descriptor.catalog() == null ? PlaybookCatalog.empty()
          : seeds.catalog(source.read(descriptor.seedPath(descriptor.catalog()))
              .orElseThrow(() -> new IOException("catalog " + descriptor.seedPath(descriptor.catalog()) + " is missing")));
      playbooks.add(new Playbook(descriptor, source, catalog, contributions));
      log.debug("Found playbook '{}' ({})", id, source.describe());
    } catch (Exception e) {
      failures.add(new Failure(id, source.describe(), descriptorPath + ": " + e.getMessage()));
    }
  }

  private static String folderOf(URL descriptor) {
    String[] parts = descriptor.getPath().split("/");
    return parts[parts.length - 2];
  }

  /**
   * Descriptors and catalogs by the SHA-256 of their bytes: every save re-reads the designers' folders, but only a
   * changed descriptor or catalog is parsed again. Both results are immutable, so they are shared as they are.
   */
  private static final class ParsedSeeds {
    private static final int KEPT = 256;
    private final Map<String, Object> byContent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
        return size() > KEPT;
      }
    };

    synchronized PlaybookDescriptor descriptor(byte[] yaml) throws IOException {
      String key = "descriptor:" + ContentHash.sha256(yaml);
      if (!byContent.containsKey(key)) {
        byContent.put(key, YAML.readValue(yaml, PlaybookDescriptor.class));
      }
      return (PlaybookDescriptor) byContent.get(key);
    }

    synchronized PlaybookCatalog catalog(byte[] yaml) throws IOException {
      String key = "catalog:" + ContentHash.sha256(yaml);
      if (!byContent.containsKey(key)) {
        byContent.put(key, PlaybookCatalog.parse(yaml));
      }
      return (PlaybookCatalog) byContent.get(key);
    }
  }
}
