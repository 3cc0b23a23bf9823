package org.nivaran.grievance.tck.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;

/**
 * A slow, simple model of a {@link BusinessCalendar}, <b>for tests only</b>: it answers
 * {@link #isOpen}, {@link #between}, {@link #plus} and {@link #nextOpen} by stepping minute by
 * minute, so that a property can compare the calendar's fast answers with it.
 *
 * <p>It reads nothing from the calendar but {@link BusinessCalendar#hoursOn(LocalDate)} and
 * {@link BusinessCalendar#zone()}; it never calls the calendar's arithmetic. It turns each date's
 * intervals into instants from the zone rules itself, by the rules the calendar documents: a local
 * time in a DST gap is the transition; a start in an overlap is its first occurrence and an end its
 * second; {@code 24:00} is the next midnight. The office is open at an instant if any interval of
 * any date, so turned, contains it (half-open); open time is the length of that set of instants.
 *
 * <p><b>Limits.</b> {@link #between} and {@link #plus} take instants and durations in whole
 * minutes, and refuse spans longer than {@link #maxSpan()} (six weeks by default): every minute is
 * one step, about 60,000 for six weeks. Minute steps are exact only if every opening and closing
 * instant falls on a whole minute, which holds for whole-minute offsets and transitions (every
 * zone of {@link CalendarArbitraries#zones()} from 1972 on); meeting an interval that does not, the
 * reference throws {@link IllegalStateException}. Use it on spans of days or weeks, never on years.
 *
 * <pre>{@code
 * ReferenceCalendar reference = ReferenceCalendar.of(calendar);
 * assertThat(calendar.plus(t, d)).isEqualTo(reference.plus(t, d));   // t and d in whole minutes
 * }</pre>
 *
 * <p>Not thread-safe: it caches each date's intervals as it meets them. Use one per thread (one per
 * property try is cheap).
 */
public final class ReferenceCalendar {
  /** The longest span {@link #of(BusinessCalendar)} steps over: six weeks. */
  public static final Duration DEFAULT_MAX_SPAN = Duration.ofDays(42);

  private static final long MINUTE = 60;

  private final BusinessCalendar calendar;
  private final ZoneRules rules;
  private final long maxSpanSeconds;
  private final Map<LocalDate, long[]> intervalsByDate = new HashMap<>();

  private ReferenceCalendar(BusinessCalendar calendar, Duration maxSpan) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.rules = calendar.zone().getRules();
    this.maxSpanSeconds = Objects.requireNonNull(maxSpan, "maxSpan").getSeconds();
    if (maxSpan.isNegative() || maxSpan.isZero() || maxSpan.toDays() > 366) {
      throw new IllegalArgumentException("maxSpan must be positive and at most 366 days (was " + maxSpan + ")");
    }
  }

  /**
   * A reference for {@code calendar} that steps over at most {@link #DEFAULT_MAX_SPAN}.
   *
   * @param calendar the calendar to model
   * @return the reference
   */
  public static ReferenceCalendar of(BusinessCalendar calendar) {
    return new ReferenceCalendar(calendar, DEFAULT_MAX_SPAN);
  }

  /**
   * A reference for {@code calendar} that steps over at most {@code maxSpan} of real time.
   *
   * @param calendar the calendar to model
   * @param maxSpan the longest span {@link #between} and {@link #plus} step over, at most 366 days
   * @return the reference
   * @throws IllegalArgumentException if {@code maxSpan} is not positive or longer than 366 days
   */
  public static ReferenceCalendar of(BusinessCalendar calendar, Duration maxSpan) {
    return new ReferenceCalendar(calendar, maxSpan);
  }

  /**
   * The calendar modelled.
   *
   * @return the calendar
   */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * The longest span of real time {@link #between} and {@link #plus} step over.
   *
   * @return the span
   */
  public Duration maxSpan() {
    return Duration.ofSeconds(maxSpanSeconds);
  }

  /**
   * The instant a local time of a date stands for as the start or the end of an interval, by the
   * documented rules: a time in a DST gap is the transition, a time in an overlap is its first
   * occurrence as a start and its second as an end, minute 1440 ({@code 24:00}) is the next
   * midnight.
   *
   * @param date the local date
   * @param minute minutes after its midnight, 0 to 1440
   * @param start true for an interval's start, false for its end
   * @return the instant
   * @throws IllegalArgumentException if {@code minute} is outside 0 to 1440
   */
  public Instant instantOf(LocalDate date, int minute, boolean start) {
    if (minute < 0 || minute > OpenInterval.DAY_MINUTES) {
      throw new IllegalArgumentException("minute must be 0 to 1440 (was " + minute + ")");
    }
    return Instant.ofEpochSecond(LocalTimes.epochSecond(rules, Objects.requireNonNull(date, "date"), minute, start));
  }

  /**
   * Whether the office is open at {@code t}, of any precision: whether an interval of its local
   * date or of either neighbour contains it.
   *
   * @param t the instant
   * @return true if open
   */
  public boolean isOpen(Instant t) {
    // t lies in [s, e) for whole seconds s and e exactly when its epoch second does.
    return isOpenAt(Objects.requireNonNull(t, "t").getEpochSecond());
  }

  /**
   * The open time in {@code [a, b)}, counted minute by minute.
   *
   * @param a the start, a whole minute
   * @param b the end, a whole minute, not before {@code a} and at most {@link #maxSpan()} after it
   * @return the open time
   * @throws IllegalArgumentException if an instant is not a whole minute, {@code b} is before
   *     {@code a}, or the span is too long
   */
  public Duration between(Instant a, Instant b) {
    long from = wholeMinute(a, "a");
    long to = wholeMinute(b, "b");
    if (to < from) {
      throw new IllegalArgumentException("b must not be before a (" + a + "), was " + b);
    }
    if (to - from > maxSpanSeconds) {
      throw new IllegalArgumentException("span " + a + " to " + b + " is longer than the reference's " + maxSpan());
    }
    Stepper stepper = new Stepper(from);
    long open = 0;
    for (long m = from; m < to; m += MINUTE) {
      if (stepper.isOpen(m)) {
        open += MINUTE;
      }
    }
    return Duration.ofSeconds(open);
  }

  /**
   * The earliest instant by which {@code d} of open time has passed since {@code t}, counted minute
   * by minute; {@code t} itself for zero.
   *
   * @param t the start, a whole minute
   * @param d the open time, whole minutes, not negative
   * @return the deadline
   * @throws IllegalArgumentException if {@code t} or {@code d} is not whole minutes, {@code d} is
   *     negative, or the deadline lies more than {@link #maxSpan()} after {@code t}
   */
  public Instant plus(Instant t, Duration d) {
    long from = wholeMinute(t, "t");
    Objects.requireNonNull(d, "d");
    if (d.isNegative() || d.getNano() != 0 || d.getSeconds() % MINUTE != 0) {
      throw new IllegalArgumentException("d must be whole minutes, not negative (was " + d + ")");
    }
    long wanted = d.getSeconds() / MINUTE;
    if (wanted == 0) {
      return t;
    }
    long limit = from + maxSpanSeconds;
    Stepper stepper = new Stepper(from);
    long counted = 0;
    for (long m = from; m < limit; m += MINUTE) {
      if (stepper.isOpen(m) && ++counted == wanted) {
        return Instant.ofEpochSecond(m + MINUTE);
      }
    }
    throw new IllegalArgumentException(
        "the deadline of " + d + " after " + t + " lies beyond the reference's span of " + maxSpan());
  }

  /**
   * The first instant at or after {@code t} at which the office is open, found minute by minute:
   * {@code t} itself if open.
   *
   * @param t the instant, of any precision
   * @return the next opening
   * @throws IllegalArgumentException if there is none within {@link #maxSpan()} of {@code t}
   */
  public Instant nextOpen(Instant t) {
    if (isOpen(t)) {
      return t;
    }
    long from = Math.floorDiv(t.getEpochSecond(), MINUTE) * MINUTE + MINUTE;
    long limit = t.getEpochSecond() + maxSpanSeconds;
    Stepper stepper = new Stepper(from);
    for (long m = from; m < limit; m += MINUTE) {
      if (stepper.isOpen(m)) {
        return Instant.ofEpochSecond(m);
      }
    }
    throw new IllegalArgumentException("no opening within " + maxSpan() + " of " + t);
  }

  @Override
  public String toString() {
    return "ReferenceCalendar[" + calendar + ", max span " + maxSpan() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private boolean isOpenAt(long second) {
    LocalDate date = LocalTimes.localDate(rules, second);
    for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
      long[] pairs = intervals(d);
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] <= second && second < pairs[i + 1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** A date's intervals as epoch-second pairs, from its hours and the zone rules. */
  private long[] intervals(LocalDate date) {
    long[] cached = intervalsByDate.get(date);
    if (cached != null) {
      return cached;
    }
    List<OpenInterval> hours = calendar.hoursOn(date);
    long[] pairs = new long[hours.size() * 2];
    int n = 0;
    for (OpenInterval i : hours) {
      long s = LocalTimes.epochSecond(rules, date, i.startMinute(), true);
      long e = LocalTimes.epochSecond(rules, date, i.endMinute(), false);
      if (Math.floorMod(s, MINUTE) != 0 || Math.floorMod(e, MINUTE) != 0) {
        throw new IllegalStateException("the interval " + i + " of " + date + " in " + calendar.zone()
            + " does not start and end on whole minutes; the reference steps in minutes");
      }
      if (e > s) { // else wholly inside a DST gap
        pairs[n++] = s;
        pairs[n++] = e;
      }
    }
    long[] result = Arrays.copyOf(pairs, n);
    intervalsByDate.put(date, result);
    return result;
  }

  private static long wholeMinute(Instant t, String name) {
    Objects.requireNonNull(t, name);
    if (t.getNano() != 0 || Math.floorMod(t.getEpochSecond(), MINUTE) != 0) {
      throw new IllegalArgumentException(name + " must be a whole minute (was " + t + ")");
    }
    return t.getEpochSecond();
  }

  /**
   * Steps forward from an instant over the union of the intervals of the dates it meets, loading
   * one date at a time: each date's intervals start no earlier than the previous date's (a start
   * is the first occurrence of its local time), so they join the union in order.
   */
  private final class Stepper {
    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int size;
    private int cursor;
    private LocalDate next;
    private long nextDateStart;

    Stepper(long from) {
      // intervals of dates before the day before from's own end by that day's midnight, before from
      next = LocalTimes.localDate(rules, from).minusDays(1);
      nextDateStart = LocalTimes.epochSecond(rules, next, 0, true);
    }

    /** Whether the minute starting at {@code second} is open; seconds must not decrease. */
    boolean isOpen(long second) {
      while (second >= nextDateStart) { // a date not yet loaded may start at or before second
        load(next);
        next = next.plusDays(1);
        nextDateStart = LocalTimes.epochSecond(rules, next, 0, true);
      }
      while (cursor < size && ends[cursor] <= second) {
        cursor++;
      }
      return cursor < size && starts[cursor] <= second;
    }

    private void load(LocalDate date) {
      long[] pairs = intervals(date);
      for (int i = 0; i < pairs.length; i += 2) {
        if (size > 0 && pairs[i] <= ends[size - 1]) {
          ends[size - 1] = Math.max(ends[size - 1], pairs[i + 1]);
        } else {
          if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
          }
          starts[size] = pairs[i];
          ends[size] = pairs[i + 1];
          size++;
        }
      }
    }
  }
}
