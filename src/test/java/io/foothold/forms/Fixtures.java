package io.foothold.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class Fixtures {

  private Fixtures() {}

  static String formJson(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/forms-fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormSchema schema(String name) {
    return new FormSchemaParser().parse(formJson(name));
  }
}
