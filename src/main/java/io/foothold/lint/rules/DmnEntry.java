package io.foothold.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table input entry as far as the linter understands it: "-" (anything), a list of literals and
 * numeric ranges, {@code not(…)} of such a list, or something too complex to analyse (UNKNOWN).
 */
final class DmnEntry {

  enum Kind { ANY, VALUES, NOT_VALUES, UNKNOWN }

  enum Overlap { YES, NO, MAYBE }

  /** A quoted string or a boolean, compared by its source form ("\"a\"", "true"). */
  record Literal(String source) {
  }

  record Range(double low, boolean lowClosed, double high, boolean highClosed) {

    boolean intersects(Range o) {
      double lo = Math.max(low, o.low);
      double hi = Math.min(high, o.high);
      if (lo < hi) {
        return true;
      }
      if (lo > hi) {
        return false;
      }
      return contains(lo) && o.contains(lo);
    }

    private boolean contains(double x) {
      return (x > low || (x == low && lowClosed)) && (x < high || (x == high && highClosed));
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");
  private static final Pattern INTERVAL = Pattern.compile("([\\[\\]\\(])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\]\\)])");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  final Kind kind;
  final List<Object> items;

  private DmnEntry(Kind kind, List<Object> items) {
    this.kind = kind;
    this.items = items;
  }

  static DmnEntry parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty() || t.equals("-")) {
      return new DmnEntry(Kind.ANY, List.of());
    }
    if (t.startsWith("not(") && t.endsWith(")")) {
      List<Object> inner = items(t.substring(4, t.length() - 1));
      return inner == null ? unknown() : new DmnEntry(Kind.NOT_VALUES, inner);
    }
    List<Object> items = items(t);
    return items == null ? unknown() : new DmnEntry(Kind.VALUES, items);
  }

  private static DmnEntry unknown() {
    return new DmnEntry(Kind.UNKNOWN, List.of());
  }

  /** The comma-separated items, or null when one of them is not a literal or a range. */
  private static List<Object> items(String text) {
    List<Object> items = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      Object item = item(part.trim());
      if (item == null) {
        return null;
      }
      items.add(item);
    }
    return items.isEmpty() ? null : items;
  }

  private static Object item(String s) {
    if (STRING.matcher(s).matches() || s.equals("true") || s.equals("false")) {
      return new Literal(s);
    }
    if (NUMBER.matcher(s).matches()) {
      double x = Double.parseDouble(s);
      return new Range(x, true, x, true);
    }
    Matcher c = COMPARISON.matcher(s);
    if (c.matches()) {
      double x = Double.parseDouble(c.group(2));
      return switch (c.group(1)) {
        case "<" -> new Range(Double.NEGATIVE_INFINITY, false, x, false);
        case "<=" -> new Range(Double.NEGATIVE_INFINITY, false, x, true);
        case ">" -> new Range(x, false, Double.POSITIVE_INFINITY, false);
        default -> new Range(x, true, Double.POSITIVE_INFINITY, false);
      };
    }
    Matcher i = INTERVAL.matcher(s);
    if (i.matches()) {
      return new Range(Double.parseDouble(i.group(2)), i.group(1).equals("["),
          Double.parseDouble(i.group(3)), i.group(4).equals("]"));
    }
    return null;
  }

  /** Splits on commas outside string literals; ranges hold no commas. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && ch == ',') {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** Whether the entry matches the string value; null when the entry is too complex to tell. */
  Boolean covers(String value) {
    Literal literal = new Literal("\"" + value + "\"");
    return switch (kind) {
      case ANY -> true;
      case VALUES -> items.contains(literal);
      case NOT_VALUES -> !items.contains(literal);
      case UNKNOWN -> null;
    };
  }

  /** Whether some value can match both entries. */
  Overlap overlaps(DmnEntry other) {
    if (kind == Kind.ANY || other.kind == Kind.ANY) {
      return Overlap.YES;
    }
    if (kind == Kind.UNKNOWN || other.kind == Kind.UNKNOWN) {
      return Overlap.MAYBE;
    }
    if (kind == Kind.NOT_VALUES && other.kind == Kind.NOT_VALUES) {
      return Overlap.YES;
    }
    if (kind == Kind.NOT_VALUES) {
      return other.overlaps(this);
    }
    if (other.kind == Kind.VALUES) {
      for (Object a : items) {
        for (Object b : other.items) {
          if (itemsOverlap(a, b)) {
            return Overlap.YES;
          }
        }
      }
      return Overlap.NO;
    }
    // this: values, other: not(values)
    boolean negatesRanges = other.items.stream().anyMatch(Range.class::isInstance);
    for (Object a : items) {
      if (a instanceof Literal && !other.items.contains(a)) {
        return Overlap.YES;
      }
      if (a instanceof Range) {
        if (negatesRanges) {
          return Overlap.MAYBE;
        }
        return Overlap.YES;
      }
    }
    return Overlap.NO;
  }

  private static boolean itemsOverlap(Object a, Object b) {
    if (a instanceof Literal && b instanceof Literal) {
      return a.equals(b);
    }
    if (a instanceof Range ra && b instanceof Range rb) {
      return ra.intersects(rb);
    }
    return false;
  }
}
