package io.foothold.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.foothold.bench.TemplateCases.Kind;
import io.foothold.support.TestPostgres;

/**
 * The case dataset on PostgreSQL (the .ci/postgres server on loopback, its test role), in a database of its own
 * ({@value #DATABASE}, so the integration tests' databases are untouched): the same template cases, opened and walked
 * by Foothold itself on PostgreSQL, the same clone plan as on H2 ({@link CaseDataset#plan}), written with COPY (see
 * {@link PostgresCopyCloner}) while the secondary indexes and foreign keys are set aside ({@link PostgresIndexes}).
 * Kept between runs like the H2 file; .bench-data/postgres/dataset.json holds its description and fingerprint.
 */
final class PostgresCaseDataset implements CaseData {

  static final String DATABASE = "foothold_bench";
  private static final int CHUNK = 500;
  private static final int THREADS = Integer.getInteger("bench.cases.threads", 2);
  private static final List<String> SOURCES = List.of("src/test/java/io/foothold/bench/PostgresCaseDataset.java",
      "src/test/java/io/foothold/bench/PostgresCopyCloner.java", "src/test/java/io/foothold/bench/PostgresIndexes.java");

  private final TestPostgres server;
  private final CaseDataset.Info info;

  private PostgresCaseDataset(TestPostgres server, CaseDataset.Info info) {
    this.server = server;
    this.info = info;
  }

  @Override
  public String label() {
    return "PostgreSQL";
  }

  @Override
  public CaseDataset.Info info() {
    return info;
  }

  @Override
  public String jdbcUrl() {
    return server.serverUrl() + DATABASE;
  }

  @Override
  public String user() {
    return server.user();
  }

  @Override
  public String password() {
    return server.password();
  }

  static CaseData ensure(BenchSettings settings) throws Exception {
    TestPostgres server = TestPostgres.server();
    Path directory = settings.dataDir().resolve("postgres");
    Path infoFile = directory.resolve("dataset.json");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String fingerprint = CaseDataset.fingerprint(settings.repositoryRoot(), SOURCES);
    if (Files.exists(infoFile)) {
      CaseDataset.Info existing = json.readValue(infoFile.toFile(), CaseDataset.Info.class);
      if (fingerprint.equals(existing.fingerprint()) && holds(server, existing)) {
        System.out.printf("dataset: reusing PostgreSQL database %s (%,d open, %,d completed cases, %,d rows; generated in %.0f s)%n", DATABASE,
            existing.openCases(), existing.completedCases(), existing.rows(), existing.generationSeconds());
        return new PostgresCaseDataset(server, existing);
      }
      System.out.println("dataset: generator, models or PostgreSQL database changed, generating again");
    }
    Files.deleteIfExists(infoFile);
    Files.createDirectories(directory);
    CaseDataset.Info generated = new Generator(server, fingerprint, settings.repositoryRoot()).run();
    json.writeValue(infoFile.toFile(), generated);
    return new PostgresCaseDataset(server, generated);
  }

  /** Whether the database is still there with the described cases (someone may have dropped or changed it). */
  private static boolean holds(TestPostgres server, CaseDataset.Info info) {
    try (Connection db = DriverManager.getConnection(server.serverUrl() + DATABASE, server.user(), server.password())) {
      return CaseDataset.count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE SUPER_PROCESS_INSTANCE_ID_ IS NULL")
          == (long) info.openCases() + info.completedCases();
    } catch (SQLException e) {
      return false;
    }
  }

  private static final class Generator {

    private final TestPostgres server;
    private final String fingerprint;
    private final Path root;
    private final String url;
    private final List<String> properties;

    Generator(TestPostgres server, String fingerprint, Path root) {
      this.server = server;
      this.fingerprint = fingerprint;
      this.root = root;
      this.url = server.serverUrl() + DATABASE;
      this.properties = List.of("--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password());
    }

    CaseDataset.Info run() throws Exception {
      long started = System.nanoTime();
      try (Connection admin = DriverManager.getConnection(server.serverUrl() + "postgres", server.user(), server.password());
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        statement.execute("CREATE DATABASE " + DATABASE);
      }
      System.out.println("dataset: opening and walking the template cases with Foothold itself, on PostgreSQL");
      Map<Kind, String> templates = TemplateCases.create(url, root, properties);
      System.out.printf("dataset: templates ready after %.1f s: %s%n", CaseDataset.seconds(started), templates);
      List<String> managers = CaseDataset.managers();
      CaseDataset.Described described;
      try (Connection db = connect()) {
        CaseCloner cloner = new CaseCloner(db);
        Map<Kind, CaseCloner.Template> shapes = new EnumMap<>(Kind.class);
        Map<Kind, PostgresCopyCloner> copiers = new EnumMap<>(Kind.class);
        for (var template : templates.entrySet()) {
          shapes.put(template.getKey(), cloner.template(template.getValue()));
          copiers.put(template.getKey(), PostgresCopyCloner.of(db, shapes.get(template.getKey())));
          System.out.printf("dataset: %s leaves %d rows in %s%n", template.getKey(), shapes.get(template.getKey()).rowsPerCase(),
              shapes.get(template.getKey()).rows());
        }
        List<CaseDataset.Clone> clones = CaseDataset.plan(db, templates, CaseDataset.OPEN_CASES, CaseDataset.COMPLETED_CASES, Instant.now(),
            managers);
        CaseDataset.Generator.addGeneratedManagers(db, managers);
        PostgresIndexes indexes = PostgresIndexes.drop(db, cloner.perCaseTables());
        long copying = System.nanoTime();
        long written = copyInParallel(copiers, shapes, clones, copying);
        System.out.printf("dataset: %,d clones written (%,d rows) in %.1f s%n", clones.size(), written, CaseDataset.seconds(copying));
        long indexing = System.nanoTime();
        indexes.restore(db);
        System.out.printf("dataset: %d indexes and foreign keys built again in %.1f s%n", indexes.size(), CaseDataset.seconds(indexing));
        long vacuuming = System.nanoTime();
        try (Statement statement = db.createStatement()) {
          // Fresh tables: planner statistics, and the visibility map that index-only scans need.
          statement.execute("VACUUM ANALYZE");
        }
        System.out.printf("dataset: VACUUM ANALYZE in %.1f s%n", CaseDataset.seconds(vacuuming));
        described = CaseDataset.describe(db, CaseDataset.COMPLETED_CASES);
      }
      TemplateCases.writeCaseFile(url, root, properties);
      try (Connection db = connect(); Statement statement = db.createStatement()) {
        statement.execute("VACUUM ANALYZE FH_CASE");
      }
      return described.info(fingerprint, templates, managers, started);
    }

    private Connection connect() throws SQLException {
      return DriverManager.getConnection(url, server.user(), server.password());
    }

    /** Chunks of clones of one kind each, biggest cases first, on {@link #THREADS} connections. */
    private long copyInParallel(Map<Kind, PostgresCopyCloner> copiers, Map<Kind, CaseCloner.Template> shapes, List<CaseDataset.Clone> clones,
        long copying) throws Exception {
      ConcurrentLinkedQueue<List<CaseDataset.Clone>> chunks = new ConcurrentLinkedQueue<>();
      List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
      kinds.sort((a, b) -> Long.compare(shapes.get(b).rowsPerCase(), shapes.get(a).rowsPerCase()));
      for (Kind kind : kinds) {
        List<CaseDataset.Clone> ofKind = clones.stream().filter(c -> c.kind() == kind).toList();
        for (int first = 0; first < ofKind.size(); first += CHUNK) {
          chunks.add(ofKind.subList(first, Math.min(first + CHUNK, ofKind.size())));
        }
      }
      AtomicLong written = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(pool.submit(() -> {
            try (Connection db = connect()) {
              for (List<CaseDataset.Clone> chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
                Kind kind = chunk.get(0).kind();
                long rows = written.addAndGet(copiers.get(kind).copy(db, chunk));
                System.out.printf("dataset: %s %d..%d copied (%,d rows so far, %.0f rows/s)%n", kind, chunk.get(0).n(),
                    chunk.get(chunk.size() - 1).n(), rows, rows / CaseDataset.seconds(copying));
              }
            }
            return null;
          }));
        }
        for (var worker : workers) {
          worker.get();
        }
      } finally {
        pool.shutdownNow();
      }
      return written.get();
    }
  }
}
