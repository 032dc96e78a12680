package org.example.thanks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records that the thank-you was filed, and by which code: proof the plugin's class ran. */
public class ThanksNoteFiler implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("thanksFiledBy", getClass().getName());
  }
}
