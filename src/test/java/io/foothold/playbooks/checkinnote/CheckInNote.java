package io.foothold.playbooks.checkinnote;

import org.springframework.stereotype.Component;

import io.foothold.playbook.spi.PlaybookBean;

/**
 * The worked example's one Java bean ({@code ${checkInNote.line(pace, said)}}): the check-in as one line for the
 * case record. It lives with the tests because the example playbook ships only with them; a real playbook keeps
 * its bean in src/main/java under the same package.
 */
@Component("checkInNote")
@PlaybookBean
public class CheckInNote {

  public String line(String pace, String said) {
    return "Pace: " + pace + ". In their words: " + said.trim();
  }
}
