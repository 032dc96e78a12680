package io.foothold.playbook.spi;

import java.util.Date;

/**
 * How many cases a manager's team has had, for playbooks that look for a pattern across a team rather than in one
 * person. Foothold answers on its own authority (the manager running the model may read only their own cases) and
 * answers with a count, never with the cases. Inject it into a playbook's bean.
 */
public interface TeamCases {

  /**
   * Cases of this process ({@code processKey}) opened for the manager ({@link CaseVariables#MANAGER}) at or after
   * {@code since}, leaving out the case {@code notCounting} (a process instance id, or {@code null} to leave out
   * none): a case asking about its own team counts itself, which may not be written to history yet.
   */
  long countOpened(String managerId, String processKey, Date since, String notCounting);
}
