package io.foothold.playbook;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Live reload for designers: watches the playbook folders and, once saves have settled (a short debounce,
 * since Modeler writes a file in several steps), checks and deploys the playbooks whose files changed.
 * A file that fails the checks is not deployed; its reason shows in GET /api/playbooks and the last good
 * version keeps serving. On in the demo profile; off elsewhere unless foothold.playbooks.live-reload=true.
 */
@Component
class PlaybookFolderWatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PlaybookFolderWatcher.class);
  private static final List<String> FOLDERS = List.of("processes", "forms", "seeds");

  private final PlaybookDiscovery discovery;
  private final PlaybookDeployer deployer;
  private final LiveReloads reloads;
  private final boolean enabled;
  private final long debounceMillis;
  private volatile WatchService watcher;
  private volatile Thread thread;

  PlaybookFolderWatcher(PlaybookDiscovery discovery, PlaybookDeployer deployer, LiveReloads reloads,
      @Value("${foothold.playbooks.live-reload:false}") boolean enabled,
      @Value("${foothold.playbooks.live-reload-debounce-ms:50}") long debounceMillis) {
    this.discovery = discovery;
    this.deployer = deployer;
    this.reloads = reloads;
    this.enabled = enabled;
    this.debounceMillis = debounceMillis;
  }

  @Override
  public void start() {
    Path root = discovery.designerFolders();
    if (!enabled || root == null) {
      return;
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
      for (String folder : FOLDERS) {
        registerTree(root.resolve(folder));
      }
    } catch (IOException e) {
      log.warn("Live reload is off: cannot watch {}: {}", root, e.getMessage());
      return;
    }
    thread = new Thread(() -> watch(root), "foothold-playbook-watcher");
    thread.setDaemon(true);
    thread.start();
    log.info("Live reload on: watching {}/{{processes,forms,seeds}}", root.toAbsolutePath());
  }

  private void watch(Path root) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey first = watcher.take();
        Map<String, Set<String>> changed = new LinkedHashMap<>();
        collect(root, first, changed);
        // Let a burst of writes settle before reading the files. One save (truncate and write, or a temporary file
        // renamed into place) is a few events within a millisecond or two, so a short quiet spell is enough; a file
        // read mid-write fails its parse, is not deployed, and the write's next event checks it again.
        WatchKey next;
        while ((next = watcher.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
          collect(root, next, changed);
        }
        for (Map.Entry<String, Set<String>> playbook : changed.entrySet()) {
          String id = playbook.getKey();
          long started = System.nanoTime();
          PlaybookState state = deployer.redeploy(id);
          reloads.record(id, List.copyOf(playbook.getValue()), state, deployer.startedVersions(state));
          log.info("Live reload of '{}' took {} ms: {}", id, (System.nanoTime() - started) / 1_000_000,
              state == null ? "no such playbook" : state.status() + (state.reason() == null ? "" : " — " + state.reason()));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Live reload stopped: {}", e.getMessage(), e);
    }
  }

  /** The playbook id is the folder directly under processes/, forms/ or seeds/; the files are kept relative to the root. */
  private void collect(Path root, WatchKey key, Map<String, Set<String>> changed) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.context() instanceof Path name) {
        Path path = dir.resolve(name);
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
          registerQuietly(path);
        }
        playbookOf(path).ifPresent(id -> changed.computeIfAbsent(id, any -> new LinkedHashSet<>())
            .add(root.toAbsolutePath().relativize(path.toAbsolutePath()).toString().replace('\\', '/')));
      }
    }
    key.reset();
  }

  private Optional<String> playbookOf(Path path) {
    Path parent = path.getParent();
    while (parent != null && parent.getFileName() != null) {
      if (FOLDERS.contains(parent.getFileName().toString())) {
        Path relative = parent.relativize(path);
        if (relative.getNameCount() == 1 && Files.isRegularFile(path)) {
          // saved straight into processes/ (or forms/, seeds/): no playbook owns it, so nothing would deploy it
          log.warn("Live reload: {} is not inside a playbook folder ({}/<playbook>/{}), so it is not deployed; move it "
              + "into its playbook's folder", path, parent.getFileName(), relative);
          return Optional.empty();
        }
        return relative.getNameCount() >= 1 ? Optional.of(relative.getName(0).toString()) : Optional.empty();
      }
      parent = parent.getParent();
    }
    return Optional.empty();
  }

  private void registerTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(folder)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private void registerQuietly(Path dir) {
    try {
      registerTree(dir);
    } catch (IOException e) {
      log.warn("Not watching {}: {}", dir, e.getMessage());
    }
  }

  @Override
  public void stop() {
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      log.debug("Closing the watcher: {}", e.getMessage());
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
