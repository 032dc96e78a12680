package io.foothold.lint;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.foothold.modelguard.ContentHash;

/**
 * Parsed playbook files, kept by the SHA-256 of their bytes: the deployment checks and the linter ask here, so on a
 * save only the changed file is parsed, once, and unchanged files not at all. A failed parse is kept too (its
 * exception), so a broken file is not parsed again until its bytes change. The least recently used entries go once
 * more than {@code capacity} are kept.
 *
 * <p>Camunda's model instances keep element wrappers on their DOM nodes as they are read, so a cached model must not
 * be read by two threads at once: callers that share one instance between threads hold its monitor
 * ({@code synchronized (parsedFiles)}) while they read models from it.
 */
public final class ParsedFiles {

  /** The outcome of one parse: the value, or the exception the parser threw. */
  public record Parsed<T>(T value, Exception failure) {

    public boolean ok() {
      return failure == null;
    }
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(byte[] bytes) throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Parses by every instance, so a test can tell that no other cache (a linter's own, say) parsed the bytes again. */
  private static final AtomicLong PARSES_IN_THIS_JVM = new AtomicLong();

  private final Map<String, Parsed<?>> byContent;
  private long parses;

  public ParsedFiles(int capacity) {
    this.byContent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Parsed<?>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** A cache for one run (the lint command, a test): every distinct file is parsed once. */
  public static ParsedFiles forOneRun() {
    return new ParsedFiles(Integer.MAX_VALUE);
  }

  public Parsed<BpmnModelInstance> bpmn(byte[] bytes) {
    return parsed("bpmn", bytes, b -> Bpmn.readModelFromStream(new ByteArrayInputStream(b)));
  }

  public Parsed<DmnModelInstance> dmn(byte[] bytes) {
    return parsed("dmn", bytes, b -> Dmn.readModelFromStream(new ByteArrayInputStream(b)));
  }

  /** A form's JSON; the value is null for empty bytes (Jackson reads no tree from nothing). */
  public Parsed<JsonNode> json(byte[] bytes) {
    return parsed("json", bytes, JSON::readTree);
  }

  /** A descriptor's or catalog's YAML; the value is null for an empty file. */
  public Parsed<JsonNode> yaml(byte[] bytes) {
    return parsed("yaml", bytes, YAML::readTree);
  }

  /** How many times a parser really ran (not answered from the cache). */
  public synchronized long parses() {
    return parses;
  }

  /** How many times a parser really ran, in any instance, since the JVM started. */
  public static long parsesInThisJvm() {
    return PARSES_IN_THIS_JVM.get();
  }

  @SuppressWarnings("unchecked")
  private synchronized <T> Parsed<T> parsed(String kind, byte[] bytes, Parser<T> parser) {
    return (Parsed<T>) byContent.computeIfAbsent(kind + ":" + ContentHash.sha256(bytes), key -> parse(bytes, parser));
  }

  private <T> Parsed<T> parse(byte[] bytes, Parser<T> parser) {
    parses++;
    PARSES_IN_THIS_JVM.incrementAndGet();
    try {
      return new Parsed<>(parser.parse(bytes), null);
    } catch (Exception e) {
      return new Parsed<>(null, e);
    }
  }
}
