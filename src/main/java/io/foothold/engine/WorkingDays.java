package io.foothold.engine;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.foothold.modelguard.CallableFromModels;

/**
 * Due dates in working days for BPMN expressions, e.g. {@code camunda:dueDate="${workingDays.after(2)}"}.
 * A manager who opens a case on Friday should not find the debrief overdue on Monday morning. Every playbook may
 * call it: the SPI publishes its name ({@code io.foothold.playbook.spi.ExpressionBeans#WORKING_DAYS}; spelled here,
 * not imported, because the playbook module already depends on this one).
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

  /**
   * The next date of a cadence the manager chose as an ISO period ({@code P3D}, {@code P7D}, {@code P14D}), in
   * working days: whole weeks count five working days each ({@code P7D} = 5, {@code P14D} = 10), any other
   * number of days counts that many working days ({@code P3D} = 3). So a check-in never falls on a weekend,
   * and "every week" stays on the same weekday.
   */
  public Date afterCadence(String cadence) {
    return after(ClockUtil.getCurrentTime(), cadenceInWorkingDays(cadence));
  }

  static int cadenceInWorkingDays(String cadence) {
    Period period;
    try {
      period = Period.parse(cadence == null ? "" : cadence.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("cadence must be an ISO period of days or weeks such as P7D, not: " + cadence);
    }
    if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() <= 0) {
      throw new IllegalArgumentException("cadence must be a positive number of days or weeks such as P7D, not: " + cadence);
    }
    int days = period.getDays();
    return days % 7 == 0 ? days / 7 * 5 : days;
  }

  private static boolean isWeekend(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
