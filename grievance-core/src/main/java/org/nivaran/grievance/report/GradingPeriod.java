package org.nivaran.grievance.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A reporting period: the half-open interval {@code [from, to)}. The state of a complaint "at the
 * end of the period" is its state after every event that occurred before {@code to}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first instant inside the period
 * @param to the first instant after the period
 */
public record GradingPeriod(Instant from, Instant to) {
  /**
   * Checks the bounds.
   *
   * @param from the first instant inside the period
   * @param to the first instant after the period
   * @throws InvalidInputException (field {@code from}, {@code to}) if a bound is missing or
   *     {@code to} is not after {@code from}
   */
  public GradingPeriod {
    Texts.required(from, "from");
    Texts.required(to, "to");
    if (!to.isAfter(from)) {
      throw new InvalidInputException("to", "must be after from " + from + " (was " + to + ")");
    }
  }

  /**
   * A calendar month in a zone, as the monthly grading counts it.
   *
   * @param month the month
   * @param zone the zone whose midnights bound it
   * @return the period from the month's first midnight to the next month's
   */
  public static GradingPeriod of(YearMonth month, ZoneId zone) {
    Texts.required(month, "month");
    Texts.required(zone, "zone");
    return new GradingPeriod(
        month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /**
   * Whether an instant lies inside the period.
   *
   * @param at the instant
   * @return {@code from <= at < to}
   */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
