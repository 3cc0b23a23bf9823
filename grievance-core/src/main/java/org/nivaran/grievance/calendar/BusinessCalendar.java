package org.nivaran.grievance.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * When an office is open, and arithmetic on open time: the clock every SLA deadline in Nivaran is
 * counted on.
 *
 * <pre>{@code
 * BusinessCalendar raipur = BusinessCalendar.builder("CG-OFFICE", ZoneId.of("Asia/Kolkata"))
 *     .schedule(WeeklySchedule.builder()
 *         .hours(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, "10:00-18:00")
 *         .closedSaturdays(2, 4)
 *         .build())
 *     .holiday(LocalDate.of(2024, 3, 25), "Holi")
 *     .build();
 * Instant deadline = raipur.plus(registeredAt, Duration.ofHours(24)); // 3 working days of 8 h
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>The hours of a date are its override if it has one (an empty override closes it), else
 *       none if it is a holiday, else those of the {@link WeeklySchedule} in force on that date
 *       (the latest given with {@link Builder#scheduleFrom} on or before it), which closes its
 *       closed Saturdays.
 *   <li>Intervals are half-open: an office open {@code 10:00-18:00} is open at 10:00 and closed at
 *       18:00.
 *   <li>Time is real elapsed time. A local time that does not exist (a DST gap) is skipped: an
 *       interval across the gap is shorter by it, and one that ends in it ends at the transition.
 *       A local time that occurs twice (a DST overlap) counts once each time it passes: an
 *       interval across it is longer by it; one that starts in it starts at the first occurrence,
 *       one that ends in it ends at the second. Two intervals around a break inside an overlap
 *       may so overlap in real time: the office is open in either, and the time counts once.
 *   <li>Instants from 1900 to 2200 (in the calendar's zone) are supported; others are refused.
 * </ul>
 *
 * <h2>Cost</h2>
 *
 * <p>Each calendar year is turned, on first use, into a table of its open intervals with the
 * cumulative open time at each; {@link #plus}, {@link #between}, {@link #isOpen} and
 * {@link #nextOpen} are then binary searches, whatever the span.
 *
 * <p>Immutable and thread-safe; the year tables are built lazily and safely under concurrency.
 */
public final class BusinessCalendar {
  /** The first year the calendar computes. */
  public static final int MIN_YEAR = 1900;
  /** The last year the calendar computes. */
  public static final int MAX_YEAR = 2200;

  private final String id;
  private final ZoneId zone;
  private final NavigableMap<LocalDate, WeeklySchedule> schedules;
  private final Map<LocalDate, String> holidays;
  private final Map<LocalDate, List<OpenInterval>> overrides;
  private final ConcurrentMap<Integer, YearTable> years = new ConcurrentHashMap<>();
  private volatile YearTable recent;

  private BusinessCalendar(Builder b) {
    this.id = b.id;
    this.zone = b.zone;
    this.schedules = Collections.unmodifiableNavigableMap(new TreeMap<>(b.schedules));
    this.holidays = Collections.unmodifiableMap(new TreeMap<>(b.holidays));
    this.overrides = Collections.unmodifiableMap(new TreeMap<>(b.overrides));
  }

  /**
   * A builder for a calendar; give it at least a {@link Builder#schedule schedule}.
   *
   * @param id the calendar's id, e.g. {@code CG-OFFICE}
   * @param zone its IANA zone
   * @return the builder
   */
  public static Builder builder(String id, ZoneId zone) {
    return new Builder(id, zone);
  }

  /**
   * A calendar open around the clock, with no holidays.
   *
   * @param id the calendar's id
   * @param zone its zone (which matters only to {@link #plusWorkingDays} and
   *     {@link #endOfLastWorkingDayOfWeek}, whose days are that zone's)
   * @return the 24×7 calendar
   */
  public static BusinessCalendar twentyFourSeven(String id, ZoneId zone) {
    return builder(id, zone).schedule(WeeklySchedule.twentyFourSeven()).build();
  }

  /**
   * The calendar's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The calendar's zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The weekly schedules by the date each takes effect; the first is keyed {@link LocalDate#MIN}.
   *
   * @return an unmodifiable map
   */
  public NavigableMap<LocalDate, WeeklySchedule> schedules() {
    return schedules;
  }

  /**
   * The holidays with their names.
   *
   * @return an unmodifiable map
   */
  public Map<LocalDate, String> holidays() {
    return holidays;
  }

  /**
   * The dates whose hours differ from the schedule (half days, a working Saturday, closures).
   *
   * @return an unmodifiable map
   */
  public Map<LocalDate, List<OpenInterval>> overrides() {
    return overrides;
  }

  /**
   * The opening hours of a local date, after overrides, holidays and the schedule in force.
   *
   * @param date the date
   * @return its intervals, empty if closed
   */
  public List<OpenInterval> hoursOn(LocalDate date) {
    List<OpenInterval> override = overrides.get(Objects.requireNonNull(date, "date"));
    if (override != null) {
      return override;
    }
    if (holidays.containsKey(date)) {
      return List.of();
    }
    return schedules.floorEntry(date).getValue().hoursOn(date);
  }

  /**
   * Whether the office is open at {@code t}. Half-open: open at the opening minute, closed at the
   * closing one.
   *
   * @param t the instant
   * @return true if open
   */
  public boolean isOpen(Instant t) {
    long n = nanos(t, "t");
    return tableOf(n, "t").isOpen(n);
  }

  /**
   * The first instant at or after {@code t} at which the office is open: {@code t} itself if open.
   *
   * @param t the instant
   * @return the next opening
   */
  public Instant nextOpen(Instant t) {
    long n = nanos(t, "t");
    YearTable y = tableOf(n, "t");
    long open = y.nextOpen(n);
    while (open < 0) {
      y = table(y.year + 1);
      open = y.nextOpen(y.yearStart);
    }
    return instant(open);
  }

  /**
   * The deadline {@code d} of open time after {@code t}: the earliest instant at which the open
   * time accumulated since {@code t} equals {@code d}. A deadline may be exactly a closing time (a
   * budget that ends with the day ends at 18:00, not at 10:00 next day); zero returns {@code t}
   * itself, open or not.
   *
   * @param t the start
   * @param d the open time to add, not negative
   * @return the deadline
   * @throws InvalidInputException (field {@code duration}) if {@code d} is negative
   */
  public Instant plus(Instant t, Duration d) {
    long from = nanos(t, "t");
    long budget = budget(d);
    if (budget == 0) {
      return t;
    }
    YearTable y = tableOf(from, "t");
    long position = y.position(from);
    while (budget > y.total - position) {
      budget -= y.total - position;
      y = table(y.year + 1);
      position = 0;
    }
    return instant(y.locate(position + budget));
  }

  /**
   * Like {@link #plus(Instant, Duration)}, choosing what a deadline that falls exactly on a
   * closing time becomes.
   *
   * @param t the start
   * @param d the open time to add, not negative
   * @param rounding {@link DeadlineRounding#AT_CLOSE} keeps the closing time,
   *     {@link DeadlineRounding#NEXT_OPENING} moves it to the next opening
   * @return the deadline
   */
  public Instant plus(Instant t, Duration d, DeadlineRounding rounding) {
    Instant deadline = plus(t, d);
    return Objects.requireNonNull(rounding, "rounding") == DeadlineRounding.NEXT_OPENING
            && !d.isZero() && !isOpen(deadline)
        ? nextOpen(deadline)
        : deadline;
  }

  /**
   * The open time in {@code [a, b)}.
   *
   * @param a the start
   * @param b the end, not before {@code a}
   * @return the open time between them
   * @throws InvalidInputException (field {@code b}) if {@code b} is before {@code a}
   */
  public Duration between(Instant a, Instant b) {
    long from = nanos(a, "a");
    long to = nanos(b, "b");
    if (to < from) {
      throw new InvalidInputException("b", "must not be before a (" + a + "), was " + b);
    }
    YearTable ya = tableOf(from, "a");
    YearTable yb = tableOf(to, "b");
    long open;
    if (ya.year == yb.year) {
      open = yb.position(to) - ya.position(from);
    } else {
      open = ya.total - ya.position(from) + yb.position(to);
      for (int year = ya.year + 1; year < yb.year; year++) {
        open += table(year).total;
      }
    }
    return Duration.ofNanos(open);
  }

  /**
   * The end of the {@code n}-th working day after {@code t}: counting the dates after {@code t}'s
   * own date (in the calendar's zone) that have any opening hours, the closing instant of the
   * {@code n}-th. With {@code n = 0}, the close of {@code t}'s own date if it is a working day not
   * yet closed at {@code t}, else of the next working day.
   *
   * @param t the start
   * @param n how many working days, not negative
   * @return the closing instant of that working day
   * @throws InvalidInputException (field {@code n}) if {@code n} is negative
   */
  public Instant plusWorkingDays(Instant t, int n) {
    long from = nanos(t, "t");
    if (n < 0) {
      throw new InvalidInputException("n", "must not be negative (was " + n + ")");
    }
    LocalDate date = LocalDate.ofInstant(t, zone);
    tableOf(from, "t");
    if (n == 0) {
      YearTable y = table(date.getYear());
      if (y.isWorkingDay(date) && y.closeOf(date) > from) {
        return instant(y.closeOf(date));
      }
      n = 1;
    }
    int counted = 0;
    while (true) {
      date = date.plusDays(1);
      YearTable y = table(date.getYear());
      if (y.isWorkingDay(date) && ++counted == n) {
        return instant(y.closeOf(date));
      }
    }
  }

  /**
   * The close of the last working day of {@code t}'s week (Monday to Sunday, in the calendar's
   * zone): "replies by the last working day of the week". If that close is not after {@code t}
   * (it is Saturday and the office closed on Friday), the close of the next week's last working
   * day.
   *
   * @param t the instant
   * @return the closing instant
   */
  public Instant endOfLastWorkingDayOfWeek(Instant t) {
    long from = nanos(t, "t");
    tableOf(from, "t");
    LocalDate sunday = LocalDate.ofInstant(t, zone).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    while (true) {
      for (LocalDate d = sunday; !d.isBefore(sunday.minusDays(6)); d = d.minusDays(1)) {
        YearTable y = table(d.getYear());
        if (y.isWorkingDay(d)) {
          if (y.closeOf(d) > from) {
            return instant(y.closeOf(d));
          }
          break;
        }
      }
      sunday = sunday.plusWeeks(1);
      table(sunday.getYear()); // refuses to run past MAX_YEAR
    }
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + id + ", " + zone + ", " + schedules.size() + " schedule(s), "
        + holidays.size() + " holiday(s), " + overrides.size() + " override(s)]";
  }

  // ---------------------------------------------------------------------------------------------

  /** The table of the year an input instant falls in; {@code field} names the input if it is out of range. */
  private YearTable tableOf(long t, String field) {
    YearTable y = recent;
    if (y != null && y.contains(t)) {
      return y;
    }
    int year = LocalDate.ofInstant(instant(t), zone).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidInputException(
          field, "must fall within the years " + MIN_YEAR + " to " + MAX_YEAR + " in " + zone + " (was " + instant(t) + ")");
    }
    y = table(year);
    recent = y;
    return y;
  }

  /** A year's table; a computation that runs past the supported years is refused. */
  private YearTable table(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidInputException(
          "result", "would fall after " + MAX_YEAR + " (calendar " + id + " has too little open time left before then)");
    }
    return years.computeIfAbsent(year, this::build);
  }

  private YearTable build(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    int days = first.lengthOfYear();
    long[] starts = new long[days * 4];
    long[] ends = new long[days * 4];
    int[] dayFirst = new int[days + 1];
    int n = 0;
    for (int d = 0; d < days; d++) {
      dayFirst[d] = n;
      LocalDate date = first.plusDays(d);
      for (OpenInterval i : hoursOn(date)) {
        long s = localNanos(date, i.startMinute(), true);
        long e = localNanos(date, i.endMinute(), false);
        if (n > 0 && s < ends[n - 1]) {
          // A start in a DST overlap (its first occurrence) may precede the previous interval's end
          // in the overlap (its second occurrence): the office is open in both, counted once.
          s = ends[n - 1];
        }
        if (e <= s) {
          continue; // wholly inside a DST gap, or within the previous interval
        }
        if (n == starts.length) {
          starts = java.util.Arrays.copyOf(starts, n * 2);
          ends = java.util.Arrays.copyOf(ends, n * 2);
        }
        starts[n] = s;
        ends[n] = e;
        n++;
      }
    }
    dayFirst[days] = n;
    return new YearTable(
        year, localNanos(first, 0, true), localNanos(first.plusYears(1), 0, true),
        java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n), dayFirst);
  }

  /** The instant a local date and minute stand for, by the rules in the class comment. */
  private long localNanos(LocalDate date, int minute, boolean start) {
    if (minute == OpenInterval.DAY_MINUTES) {
      date = date.plusDays(1);
      minute = 0;
    }
    LocalDateTime local = date.atTime(minute / 60, minute % 60);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    Instant at;
    if (transition != null && transition.isGap()) {
      at = transition.getInstant();
    } else {
      ZonedDateTime z = ZonedDateTime.of(local, zone); // the earlier offset in an overlap
      at = (start ? z : z.withLaterOffsetAtOverlap()).toInstant();
    }
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  private static long nanos(Instant t, String field) {
    Texts.required(t, field);
    if (t.getEpochSecond() < -2_240_611_200L || t.getEpochSecond() > 7_289_827_200L) { // overflow guard
      throw new InvalidInputException(field, "must fall within the years " + MIN_YEAR + " to " + MAX_YEAR + " (was " + t + ")");
    }
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static long budget(Duration d) {
    Texts.required(d, "duration");
    if (d.isNegative()) {
      throw new InvalidInputException("duration", "must not be negative (was " + d + ")");
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      throw new InvalidInputException("duration", "must be at most about 292 years (was " + d + ")");
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Builds a {@link BusinessCalendar}. Not thread-safe; {@link #build()} copies its input. */
  public static final class Builder {
    private final String id;
    private final ZoneId zone;
    private final NavigableMap<LocalDate, WeeklySchedule> schedules = new TreeMap<>();
    private final Map<LocalDate, String> holidays = new TreeMap<>();
    private final Map<LocalDate, List<OpenInterval>> overrides = new TreeMap<>();

    private Builder(String id, ZoneId zone) {
      this.id = Texts.code(id, "id");
      this.zone = Texts.required(zone, "zone");
    }

    /**
     * The weekly schedule from the beginning.
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder schedule(WeeklySchedule schedule) {
      schedules.put(LocalDate.MIN, Texts.required(schedule, "schedule"));
      return this;
    }

    /**
     * A weekly schedule that takes effect on {@code from}; dates before it keep the earlier one.
     *
     * @param from the first date it applies to
     * @param schedule the schedule
     * @return this builder
     */
    public Builder scheduleFrom(LocalDate from, WeeklySchedule schedule) {
      schedules.put(Texts.required(from, "from"), Texts.required(schedule, "schedule"));
      return this;
    }

    /**
     * A holiday: closed all day unless an override opens it.
     *
     * @param date the date
     * @param name its name, e.g. {@code Holi}
     * @return this builder
     */
    public Builder holiday(LocalDate date, String name) {
      holidays.put(Texts.required(date, "holiday.date"), Texts.singleLine(name, "holiday.name", 100));
      return this;
    }

    /**
     * Hours for one date that replace the schedule's and any holiday's: a half day, a working
     * Saturday, or (with no intervals) a closure.
     *
     * @param date the date
     * @param intervals its hours; none closes it
     * @return this builder
     */
    public Builder override(LocalDate date, OpenInterval... intervals) {
      Objects.requireNonNull(intervals, "intervals");
      overrides.put(
          Texts.required(date, "override.date"), WeeklySchedule.normalise("override." + date, List.of(intervals)));
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     * @throws InvalidInputException (field {@code schedule}) if no schedule covers the beginning
     */
    public BusinessCalendar build() {
      if (!schedules.containsKey(LocalDate.MIN)) {
        throw new InvalidInputException("schedule", "is required: give schedule(...) for the dates before any scheduleFrom(...)");
      }
      return new BusinessCalendar(this);
    }
  }
}
