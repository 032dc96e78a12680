package io.foothold.lint.rules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable names a JUEL or FEEL expression reads, found simply: identifiers outside string literals that
 * are not a function or method call (followed by "(") nor a property (preceded by "."), minus keywords and
 * the engine's own objects.
 */
final class ExpressionNames {

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern JUEL_BLOCK = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Set<String> IGNORED = Set.of(
      "execution", "task", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "instanceof", "authenticatedUserId",
      // FEEL words and the first word of FEEL's two-word built-ins ("list contains(...)")
      "in", "if", "then", "else", "for", "return", "some", "every", "satisfies", "between", "instance", "of",
      "function", "list", "string", "date", "time", "duration");

  private ExpressionNames() {
  }

  /** Names read by the {@code ${…}} parts of a BPMN expression. */
  static Set<String> inJuelExpression(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text == null) {
      return names;
    }
    Matcher block = JUEL_BLOCK.matcher(text);
    while (block.find()) {
      names.addAll(in(block.group(1)));
    }
    return names;
  }

  /** Names read by a whole expression (a DMN input expression). */
  static Set<String> in(String expression) {
    Set<String> names = new LinkedHashSet<>();
    if (expression == null) {
      return names;
    }
    String code = STRING_LITERAL.matcher(expression).replaceAll(m -> " ".repeat(m.group().length()));
    Matcher id = IDENTIFIER.matcher(code);
    while (id.find()) {
      if (isProperty(code, id.start()) || isCall(code, id.end()) || IGNORED.contains(id.group())
          || (id.start() > 0 && Character.isDigit(code.charAt(id.start() - 1)))) {
        continue;
      }
      names.add(id.group());
    }
    return names;
  }

  private static boolean isProperty(String code, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
      i--;
    }
    return i >= 0 && code.charAt(i) == '.';
  }

  private static boolean isCall(String code, int end) {
    int i = end;
    while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
      i++;
    }
    return i < code.length() && code.charAt(i) == '(';
  }
}
