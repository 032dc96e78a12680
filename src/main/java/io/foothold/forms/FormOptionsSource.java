package io.foothold.forms;

import java.util.List;

/**
 * Supplies the options of a form field whose {@code properties.optionsSource} names it, per user
 * (e.g. "my-reports": the signed-in manager's reports). Implement as a Spring bean.
 */
public interface FormOptionsSource {

  /** The name forms use in {@code properties.optionsSource}. */
  String name();

  /** The options this user may pick; never null. */
  List<FormOption> optionsFor(String userId);
}
