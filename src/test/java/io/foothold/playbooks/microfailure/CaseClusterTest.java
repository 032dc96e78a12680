package io.foothold.playbooks.microfailure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.foothold.playbook.spi.TeamCases;

/**
 * The micro-failure playbook's team count asks Foothold through the SPI (no engine here): the window is counted back
 * from the engine's clock, and outside a case there is no calling case to add. The count inside a running case is
 * walked in MicroFailureRestWalkthroughTest.
 */
class CaseClusterTest {

  private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

  record Asked(String managerId, String processKey, Date since, String notCounting) {
  }

  private final List<Asked> asked = new ArrayList<>();
  private final TeamCases threeCases = (managerId, processKey, since, notCounting) -> {
    asked.add(new Asked(managerId, processKey, since, notCounting));
    return 3;
  };

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void countsTheTeamsCasesOpenedWithinTheWindowOnTheEngineClock() {
    // given the engine clock at NOW and a team with three cases in the window
    ClockUtil.setCurrentTime(Date.from(NOW));

    // when the playbook asks for the last 90 days outside any running case
    long count = new CaseCluster(threeCases).countInTeam("maya", "MicroFailure", 90);

    // then Foothold's answer is the count, asked for exactly that window and nothing left out
    assertThat(count).isEqualTo(3);
    assertThat(asked).containsExactly(new Asked("maya", "MicroFailure", Date.from(NOW.minus(Duration.ofDays(90))), null));
  }
}
