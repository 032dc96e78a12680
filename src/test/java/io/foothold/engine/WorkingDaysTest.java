package io.foothold.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

  private final WorkingDays workingDays = new WorkingDays();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // 2025-06-06 is a Friday
      "2025-06-06T09:30, 2, 2025-06-10T09:30",  // Friday + 2 = Tuesday
      "2025-06-06T09:30, 1, 2025-06-09T09:30",  // Friday + 1 = Monday
      "2025-06-02T09:30, 3, 2025-06-05T09:30",  // Monday + 3 = Thursday, no weekend in between
      "2025-06-04T17:00, 5, 2025-06-11T17:00",  // Wednesday + 5 = next Wednesday
      "2025-06-07T10:00, 1, 2025-06-09T10:00",  // Saturday + 1 = Monday
      "2025-06-08T10:00, 2, 2025-06-10T10:00",  // Sunday + 2 = Tuesday
      "2025-06-06T09:30, 0, 2025-06-06T09:30",  // zero days: now
      "2025-06-06T09:30, 10, 2025-06-20T09:30", // two full weeks
  })
  void addsWorkingDaysAndKeepsTheTimeOfDay(String from, int days, String expected) {
    assertThat(workingDays.after(date(from), days)).isEqualTo(date(expected));
  }

  @Test
  void readsTheEngineClock() {
    // given the engine clock on a Friday morning
    ClockUtil.setCurrentTime(date("2025-06-06T09:30"));

    // when / then
    assertThat(workingDays.after(2)).isEqualTo(date("2025-06-10T09:30"));
  }

  @Test
  void acceptsAnyNumberTypeFromExpressions() {
    ClockUtil.setCurrentTime(date("2025-06-06T09:30"));

    assertThat(workingDays.after(Long.valueOf(3))).isEqualTo(date("2025-06-11T09:30"));
  }

  @Test
  void rejectsNegativeOrMissingDays() {
    assertThatThrownBy(() -> workingDays.after(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workingDays.after((Number) null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} every {1} = {2}")
  @CsvSource({
      "2025-06-06T09:30, P7D, 2025-06-13T09:30",   // weekly from Friday: the next Friday
      "2025-06-06T09:30, P3D, 2025-06-11T09:30",   // three working days from Friday: Wednesday
      "2025-06-04T09:30, P14D, 2025-06-18T09:30",  // fortnightly from Wednesday: Wednesday two weeks on
      "2025-06-05T09:30, P1W, 2025-06-12T09:30",   // a week written as weeks
  })
  void cadenceCountsWorkingDaysAndNeverLandsOnAWeekend(String from, String cadence, String expected) {
    ClockUtil.setCurrentTime(date(from));

    assertThat(workingDays.afterCadence(cadence)).isEqualTo(date(expected));
  }

  @Test
  void rejectsACadenceThatIsNotDaysOrWeeks() {
    assertThatThrownBy(() -> workingDays.afterCadence("P1M")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workingDays.afterCadence("weekly")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workingDays.afterCadence(null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Date date(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime.trim()).atZone(ZoneId.systemDefault()).toInstant());
  }
}
