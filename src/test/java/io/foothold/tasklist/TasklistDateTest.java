package io.foothold.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The browser tests read a date picker's text back as a date. Tasklist shows 12/2/2026 where a person typed
 * 12/02/2026, so a string comparison failed on days 1–9 of every month; this walks every day of a year.
 */
class TasklistDateTest {

  @Test
  void everyDayOfAYearIsReadBackWhetherPaddedOrNot() {
    for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
      String unpadded = day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + day.getYear();
      String padded = String.format("%02d/%02d/%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
      assertThat(TasklistPage.shownDate(unpadded)).as(unpadded).isEqualTo(day);
      assertThat(TasklistPage.shownDate(padded)).as(padded).isEqualTo(day);
    }
  }

  @Test
  void anEmptyOrHalfTypedPickerIsNoDateYet() {
    assertThat(TasklistPage.shownDate(null)).isNull();
    assertThat(TasklistPage.shownDate("")).isNull();
    assertThat(TasklistPage.shownDate("12/0")).isNull();
  }
}
