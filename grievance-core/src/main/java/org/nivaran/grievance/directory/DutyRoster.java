package org.nivaran.grievance.directory;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.internal.Texts;

/**
 * Which post hears walk-in complaints (Jan Darshan) on which day: in Raipur, one Additional
 * Collector each working day.
 *
 * <pre>{@code
 * DutyRoster roster = DutyRoster.rotating(
 *     List.of(PostId.of("ADC-1"), PostId.of("ADC-2"), PostId.of("ADC-3")),
 *     officeCalendar, LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 31));
 * Optional<PostId> today = roster.onDuty(LocalDate.of(2024, 5, 7));   // ADC-2
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DutyRoster {
  private static final DutyRoster EMPTY = new DutyRoster(new TreeMap<>());

  private final Map<LocalDate, PostId> byDate;

  private DutyRoster(TreeMap<LocalDate, PostId> byDate) {
    this.byDate = Collections.unmodifiableSortedMap(byDate);
  }

  /**
   * A roster of these days.
   *
   * @param byDate the post on duty on each day; days not in the map have none
   * @return the roster
   * @throws InvalidInputException (field {@code roster}) if a date or post is null
   */
  public static DutyRoster of(Map<LocalDate, PostId> byDate) {
    TreeMap<LocalDate, PostId> copy = new TreeMap<>();
    Texts.required(byDate, "roster").forEach((date, post) ->
        copy.put(Texts.required(date, "roster"), Texts.required(post, "roster")));
    return copy.isEmpty() ? EMPTY : new DutyRoster(copy);
  }

  /**
   * A roster that gives each working day from {@code from} to {@code to} (both included) to the
   * next post in turn, starting again with the first after the last. Days the calendar is closed
   * all day (holidays, Sundays, closed Saturdays) get no post and do not take a turn.
   *
   * @param posts the posts, in turn; at least one, a post may appear more than once
   * @param calendar the calendar whose open days are working days
   * @param from the first day
   * @param to the last day, not before {@code from}
   * @return the roster
   * @throws InvalidInputException (field {@code posts}, {@code calendar}, {@code from} or
   *     {@code to}) if an argument is missing, {@code posts} is empty or {@code to} is before
   *     {@code from}
   */
  public static DutyRoster rotating(List<PostId> posts, BusinessCalendar calendar, LocalDate from, LocalDate to) {
    List<PostId> turns = List.copyOf(Texts.required(posts, "posts"));
    Texts.required(calendar, "calendar");
    Texts.required(from, "from");
    Texts.required(to, "to");
    if (turns.isEmpty()) {
      throw new InvalidInputException("posts", "must name at least one post");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must not be before from (" + from + ") (was " + to + ")");
    }
    TreeMap<LocalDate, PostId> byDate = new TreeMap<>();
    int turn = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!calendar.hoursOn(day).isEmpty()) {
        byDate.put(day, turns.get(turn++ % turns.size()));
      }
    }
    return new DutyRoster(byDate);
  }

  /**
   * The post on duty on a day.
   *
   * @param date the day
   * @return the post, or empty if the roster gives the day to none
   */
  public Optional<PostId> onDuty(LocalDate date) {
    return Optional.ofNullable(byDate.get(Texts.required(date, "date")));
  }

  /**
   * The whole roster.
   *
   * @return an unmodifiable map from day to post, in date order
   */
  public Map<LocalDate, PostId> asMap() {
    return byDate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DutyRoster other && byDate.equals(other.byDate);
  }

  @Override
  public int hashCode() {
    return byDate.hashCode();
  }

  @Override
  public String toString() {
    return "DutyRoster" + byDate;
  }
}
