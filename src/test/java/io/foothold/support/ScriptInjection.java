package io.foothold.support;

/**
 * Text a person could type into any free-text field that would run script if a page put it in as markup. Both
 * set {@code window.__xss}; pages must show the text as it is and leave {@code window.__xss} undefined.
 */
public final class ScriptInjection {

  public static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  public static final String SCRIPT = "<script>window.__xss=2</script>";
  public static final String BOTH = "Said it " + IMG + " then " + SCRIPT + " done";

  /** Answers what {@code typeof window.__xss} is in the page: "undefined" unless injected script ran. */
  public static final String PROBE = "return typeof window.__xss;";

  /** Counts elements an injection would have created: an img whose src is "x", or a script that sets __xss. */
  public static final String INJECTED_ELEMENTS = "return document.querySelectorAll(\"img[src='x']\").length"
      + " + Array.prototype.filter.call(document.scripts, function (s) { return s.text.indexOf('__xss') >= 0; }).length;";

  private ScriptInjection() {
  }
}
