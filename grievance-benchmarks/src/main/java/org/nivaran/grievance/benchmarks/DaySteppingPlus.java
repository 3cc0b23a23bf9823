package org.nivaran.grievance.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;

/**
 * The baseline: open-time arithmetic the naive way a portal would write it, walking day by day
 * from the start's date over {@link BusinessCalendar#hoursOn(LocalDate)} and adding up open time
 * until the budget is spent. No tables, no caches; its cost grows with the span.
 *
 * <p>It turns local times into instants with {@code LocalDateTime.atZone}, which does not follow
 * the calendar's rules inside a DST gap or overlap, so it agrees with
 * {@link BusinessCalendar#plus(Instant, Duration)} only in zones without transitions in the years
 * walked, such as {@code Asia/Kolkata}; {@code DaySteppingPlusTest} checks that it does there.
 */
public final class DaySteppingPlus {
  /** How far the walk goes before it gives up: a calendar that never opens. */
  private static final int MAX_DAYS = 366 * 20;

  private DaySteppingPlus() {}

  /**
   * The deadline {@code d} of open time after {@code t}, by the rules of
   * {@link BusinessCalendar#plus(Instant, Duration)}: the earliest instant at which the open time
   * since {@code t} equals {@code d}, so possibly a closing time; {@code t} itself if {@code d} is
   * zero.
   *
   * @param calendar the calendar whose hours are walked
   * @param t the start
   * @param d the open time to add, not negative
   * @return the deadline
   */
  public static Instant plus(BusinessCalendar calendar, Instant t, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration " + d);
    }
    if (d.isZero()) {
      return t;
    }
    ZoneId zone = calendar.zone();
    Duration remaining = d;
    LocalDate date = LocalDate.ofInstant(t, zone);
    for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
      for (OpenInterval interval : calendar.hoursOn(date)) {
        Instant open = at(date, interval.startMinute(), zone);
        Instant close = at(date, interval.endMinute(), zone);
        if (!close.isAfter(t)) {
          continue; // already closed when the clock starts
        }
        Instant from = open.isBefore(t) ? t : open;
        Duration available = Duration.between(from, close);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("no deadline within " + MAX_DAYS + " days of " + t);
  }

  private static Instant at(LocalDate date, int minute, ZoneId zone) {
    return date.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
  }
}
