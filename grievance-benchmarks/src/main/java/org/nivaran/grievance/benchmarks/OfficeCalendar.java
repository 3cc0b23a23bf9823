package org.nivaran.grievance.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * The fixture every benchmark and its correctness test share: a government office's calendar in
 * {@code Asia/Kolkata} and random start instants across 2024.
 *
 * <ul>
 *   <li>Monday to Friday {@code 10:00-13:30} and {@code 14:00-18:00} (a lunch break), 7.5 open
 *       hours a day; Saturdays {@code 10:00-14:00}, the 2nd and 4th Saturdays of each month closed.
 *   <li>20 holidays in each of 2024, 2025 and 2026 (a one-year span started late in 2024 ends in
 *       2026). They are modelled on a state government's list; the exact dates of the lunar ones
 *       are illustrative.
 * </ul>
 *
 * <p>Spans are SLA budgets in "working days of 8 open hours", the convention of SLA policies
 * ({@code Duration.ofHours(8 * n)}); on this calendar 8 open hours are a little more than one
 * weekday's 7.5.
 */
public final class OfficeCalendar {
  /** The office's zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  /** The open hours one working day of an SLA budget stands for. */
  public static final int HOURS_PER_WORKING_DAY = 8;

  /** The working days a one-year span stands for: 250 × 8 h = 2,000 open hours. */
  public static final int WORKING_DAYS_PER_YEAR = 250;

  /** The years with holidays; instants are started in the first. */
  public static final List<Integer> YEARS = List.of(2024, 2025, 2026);

  private static final String[] HOLIDAYS = {
    // 2024
    "2024-01-26 Republic Day", "2024-03-08 Maha Shivratri", "2024-03-25 Holi",
    "2024-03-29 Good Friday", "2024-04-11 Id-ul-Fitr", "2024-04-17 Ram Navami",
    "2024-04-21 Mahavir Jayanti", "2024-05-23 Buddha Purnima", "2024-06-17 Id-ul-Zuha",
    "2024-07-17 Muharram", "2024-08-15 Independence Day", "2024-08-26 Janmashtami",
    "2024-09-16 Milad-un-Nabi", "2024-10-02 Gandhi Jayanti", "2024-10-12 Dussehra",
    "2024-10-31 Diwali", "2024-11-01 Rajyotsava", "2024-11-15 Guru Nanak Jayanti",
    "2024-12-18 Guru Ghasidas Jayanti", "2024-12-25 Christmas",
    // 2025
    "2025-01-26 Republic Day", "2025-02-26 Maha Shivratri", "2025-03-14 Holi",
    "2025-03-31 Id-ul-Fitr", "2025-04-06 Ram Navami", "2025-04-10 Mahavir Jayanti",
    "2025-04-14 Ambedkar Jayanti", "2025-04-18 Good Friday", "2025-05-12 Buddha Purnima",
    "2025-06-07 Id-ul-Zuha", "2025-07-06 Muharram", "2025-08-15 Independence Day",
    "2025-08-16 Janmashtami", "2025-09-05 Milad-un-Nabi", "2025-10-02 Gandhi Jayanti",
    "2025-10-20 Diwali", "2025-11-01 Rajyotsava", "2025-11-05 Guru Nanak Jayanti",
    "2025-12-18 Guru Ghasidas Jayanti", "2025-12-25 Christmas",
    // 2026
    "2026-01-26 Republic Day", "2026-02-15 Maha Shivratri", "2026-03-04 Holi",
    "2026-03-21 Id-ul-Fitr", "2026-03-26 Ram Navami", "2026-03-31 Mahavir Jayanti",
    "2026-04-03 Good Friday", "2026-04-14 Ambedkar Jayanti", "2026-05-01 Buddha Purnima",
    "2026-05-27 Id-ul-Zuha", "2026-06-26 Muharram", "2026-08-15 Independence Day",
    "2026-08-26 Milad-un-Nabi", "2026-09-04 Janmashtami", "2026-10-02 Gandhi Jayanti",
    "2026-10-20 Dussehra", "2026-11-01 Rajyotsava", "2026-11-08 Diwali",
    "2026-11-24 Guru Nanak Jayanti", "2026-12-25 Christmas",
  };

  private OfficeCalendar() {}

  /**
   * A new calendar, its year tables not yet built.
   *
   * @return the office-hours calendar
   */
  public static BusinessCalendar calendar() {
    BusinessCalendar.Builder b = BusinessCalendar.builder("BENCH-OFFICE", ZONE)
        .schedule(WeeklySchedule.builder()
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
            .hours(DayOfWeek.SATURDAY, "10:00-14:00")
            .closedSaturdays(2, 4)
            .build());
    for (String h : HOLIDAYS) {
      b.holiday(LocalDate.parse(h.substring(0, 10)), h.substring(11));
    }
    return b.build();
  }

  /**
   * The open time {@code workingDays} working days stand for.
   *
   * @param workingDays the working days of the span
   * @return {@code workingDays} × 8 open hours
   */
  public static Duration span(int workingDays) {
    return Duration.ofHours((long) HOURS_PER_WORKING_DAY * workingDays);
  }

  /**
   * Instants drawn uniformly from the year 2024 in {@link #ZONE}, to the nanosecond, open or not.
   *
   * @param count how many
   * @param seed the random seed, so that runs draw the same instants
   * @return the instants
   */
  public static Instant[] randomStartsIn2024(int count, long seed) {
    long first = LocalDate.of(2024, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    long end = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toEpochSecond();
    SplittableRandom random = new SplittableRandom(seed);
    Instant[] starts = new Instant[count];
    for (int i = 0; i < count; i++) {
      starts[i] = Instant.ofEpochSecond(random.nextLong(first, end), random.nextInt(1_000_000_000));
    }
    return starts;
  }
}
