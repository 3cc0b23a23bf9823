package org.nivaran.grievance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nivaran.grievance.InvalidInputException;

/**
 * Weekly opening hours (several intervals a day, e.g. a lunch break) and the Saturdays of each
 * month that are closed (e.g. the second and fourth).
 *
 * <pre>{@code
 * WeeklySchedule officeHours = WeeklySchedule.builder()
 *     .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
 *     .hours(DayOfWeek.SATURDAY, "10:00-14:00")
 *     .closedSaturdays(2, 4)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WeeklySchedule {
  private final Map<DayOfWeek, List<OpenInterval>> hours;
  private final Set<Integer> closedSaturdays;

  private WeeklySchedule(Map<DayOfWeek, List<OpenInterval>> hours, Set<Integer> closedSaturdays) {
    this.hours = hours;
    this.closedSaturdays = closedSaturdays;
  }

  /**
   * Open all day, every day.
   *
   * @return the 24×7 schedule
   */
  public static WeeklySchedule twentyFourSeven() {
    Builder b = builder();
    for (DayOfWeek d : DayOfWeek.values()) {
      b.hours(d, OpenInterval.ALL_DAY);
    }
    return b.build();
  }

  /**
   * A new builder; every day is closed until given hours.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The opening intervals of a weekday, sorted, non-overlapping, touching ones merged.
   *
   * @param day the weekday
   * @return the intervals; empty if closed
   */
  public List<OpenInterval> hours(DayOfWeek day) {
    return hours.getOrDefault(Objects.requireNonNull(day, "day"), List.of());
  }

  /**
   * The closed Saturdays of each month, 1 to 5 (the 2nd and 4th: {@code [2, 4]}).
   *
   * @return the ordinals
   */
  public Set<Integer> closedSaturdays() {
    return closedSaturdays;
  }

  /**
   * The hours of a date by this schedule alone (holidays and overrides are the calendar's).
   *
   * @param date the date
   * @return its intervals; empty on a closed weekday or a closed Saturday
   */
  public List<OpenInterval> hoursOn(LocalDate date) {
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY && closedSaturdays.contains((date.getDayOfMonth() - 1) / 7 + 1)) {
      return List.of();
    }
    return hours(date.getDayOfWeek());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklySchedule w && w.hours.equals(hours) && w.closedSaturdays.equals(closedSaturdays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hours, closedSaturdays);
  }

  @Override
  public String toString() {
    return "WeeklySchedule" + hours + (closedSaturdays.isEmpty() ? "" : " closed Saturdays " + closedSaturdays);
  }

  /**
   * Sorts, checks and merges a day's intervals.
   *
   * @param field the field name for errors
   * @param intervals the intervals as given
   * @return sorted intervals with touching ones merged
   * @throws InvalidInputException (naming {@code field}) if two intervals overlap
   */
  static List<OpenInterval> normalise(String field, List<OpenInterval> intervals) {
    List<OpenInterval> sorted = new ArrayList<>(intervals);
    for (OpenInterval i : sorted) {
      Objects.requireNonNull(i, field);
    }
    Collections.sort(sorted);
    List<OpenInterval> merged = new ArrayList<>();
    for (OpenInterval i : sorted) {
      if (!merged.isEmpty()) {
        OpenInterval last = merged.get(merged.size() - 1);
        if (i.startMinute() < last.endMinute()) {
          throw new InvalidInputException(field, "has overlapping intervals " + last + " and " + i);
        }
        if (i.startMinute() == last.endMinute()) {
          merged.set(merged.size() - 1, new OpenInterval(last.startMinute(), i.endMinute()));
          continue;
        }
      }
      merged.add(i);
    }
    return List.copyOf(merged);
  }

  /** Builds a {@link WeeklySchedule}. Not thread-safe. */
  public static final class Builder {
    private final Map<DayOfWeek, List<OpenInterval>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<Integer> closedSaturdays = new TreeSet<>();

    private Builder() {}

    /**
     * Sets the hours of one weekday, replacing any given before.
     *
     * @param day the weekday
     * @param intervals its opening intervals
     * @return this builder
     */
    public Builder hours(DayOfWeek day, OpenInterval... intervals) {
      Objects.requireNonNull(intervals, "intervals");
      hours.put(Objects.requireNonNull(day, "day"), normalise("hours." + day, List.of(intervals)));
      return this;
    }

    /**
     * Sets the hours of one weekday from {@code HH:MM-HH:MM} texts.
     *
     * @param day the weekday
     * @param intervals e.g. {@code "10:00-13:30", "14:00-18:00"}
     * @return this builder
     */
    public Builder hours(DayOfWeek day, String... intervals) {
      Objects.requireNonNull(intervals, "intervals");
      return hours(day, parse(intervals));
    }

    /**
     * Sets the same hours for a run of weekdays, {@code from} to {@code to} inclusive.
     *
     * @param from the first weekday
     * @param to the last weekday
     * @param intervals e.g. {@code "10:00-18:00"}
     * @return this builder
     */
    public Builder hours(DayOfWeek from, DayOfWeek to, String... intervals) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to"); // the walk from 'from' below ends only at 'to'
      Objects.requireNonNull(intervals, "intervals");
      OpenInterval[] parsed = parse(intervals);
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        hours(d, parsed);
        if (d == to) {
          return this;
        }
      }
    }

    /**
     * Closes the given Saturdays of every month (1 to 5), e.g. {@code closedSaturdays(2, 4)}.
     *
     * @param ordinals which Saturdays
     * @return this builder
     */
    public Builder closedSaturdays(int... ordinals) {
      Objects.requireNonNull(ordinals, "ordinals");
      for (int n : ordinals) {
        if (n < 1 || n > 5) {
          throw new InvalidInputException("closedSaturdays", "must be 1 to 5 (was " + n + ")");
        }
        closedSaturdays.add(n);
      }
      return this;
    }

    /**
     * Builds the schedule.
     *
     * @return the schedule
     * @throws InvalidInputException (field {@code hours}) if no weekday has any hours, or (field
     *     {@code closedSaturdays}) if Saturday is the only weekday with hours and every Saturday is
     *     closed
     */
    public WeeklySchedule build() {
      if (hours.values().stream().allMatch(List::isEmpty)) {
        throw new InvalidInputException("hours", "must open on at least one weekday");
      }
      boolean onlySaturday = hours.entrySet().stream()
          .allMatch(e -> e.getKey() == DayOfWeek.SATURDAY || e.getValue().isEmpty());
      if (onlySaturday && closedSaturdays.size() == 5) {
        throw new InvalidInputException(
            "closedSaturdays", "closes every Saturday, the only weekday with hours: the schedule never opens");
      }
      return new WeeklySchedule(
          Collections.unmodifiableMap(new EnumMap<>(hours)), Collections.unmodifiableSet(new TreeSet<>(closedSaturdays)));
    }

    private static OpenInterval[] parse(String... intervals) {
      OpenInterval[] out = new OpenInterval[intervals.length];
      for (int i = 0; i < intervals.length; i++) {
        out[i] = OpenInterval.parse(intervals[i]);
      }
      return out;
    }
  }
}
