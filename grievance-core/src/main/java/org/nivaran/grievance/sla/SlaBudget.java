package org.nivaran.grievance.sla;

import java.time.Duration;
import java.time.Instant;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.internal.Texts;

/**
 * The time allowed at one level, counted on a {@link BusinessCalendar}.
 *
 * <ul>
 *   <li>{@link #openTime(Duration)}: an amount of open time ("24 hours" on a 24×7 calendar, "16
 *       office hours" on an office calendar).
 *   <li>{@link #workingDays(int)}: "7 working days", which ends at the close of the 7th working day
 *       after the clock starts ({@link BusinessCalendar#plusWorkingDays}). Once started it is held
 *       as the open time from the start to that close, so a pause extends the deadline by exactly
 *       the open time it used.
 * </ul>
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface SlaBudget permits SlaBudget.OpenTime, SlaBudget.WorkingDays {

  /**
   * The open time this budget allows for a clock started at {@code start}.
   *
   * @param calendar the calendar it is counted on
   * @param start when the clock starts
   * @return the open time allowed
   */
  Duration openTimeFrom(BusinessCalendar calendar, Instant start);

  /**
   * A budget of open time.
   *
   * @param openTime the open time allowed, positive
   * @return the budget
   */
  static SlaBudget openTime(Duration openTime) {
    return new OpenTime(openTime);
  }

  /**
   * A budget of working days.
   *
   * @param days how many, at least 1
   * @return the budget
   */
  static SlaBudget workingDays(int days) {
    return new WorkingDays(days);
  }

  /**
   * A budget of open time.
   *
   * @param openTime the open time allowed, positive
   */
  record OpenTime(Duration openTime) implements SlaBudget {
    /**
     * Validates the budget.
     *
     * @param openTime the open time allowed, positive
     */
    public OpenTime {
      Texts.required(openTime, "budget");
      if (openTime.isNegative() || openTime.isZero()) {
        throw new InvalidInputException("budget", "must be positive (was " + openTime + ")");
      }
    }

    @Override
    public Duration openTimeFrom(BusinessCalendar calendar, Instant start) {
      return openTime;
    }

    @Override
    public String toString() {
      return openTime + " of open time";
    }
  }

  /**
   * A budget of working days.
   *
   * @param days how many, at least 1
   */
  record WorkingDays(int days) implements SlaBudget {
    /**
     * Validates the budget.
     *
     * @param days how many, at least 1
     */
    public WorkingDays {
      if (days < 1) {
        throw new InvalidInputException("budget", "must be at least 1 working day (was " + days + ")");
      }
    }

    @Override
    public Duration openTimeFrom(BusinessCalendar calendar, Instant start) {
      return calendar.between(start, calendar.plusWorkingDays(start, days));
    }

    @Override
    public String toString() {
      return days + " working day(s)";
    }
  }
}
