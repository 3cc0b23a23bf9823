package org.nivaran.grievance.tck.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * jqwik {@link Arbitrary arbitraries} of business calendars and of the instants and durations to
 * try them with, for property tests of SLA rules built on {@link BusinessCalendar}.
 *
 * <pre>{@code
 * @Property(tries = 300)
 * void replies_are_due_within_three_working_days(
 *     @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant registered) {
 *   Instant due = mySlaRule.replyDue(calendar, registered);
 *   assertThat(calendar.between(registered, due)).isEqualTo(Duration.ofHours(24));
 * }
 *
 * @Provide Arbitrary<BusinessCalendar> calendars() { return CalendarArbitraries.calendars(); }
 * @Provide Arbitrary<Instant> instants() { return CalendarArbitraries.instants(); }
 * }</pre>
 *
 * <p>The calendars are built to reach the corners of the calendar rules: zones with and without
 * daylight saving (among them a 30-minute shift and a +05:45 offset), lunch breaks, intervals that
 * end at {@code 24:00} or start and end around the DST hours, closed Saturdays, holidays, date
 * overrides (often on the dates the clocks change) and schedules that change on a date. The
 * instants and dates lie in {@value #FIRST_YEAR} to {@value #LAST_YEAR} unless a method takes
 * years.
 *
 * <p>A stateless utility: every method is thread-safe, and the arbitraries it returns may be shared.
 */
public final class CalendarArbitraries {
  /** The first year the default arbitraries draw dates and instants from. */
  public static final int FIRST_YEAR = 2023;
  /** The last year the default arbitraries draw dates and instants from. */
  public static final int LAST_YEAR = 2026;
  /**
   * The longest duration {@link #durations()} draws: 2,500 hours, about a year of open time of a
   * six-day, eight-hour week.
   */
  public static final Duration MAX_DURATION = Duration.ofHours(2500);

  /** Minutes of a day at which the DST changes of the zones here happen, and 24:00. */
  private static final List<Integer> DST_MINUTES = List.of(0, 60, 90, 120, 150, 180, 1440);

  private static final List<List<OpenInterval>> OFFICE_DAYS = List.of(
      hours("10:00-18:00"),
      hours("10:00-13:30", "14:00-18:00"),
      hours("09:30-13:00", "13:45-17:30"),
      hours("10:00-14:00"),
      hours("08:00-12:00", "13:00-17:00", "18:00-21:00"));

  /** Night shifts and hours around the DST changes, one with a break inside an overlap hour. */
  private static final List<List<OpenInterval>> ROUND_THE_CLOCK_DAYS = List.of(
      hours("00:00-24:00"),
      hours("18:00-24:00"),
      hours("00:00-06:00", "22:00-24:00"),
      hours("00:00-02:30", "21:00-24:00"),
      hours("01:00-01:30", "01:45-03:00"));

  private static final BusinessCalendar OFFICE_HOURS_KOLKATA = buildOfficeHoursKolkata();

  private CalendarArbitraries() {}

  /**
   * The hours of one day: none (closed), one to three intervals with breaks between them, often
   * starting or ending around the hours the clocks change (00:00 to 03:00) or at {@code 24:00};
   * sometimes typical office hours with a lunch break, or round-the-clock shifts.
   *
   * @return sorted, non-overlapping intervals; possibly empty
   */
  public static Arbitrary<List<OpenInterval>> dayHours() {
    Arbitrary<Integer> boundary = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(DST_MINUTES)),
        Tuple.of(6, Arbitraries.integers().between(0, 96).map(quarter -> quarter * 15)),
        Tuple.of(2, Arbitraries.integers().between(0, OpenInterval.DAY_MINUTES)));
    Arbitrary<List<OpenInterval>> random = boundary.list().ofMaxSize(6).map(CalendarArbitraries::pairUp);
    return Arbitraries.frequencyOf(
        Tuple.of(6, random),
        Tuple.of(3, Arbitraries.of(OFFICE_DAYS)),
        Tuple.of(1, Arbitraries.of(ROUND_THE_CLOCK_DAYS)));
  }

  /**
   * The hours of a date the clocks change on: zero to three intervals whose ends fall mostly on,
   * between or around the local times the change skips or repeats (given), so that intervals start,
   * end and break inside the gap or the overlap.
   */
  private static Arbitrary<List<OpenInterval>> dstDayHours(List<Integer> changeMinutes) {
    Arbitrary<Integer> boundary = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(changeMinutes)),
        Tuple.of(2, Arbitraries.integers().between(0, 96).map(quarter -> quarter * 15)),
        Tuple.of(1, Arbitraries.of(0, OpenInterval.DAY_MINUTES)));
    return boundary.list().ofMaxSize(6).map(CalendarArbitraries::pairUp);
  }

  /**
   * Weekly schedules: each weekday with the {@link #dayHours()} (zero to three intervals), closed
   * Saturdays often none, often the 2nd and 4th, sometimes any others. At least four hours a week
   * are open on days other than Saturday, so every schedule opens on at least one weekday and a
   * {@link #durations() duration} runs out within a few decades.
   *
   * @return the schedules
   */
  public static Arbitrary<WeeklySchedule> weeklySchedules() {
    Arbitrary<Set<Integer>> closedSaturdays = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Set.<Integer>of())),
        Tuple.of(3, Arbitraries.just(Set.of(2, 4))),
        Tuple.of(2, Arbitraries.integers().between(1, 5).set().ofMaxSize(5)));
    return Combinators.combine(dayHours().list().ofSize(7), closedSaturdays)
        .as(CalendarArbitraries::schedule)
        .filter(CalendarArbitraries::opensFourHoursOutsideSaturday);
  }

  /**
   * Zones with and without daylight saving: {@code Asia/Kolkata}, {@code UTC},
   * {@code Europe/London}, {@code America/New_York}, {@code Australia/Lord_Howe} (a 30-minute
   * shift), {@code America/Sao_Paulo} (daylight saving until 2019, at midnight) and
   * {@code Asia/Kathmandu} (+05:45). The zones that shift their clocks in {@value #FIRST_YEAR} to
   * {@value #LAST_YEAR} are drawn more often.
   *
   * @return the zones
   */
  public static Arbitrary<ZoneId> zones() {
    return Arbitraries.frequency(
        Tuple.of(2, ZoneId.of("Asia/Kolkata")),
        Tuple.of(1, ZoneId.of("UTC")),
        Tuple.of(3, ZoneId.of("Europe/London")),
        Tuple.of(3, ZoneId.of("America/New_York")),
        Tuple.of(3, ZoneId.of("Australia/Lord_Howe")),
        Tuple.of(1, ZoneId.of("America/Sao_Paulo")),
        Tuple.of(1, ZoneId.of("Asia/Kathmandu")));
  }

  /**
   * Calendars in a {@link #zones() zone} with a {@link #weeklySchedules() weekly schedule}, up to 25
   * holidays and up to four date overrides in {@value #FIRST_YEAR} to {@value #LAST_YEAR} (the
   * overrides often on the dates the clocks change, some of them closures), and in about one
   * calendar in four a second schedule taking effect on a date ({@code scheduleFrom}).
   *
   * @return the calendars
   */
  public static Arbitrary<BusinessCalendar> calendars() {
    return zones().flatMap(CalendarArbitraries::calendarsIn);
  }

  /**
   * Like {@link #calendars()}, in one zone.
   *
   * @param zone the zone
   * @return the calendars
   */
  public static Arbitrary<BusinessCalendar> calendarsIn(ZoneId zone) {
    return calendarsIn(zone, FIRST_YEAR, LAST_YEAR);
  }

  /**
   * Like {@link #calendars()}, in one zone, with holidays, overrides and schedule changes in the
   * given years: {@code calendarsIn(ZoneId.of("America/Sao_Paulo"), 2017, 2019)} reaches the years
   * São Paulo still moved its clocks at midnight.
   *
   * @param zone the zone
   * @param firstYear the first year of dates
   * @param lastYear the last year of dates, not before {@code firstYear}
   * @return the calendars
   * @throws IllegalArgumentException if the years are out of order or outside
   *     {@link BusinessCalendar#MIN_YEAR} to {@link BusinessCalendar#MAX_YEAR}
   */
  public static Arbitrary<BusinessCalendar> calendarsIn(ZoneId zone, int firstYear, int lastYear) {
    checkYears(firstYear, lastYear);
    Arbitrary<LocalDate> anyDate = dates(firstYear, lastYear);
    Map<LocalDate, List<Integer>> dstMinutes = LocalTimes.changeMinutes(zone, firstYear, lastYear);
    Arbitrary<Tuple2<LocalDate, List<OpenInterval>>> anyOverride = Combinators.combine(anyDate, dayHours()).as(Tuple::of);
    Arbitrary<Tuple2<LocalDate, List<OpenInterval>>> dstOverride = dstMinutes.isEmpty()
        ? anyOverride
        : Arbitraries.of(List.copyOf(dstMinutes.keySet()))
            .flatMap(date -> dstDayHours(dstMinutes.get(date)).map(hours -> Tuple.of(date, hours)));
    Arbitrary<List<LocalDate>> holidays = anyDate.list().ofMaxSize(25);
    Arbitrary<List<Tuple2<LocalDate, List<OpenInterval>>>> overrides =
        Arbitraries.frequencyOf(Tuple.of(1, anyOverride), Tuple.of(1, dstOverride)).list().ofMaxSize(4);
    Arbitrary<Optional<Tuple2<LocalDate, WeeklySchedule>>> change =
        Combinators.combine(anyDate, weeklySchedules()).as(Tuple::of).optional(0.25);
    return Combinators.combine(weeklySchedules(), holidays, overrides, change)
        .as((schedule, h, o, c) -> {
          BusinessCalendar.Builder b = BusinessCalendar.builder("TCK-" + zone.getId().replace('/', '.'), zone)
              .schedule(schedule);
          for (LocalDate date : h) {
            b.holiday(date, "Holiday " + date);
          }
          for (Tuple2<LocalDate, List<OpenInterval>> override : o) {
            b.override(override.get1(), override.get2().toArray(OpenInterval[]::new));
          }
          c.ifPresent(from -> b.scheduleFrom(from.get1(), from.get2()));
          return b.build();
        });
  }

  /**
   * Always {@link #officeHoursKolkataCalendar()}: for a property that needs one ordinary office.
   *
   * @return an arbitrary of that one calendar
   */
  public static Arbitrary<BusinessCalendar> officeHoursKolkata() {
    return Arbitraries.just(OFFICE_HOURS_KOLKATA);
  }

  /**
   * A fixed calendar in {@code Asia/Kolkata}: Monday to Friday {@code 10:00-13:30} and
   * {@code 14:00-18:00}, Saturday {@code 10:00-14:00} but the 2nd and 4th, and the national
   * holidays with Holi, Good Friday and Diwali of 2023 to 2026 (a representative list, not a
   * gazette).
   *
   * @return the calendar
   */
  public static BusinessCalendar officeHoursKolkataCalendar() {
    return OFFICE_HOURS_KOLKATA;
  }

  private static BusinessCalendar buildOfficeHoursKolkata() {
    BusinessCalendar.Builder b = BusinessCalendar.builder("TCK-OFFICE-KOLKATA", ZoneId.of("Asia/Kolkata"))
        .schedule(WeeklySchedule.builder()
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
            .hours(DayOfWeek.SATURDAY, "10:00-14:00")
            .closedSaturdays(2, 4)
            .build());
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      b.holiday(LocalDate.of(year, 1, 26), "Republic Day")
          .holiday(LocalDate.of(year, 8, 15), "Independence Day")
          .holiday(LocalDate.of(year, 10, 2), "Gandhi Jayanti")
          .holiday(LocalDate.of(year, 12, 25), "Christmas");
    }
    for (String[] h : new String[][] {
        {"2023-03-08", "Holi"}, {"2023-04-07", "Good Friday"}, {"2023-11-12", "Diwali"},
        {"2024-03-25", "Holi"}, {"2024-03-29", "Good Friday"}, {"2024-10-31", "Diwali"},
        {"2025-03-14", "Holi"}, {"2025-04-18", "Good Friday"}, {"2025-10-20", "Diwali"},
        {"2026-03-04", "Holi"}, {"2026-04-03", "Good Friday"}, {"2026-11-08", "Diwali"}}) {
      b.holiday(LocalDate.parse(h[0]), h[1]);
    }
    return b.build();
  }

  /**
   * Instants in {@value #FIRST_YEAR} to {@value #LAST_YEAR}, half at whole minutes and half at whole
   * seconds.
   *
   * @return the instants
   */
  public static Arbitrary<Instant> instants() {
    long from = yearStart(FIRST_YEAR);
    long to = yearStart(LAST_YEAR + 1) - 1;
    return Arbitraries.frequencyOf(
        Tuple.of(1, minuteInstants()),
        Tuple.of(1, Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond)));
  }

  /**
   * Instants at whole minutes in {@value #FIRST_YEAR} to {@value #LAST_YEAR} (UTC years), as a
   * {@link ReferenceCalendar} takes them.
   *
   * @return the instants
   */
  public static Arbitrary<Instant> minuteInstants() {
    return minuteInstants(FIRST_YEAR, LAST_YEAR);
  }

  /**
   * Instants at whole minutes from the start of one year to the end of another (UTC years).
   *
   * @param firstYear the first year
   * @param lastYear the last year, not before {@code firstYear}
   * @return the instants
   * @throws IllegalArgumentException if the years are out of order or outside
   *     {@link BusinessCalendar#MIN_YEAR} to {@link BusinessCalendar#MAX_YEAR}
   */
  public static Arbitrary<Instant> minuteInstants(int firstYear, int lastYear) {
    checkYears(firstYear, lastYear);
    long from = yearStart(firstYear) / 60;
    long to = yearStart(lastYear + 1) / 60 - 1;
    return Arbitraries.longs().between(from, to).map(m -> Instant.ofEpochSecond(m * 60));
  }

  /**
   * Instants at whole minutes in {@value #FIRST_YEAR} to {@value #LAST_YEAR} where a calendar's
   * answers change: three in four are an opening or a closing of the calendar, a change of the
   * zone's clocks, or one minute either side of one, found on a random date or on a holiday, an
   * override, a schedule change, a new year or a date the clocks change (on a closed date, the
   * closings and openings of the dates either side); the rest anywhere in those years.
   *
   * @param calendar the calendar
   * @return the instants
   */
  public static Arbitrary<Instant> instantsNear(BusinessCalendar calendar) {
    return instantsNear(calendar, FIRST_YEAR, LAST_YEAR);
  }

  /**
   * Like {@link #instantsNear(BusinessCalendar)}, in the given years.
   *
   * @param calendar the calendar
   * @param firstYear the first year
   * @param lastYear the last year, not before {@code firstYear}
   * @return the instants
   * @throws IllegalArgumentException if the years are out of order or outside
   *     {@link BusinessCalendar#MIN_YEAR} to {@link BusinessCalendar#MAX_YEAR}
   */
  public static Arbitrary<Instant> instantsNear(BusinessCalendar calendar, int firstYear, int lastYear) {
    checkYears(firstYear, lastYear);
    ZoneRules rules = calendar.zone().getRules();
    List<Instant> transitions = LocalTimes.transitions(calendar.zone(), firstYear, lastYear);
    Set<LocalDate> special = new TreeSet<>(LocalTimes.transitionDates(calendar.zone(), firstYear, lastYear));
    special.addAll(calendar.holidays().keySet());
    special.addAll(calendar.overrides().keySet());
    special.addAll(calendar.schedules().keySet());
    for (int year = firstYear; year <= lastYear + 1; year++) { // where one year's table meets the next
      special.add(LocalDate.of(year, 1, 1));
      special.add(LocalDate.of(year, 1, 1).minusDays(1));
    }
    special.removeIf(d -> d.getYear() < firstYear || d.getYear() > lastYear);
    Arbitrary<LocalDate> anyDate = dates(firstYear, lastYear);
    Arbitrary<LocalDate> date = special.isEmpty()
        ? anyDate
        : Arbitraries.frequencyOf(Tuple.of(3, anyDate), Tuple.of(2, Arbitraries.of(List.copyOf(special))));
    Arbitrary<Instant> near = Combinators.combine(
            date,
            Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(2, 0), Tuple.of(1, 1)),
            Arbitraries.integers().between(0, OpenInterval.DAY_MINUTES - 1))
        .as((d, pick, shift, minuteOfDay) -> {
          List<Long> points = new ArrayList<>();
          // a closed date's neighbours' hours: the last closing before it, the first opening after
          for (LocalDate day : calendar.hoursOn(d).isEmpty() ? List.of(d.minusDays(1), d.plusDays(1)) : List.of(d)) {
            for (OpenInterval i : calendar.hoursOn(day)) {
              points.add(LocalTimes.epochSecond(rules, day, i.startMinute(), true));
              points.add(LocalTimes.epochSecond(rules, day, i.endMinute(), false));
            }
          }
          for (Instant t : transitions) {
            if (LocalTimes.localDate(rules, t.getEpochSecond() - 1).equals(d)) {
              points.add(t.getEpochSecond());
            }
          }
          long second = points.isEmpty()
              ? LocalTimes.epochSecond(rules, d, minuteOfDay, true)
              : points.get(pick % points.size()) + shift * 60L;
          return Instant.ofEpochSecond(Math.floorDiv(second, 60) * 60);
        });
    return Arbitraries.frequencyOf(Tuple.of(1, minuteInstants(firstYear, lastYear)), Tuple.of(3, near));
  }

  /**
   * Durations of open time from zero to {@link #MAX_DURATION}, mostly small: zero now and then,
   * most within a few working days (up to 100 hours), some up to the maximum; most in whole
   * minutes, some in whole seconds.
   *
   * @return the durations
   */
  public static Arbitrary<Duration> durations() {
    long maxMinutes = MAX_DURATION.toMinutes();
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Duration.ZERO)),
        Tuple.of(8, Arbitraries.longs().between(1, 8 * 60).map(Duration::ofMinutes)),
        Tuple.of(6, Arbitraries.longs().between(1, 100 * 60).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.longs().between(1, maxMinutes).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.longs().between(1, 100 * 3600).map(Duration::ofSeconds)));
  }

  /**
   * Everything that decides a calendar's hours, on several lines, for failure messages:
   * {@link BusinessCalendar#toString()} gives only counts.
   *
   * @param calendar the calendar
   * @return its id, zone, schedules, holidays and overrides
   */
  public static String describe(BusinessCalendar calendar) {
    StringBuilder s = new StringBuilder(calendar.id()).append(" in ").append(calendar.zone());
    for (Map.Entry<LocalDate, WeeklySchedule> e : calendar.schedules().entrySet()) {
      s.append("\n  schedule from ").append(e.getKey().equals(LocalDate.MIN) ? "the beginning" : e.getKey())
          .append(": ").append(e.getValue());
    }
    s.append("\n  holidays: ").append(calendar.holidays().keySet());
    s.append("\n  overrides: ").append(calendar.overrides());
    return s.toString();
  }

  // ---------------------------------------------------------------------------------------------

  private static List<OpenInterval> hours(String... intervals) {
    List<OpenInterval> out = new ArrayList<>();
    for (String i : intervals) {
      out.add(OpenInterval.parse(i));
    }
    return List.copyOf(out);
  }

  /** Distinct sorted boundaries, paired: (b0, b1), (b2, b3), (b4, b5); an odd last one dropped. */
  private static List<OpenInterval> pairUp(List<Integer> boundaries) {
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(boundaries));
    List<OpenInterval> out = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i += 2) {
      out.add(new OpenInterval(sorted.get(i), sorted.get(i + 1)));
    }
    return List.copyOf(out);
  }

  private static WeeklySchedule schedule(List<List<OpenInterval>> days, Set<Integer> closedSaturdays) {
    WeeklySchedule.Builder b = WeeklySchedule.builder();
    for (DayOfWeek day : DayOfWeek.values()) {
      b.hours(day, days.get(day.ordinal()).toArray(OpenInterval[]::new));
    }
    b.closedSaturdays(closedSaturdays.stream().mapToInt(Integer::intValue).toArray());
    boolean closedButSaturday = java.util.Arrays.stream(DayOfWeek.values())
        .allMatch(day -> day == DayOfWeek.SATURDAY || days.get(day.ordinal()).isEmpty());
    if (closedButSaturday) { // never all closed, nor open only on Saturdays that may all be closed
      b.hours(DayOfWeek.MONDAY, OFFICE_DAYS.get(0).toArray(OpenInterval[]::new));
    }
    return b.build();
  }

  private static boolean opensFourHoursOutsideSaturday(WeeklySchedule s) {
    int minutes = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY) {
        minutes += s.hours(day).stream().mapToInt(OpenInterval::minutes).sum();
      }
    }
    return minutes >= 240;
  }

  private static Arbitrary<LocalDate> dates(int firstYear, int lastYear) {
    long from = LocalDate.of(firstYear, 1, 1).toEpochDay();
    long to = LocalDate.of(lastYear, 12, 31).toEpochDay();
    return Arbitraries.longs().between(from, to).map(LocalDate::ofEpochDay);
  }

  private static long yearStart(int year) {
    return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static void checkYears(int firstYear, int lastYear) {
    if (firstYear > lastYear || firstYear < BusinessCalendar.MIN_YEAR || lastYear > BusinessCalendar.MAX_YEAR) {
      throw new IllegalArgumentException("years must be in order within " + BusinessCalendar.MIN_YEAR + " to "
          + BusinessCalendar.MAX_YEAR + " (were " + firstYear + " to " + lastYear + ")");
    }
  }
}
