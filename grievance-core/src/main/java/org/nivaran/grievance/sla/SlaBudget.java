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
 *   <li>{@link #lastWorkingDayOfWeek()}: "by the last working day of the week" (the Dhar district
 *       rule), which ends at the close of the last working day of the week the clock starts in
 *       ({@link BusinessCalendar#endOfLastWorkingDayOfWeek}). A week runs from Monday 00:00 to
 *       Sunday 24:00 in the calendar's zone; the last working day is the last date of the week with
 *       opening hours, so a holiday or a closed Saturday makes an earlier date the last. Started
 *       during that day's hours (a lunch break included), it ends at that day's close; started at
 *       or after that close, or in a week with no working day at all, at the close of the last
 *       working day of the next week that has one. Once started it is held, like working days, as
 *       the open time from the start to that close: a pause extends the deadline by exactly the
 *       open time it used, and a clock resumed in a later week keeps the open time it had left
 *       rather than moving to that week's last working day, so neither the office nor the citizen
 *       gains from a wait on the citizen.
 * </ul>
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface SlaBudget permits SlaBudget.OpenTime, SlaBudget.WorkingDays, SlaBudget.LastWorkingDayOfWeek {

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
   * A budget that ends at the close of the last working day of the week the clock starts in.
   *
   * @return the budget
   */
  static SlaBudget lastWorkingDayOfWeek() {
    return new LastWorkingDayOfWeek();
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

  /**
   * "By the last working day of the week": the time ends at the close of the last working day of
   * the week (Monday to Sunday, in the calendar's zone) the clock starts in, or of the next week
   * that has a working day after the start ({@link BusinessCalendar#endOfLastWorkingDayOfWeek}).
   * All instances are equal.
   */
  record LastWorkingDayOfWeek() implements SlaBudget {
    /** The budget; it has no parameter. */
    public LastWorkingDayOfWeek {
    }

    @Override
    public Duration openTimeFrom(BusinessCalendar calendar, Instant start) {
      return calendar.between(start, calendar.endOfLastWorkingDayOfWeek(start));
    }

    @Override
    public String toString() {
      return "by the last working day of the week";
    }
  }
}
