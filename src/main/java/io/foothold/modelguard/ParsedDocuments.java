package io.foothold.modelguard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.w3c.dom.Document;

/**
 * Parsed model documents kept by the SHA-256 of their bytes, least recently used out first, so the lint rules and
 * the engine's deployer read a model's bytes once between them. A file that does not parse is remembered as such.
 * Readers of a shared document hold its monitor.
 */
final class ParsedDocuments {

  private final Map<String, Optional<Document>> byContent;
  private final Function<byte[], Document> parser;
  private long parses;

  ParsedDocuments(int capacity, Function<byte[], Document> parser) {
    this.parser = parser;
    this.byContent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<Document>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The document, or null when the bytes do not parse. */
  synchronized Document document(byte[] bytes) {
    return byContent.computeIfAbsent(ContentHash.sha256(bytes), key -> {
      parses++;
      return Optional.ofNullable(parser.apply(bytes));
    }).orElse(null);
  }

  synchronized long parses() {
    return parses;
  }
}
