package io.foothold.engine;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.foothold.modelguard.CallableFromModels;

/**
 * Due dates in working days for BPMN expressions, e.g. {@code camunda:dueDate="${workingDays.after(2)}"}.
 * A manager who opens a case on Friday should not find the debrief overdue on Monday morning.
 */
@Component("workingDays")
@CallableFromModels
public class WorkingDays {

  /**
   * Now plus {@code days} working days (Monday to Friday), keeping the time of day.
   * Reads the engine clock so that tests moving {@link ClockUtil} get matching due dates.
   */
  public Date after(Number days) {
    return after(ClockUtil.getCurrentTime(), days);
  }

  /** Same as {@link #after(Number)} from a given instant; kept separate so it can be tested without the engine clock. */
  public Date after(Date from, Number days) {
    if (days == null) {
      throw new IllegalArgumentException("days must be given");
    }
    int remaining = days.intValue();
    if (remaining < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    ZoneId zone = ZoneId.systemDefault();
    LocalDateTime date = LocalDateTime.ofInstant(from.toInstant(), zone);
    while (remaining > 0) {
      date = date.plusDays(1);
      if (!isWeekend(date.getDayOfWeek())) {
        remaining--;
      }
    }
    return Date.from(date.atZone(zone).toInstant());
  }

  private static boolean isWeekend(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
