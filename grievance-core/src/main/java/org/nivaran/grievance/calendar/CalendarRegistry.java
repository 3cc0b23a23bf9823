package org.nivaran.grievance.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * The business calendars a deployment knows, by {@link BusinessCalendar#id() id}: the office
 * calendar of each district, the 24×7 calendar of a helpline. Built once, explicitly, and never
 * changed afterwards; there is no global registry and nothing is discovered or loaded implicitly.
 *
 * <pre>{@code
 * CalendarRegistry calendars = CalendarRegistry.builder()
 *     .add(raipurOffice)
 *     .add(BusinessCalendar.twentyFourSeven("HELPLINE-181", ZoneId.of("Asia/Kolkata")))
 *     .build();
 * BusinessCalendar c = calendars.get("CG-OFFICE");      // or UnknownCalendarException
 * Optional<BusinessCalendar> maybe = calendars.find(id);
 * }</pre>
 *
 * <p>Ids are compared exactly, case included. Two calendars with the same id are refused when the
 * registry is built. To read calendars from JSON, see {@code org.nivaran.grievance.json.CalendarJson}.
 *
 * <p>Immutable and thread-safe: a registry may be shared freely between threads, and so may the
 * calendars it holds.
 */
public final class CalendarRegistry {
  private static final CalendarRegistry EMPTY = new CalendarRegistry(new TreeMap<>());

  private final Map<String, BusinessCalendar> byId;
  private final Set<String> ids;
  private final List<BusinessCalendar> calendars;

  private CalendarRegistry(TreeMap<String, BusinessCalendar> byId) {
    this.byId = Collections.unmodifiableMap(byId);
    this.ids = Collections.unmodifiableSet(byId.navigableKeySet());
    this.calendars = List.copyOf(byId.values());
  }

  /**
   * A registry of the given calendars.
   *
   * @param calendars the calendars, with distinct ids
   * @return the registry
   * @throws InvalidInputException (field {@code calendars}) if the collection or one of its
   *     calendars is null, or if two calendars have the same id
   */
  public static CalendarRegistry of(Collection<BusinessCalendar> calendars) {
    return builder().addAll(calendars).build();
  }

  /**
   * A registry of the given calendars.
   *
   * @param calendars the calendars, with distinct ids
   * @return the registry
   * @throws InvalidInputException (field {@code calendars}) if a calendar is null or two have the
   *     same id
   */
  public static CalendarRegistry of(BusinessCalendar... calendars) {
    return of(List.of(Texts.required(calendars, "calendars")));
  }

  /**
   * The registry that holds no calendar.
   *
   * @return the empty registry
   */
  public static CalendarRegistry empty() {
    return EMPTY;
  }

  /**
   * A new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The calendar with the given id; fails fast if there is none.
   *
   * @param id the calendar's id, compared exactly
   * @return the calendar
   * @throws UnknownCalendarException if no calendar has that id; it names the id and lists the
   *     known ones
   * @throws InvalidInputException (field {@code calendarId}) if {@code id} is null
   */
  public BusinessCalendar get(String id) {
    BusinessCalendar calendar = byId.get(Texts.required(id, "calendarId"));
    if (calendar == null) {
      throw new UnknownCalendarException(id, List.copyOf(ids));
    }
    return calendar;
  }

  /**
   * The calendar with the given id, if there is one.
   *
   * @param id the calendar's id, compared exactly
   * @return the calendar, or empty
   * @throws InvalidInputException (field {@code calendarId}) if {@code id} is null
   */
  public Optional<BusinessCalendar> find(String id) {
    return Optional.ofNullable(byId.get(Texts.required(id, "calendarId")));
  }

  /**
   * Whether a calendar has the given id.
   *
   * @param id the calendar's id, compared exactly
   * @return true if the registry holds it
   * @throws InvalidInputException (field {@code calendarId}) if {@code id} is null
   */
  public boolean contains(String id) {
    return byId.containsKey(Texts.required(id, "calendarId"));
  }

  /**
   * The ids of the calendars held.
   *
   * @return an unmodifiable set, iterated in ascending order
   */
  public Set<String> ids() {
    return ids;
  }

  /**
   * The calendars held.
   *
   * @return an unmodifiable list, in ascending order of id
   */
  public List<BusinessCalendar> calendars() {
    return calendars;
  }

  /**
   * How many calendars are held.
   *
   * @return the number of calendars
   */
  public int size() {
    return byId.size();
  }

  @Override
  public String toString() {
    return "CalendarRegistry" + ids;
  }

  /**
   * Builds a {@link CalendarRegistry}. Not thread-safe: confine a builder to one thread.
   * {@link #build()} copies what was added, so a builder may go on being used after it.
   */
  public static final class Builder {
    private final List<BusinessCalendar> calendars = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a calendar.
     *
     * @param calendar the calendar
     * @return this builder
     * @throws InvalidInputException (field {@code calendars}) if {@code calendar} is null
     */
    public Builder add(BusinessCalendar calendar) {
      calendars.add(Texts.required(calendar, "calendars"));
      return this;
    }

    /**
     * Adds calendars.
     *
     * @param calendars the calendars
     * @return this builder
     * @throws InvalidInputException (field {@code calendars}) if the collection or one of its
     *     calendars is null
     */
    public Builder addAll(Collection<BusinessCalendar> calendars) {
      Texts.required(calendars, "calendars");
      for (BusinessCalendar c : calendars) {
        add(c);
      }
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws InvalidInputException (field {@code calendars}) if two calendars have the same id
     */
    public CalendarRegistry build() {
      TreeMap<String, BusinessCalendar> byId = new TreeMap<>();
      for (BusinessCalendar c : calendars) {
        BusinessCalendar before = byId.putIfAbsent(c.id(), c);
        if (before != null) {
          throw new InvalidInputException("calendars", "has two calendars with id '" + c.id() + "' (ids must be unique)");
        }
      }
      return new CalendarRegistry(byId);
    }
  }
}
