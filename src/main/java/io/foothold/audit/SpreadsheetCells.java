package io.foothold.audit;

/**
 * Text that a spreadsheet would run as a formula when someone opens the CSV (a name such as {@code =HYPERLINK(…)})
 * is written with a leading apostrophe, as OWASP's CSV-injection advice says: the cell then shows as text. Only
 * text is touched; numbers, booleans and timestamps are written as they are.
 */
final class SpreadsheetCells {

  private SpreadsheetCells() {
  }

  static Object neutralised(Object value) {
    if (!(value instanceof CharSequence text) || text.isEmpty()) {
      return value;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> value;
    };
  }

  static Object[] neutralised(Object... values) {
    Object[] safe = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      safe[i] = neutralised(values[i]);
    }
    return safe;
  }
}
