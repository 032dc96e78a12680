package io.foothold.forms;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Ref;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;

/**
 * The variables a form's validation can read: its top-level field keys, the dynamic lists its repeated fields
 * sit in, and every name its FEEL conditions and rules refer to. Enforcement then loads only those instead of
 * every variable of every scope (each serialized one costs a byte-array select and a deserialization).
 *
 * <p>Names come from the FEEL syntax tree (feel-scala's parser, the one that evaluates them): every
 * {@link Ref} node, wherever it sits. Reading a name that is no variable (a list item's name in a filter, a
 * path's key) costs nothing, so the walk takes every reference it meets. Where the tree could use a value
 * that no reference names (the implicit input value {@code ?}), the answer is "unknown" and enforcement reads
 * everything, as before.
 */
final class FormVariableNames {

  private FormVariableNames() {}

  /** The variables validating this form can read, or empty when that cannot be told (read them all). */
  static Optional<Set<String>> of(FormSchema schema) {
    Set<String> names = new LinkedHashSet<>();
    for (FormField field : schema.fields()) {
      if (field.repeatedIn() == null) {
        addKey(names, field.key());
      } else {
        addKey(names, field.repeatedIn());
      }
      for (String condition : field.hideConditions()) {
        if (!addReferences(names, condition)) {
          return Optional.empty();
        }
      }
      if (field.rule() != null && !addReferences(names, field.rule())) {
        return Optional.empty();
      }
    }
    return Optional.of(Collections.unmodifiableSet(names));
  }

  /**
   * The names a FEEL expression refers to, or empty when they cannot be told. An expression that does not
   * parse refers to nothing: it never evaluates, whatever the variables (the field stays visible).
   */
  static Optional<Set<String>> referencedBy(String expression) {
    Set<String> names = new LinkedHashSet<>();
    return addReferences(names, expression) ? Optional.of(names) : Optional.empty();
  }

  /** A key is a variable name as a whole; a dotted one may also stand for a path into its first part. */
  private static void addKey(Set<String> names, String key) {
    if (key == null) {
      return;
    }
    names.add(key);
    int dot = key.indexOf('.');
    if (dot > 0) {
      names.add(key.substring(0, dot));
    }
  }

  private static boolean addReferences(Set<String> names, String expression) {
    // The same parse (engine and cache) that evaluates the expression.
    Optional<ParsedExpression> parsed = FeelExpressions.parsed(expression);
    return parsed.isEmpty() || walk(parsed.get().expression(), names);
  }

  private static boolean walk(Object node, Set<String> names) {
    if (node instanceof Ref ref) {
      Iterator<String> parts = ref.names().iterator();
      StringBuilder qualified = new StringBuilder();
      while (parts.hasNext()) {
        String part = parts.next();
        if (qualified.isEmpty()) {
          names.add(part);
        } else {
          qualified.append('.');
        }
        qualified.append(part);
      }
      names.add(qualified.toString());
      return true;
    }
    String kind = node.getClass().getSimpleName();
    if (kind.contains("Input")) {
      return false; // the implicit input value: a variable no reference names
    }
    if (node instanceof Product product) {
      for (int i = 0; i < product.productArity(); i++) {
        if (!walk(product.productElement(i), names)) {
          return false;
        }
      }
      return true;
    }
    if (node instanceof Iterable<?> items) {
      Iterator<?> each = items.iterator();
      while (each.hasNext()) {
        if (!walk(each.next(), names)) {
          return false;
        }
      }
    }
    return true;
  }
}
