package io.foothold.bench;

import java.nio.file.Path;

/**
 * Where benchmarks work and keep their data. {@code dataDir} (.bench-data/ at the repository root, ignored by
 * git, survives mvn clean) holds generated datasets reused between runs; {@code workDir} (target/benchmarks)
 * holds this run's output; {@code jar} is the packaged Foothold jar.
 */
public record BenchSettings(Path repositoryRoot, Path dataDir, Path workDir, Path jar) {

  static BenchSettings fromWorkingDirectory() {
    Path root = Path.of("").toAbsolutePath();
    return new BenchSettings(root, root.resolve(".bench-data"), root.resolve("target/benchmarks"), root.resolve("target/foothold.jar"));
  }
}
