package org.nivaran.grievance.tck.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;

/** The inputs the properties draw, with failure reports that show the whole calendar. */
final class Cases {
  private Cases() {}

  /**
   * One try: a calendar, an instant {@code t}, two durations of open time and a shift of real
   * time ({@code t + shift} is a second instant not before {@code t}).
   */
  record Case(BusinessCalendar calendar, Instant t, Duration a, Duration b, Duration shift) {
    Instant later() {
      return t.plus(shift);
    }

    @Override
    public String toString() {
      ZoneId zone = calendar.zone();
      return "Case[" + CalendarArbitraries.describe(calendar)
          + "\n  t = " + t + " (" + t.atZone(zone).toLocalDateTime() + " local)"
          + "\n  a = " + a + ", b = " + b + ", shift = " + shift + "]";
    }
  }

  /** A calendar and one of its dates. */
  record Day(BusinessCalendar calendar, LocalDate date) {
    @Override
    public String toString() {
      return "Day[" + date + " of " + CalendarArbitraries.describe(calendar) + "]";
    }
  }

  /** Cases over {@link CalendarArbitraries#calendars()}, instants of any precision. */
  static Arbitrary<Case> cases() {
    return cases(CalendarArbitraries.calendars(), false, CalendarArbitraries.FIRST_YEAR, CalendarArbitraries.LAST_YEAR);
  }

  /** Cases with whole-minute instants, durations and shifts. */
  static Arbitrary<Case> minuteCases() {
    return cases(CalendarArbitraries.calendars(), true, CalendarArbitraries.FIRST_YEAR, CalendarArbitraries.LAST_YEAR);
  }

  /** Whole-minute cases in a zone and years of dates. */
  static Arbitrary<Case> minuteCasesIn(ZoneId zone, int firstYear, int lastYear) {
    return cases(CalendarArbitraries.calendarsIn(zone, firstYear, lastYear), true, firstYear, lastYear);
  }

  private static Arbitrary<Case> cases(
      Arbitrary<BusinessCalendar> calendars, boolean minutes, int firstYear, int lastYear) {
    return calendars.flatMap(c -> {
      Arbitrary<Instant> near = CalendarArbitraries.instantsNear(c, firstYear, lastYear);
      Arbitrary<Instant> t = minutes
          ? near
          : Arbitraries.frequencyOf(Tuple.of(3, near), Tuple.of(1, CalendarArbitraries.instants()));
      Arbitrary<Duration> d = minutes
          ? CalendarArbitraries.durations().map(x -> Duration.ofMinutes(x.toMinutes()))
          : CalendarArbitraries.durations();
      return Combinators.combine(t, d, d, shifts(minutes)).as((ti, a, b, s) -> new Case(c, ti, a, b, s));
    });
  }

  /** Real-time shifts, zero to about three weeks, mostly within a day. */
  static Arbitrary<Duration> shifts(boolean minutes) {
    Arbitrary<Duration> whole = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Duration.ZERO)),
        Tuple.of(4, Arbitraries.longs().between(1, 24 * 60).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.longs().between(1, 21 * 24 * 60).map(Duration::ofMinutes)));
    return minutes
        ? whole
        : Arbitraries.frequencyOf(
            Tuple.of(3, whole), Tuple.of(1, Arbitraries.longs().between(1, 3 * 86_400).map(Duration::ofSeconds)));
  }

  /** A builder holding everything {@code c} was built from. */
  static BusinessCalendar.Builder copy(BusinessCalendar c) {
    BusinessCalendar.Builder b = BusinessCalendar.builder(c.id(), c.zone());
    c.schedules().forEach((from, s) -> {
      if (from.equals(LocalDate.MIN)) {
        b.schedule(s);
      } else {
        b.scheduleFrom(from, s);
      }
    });
    c.holidays().forEach(b::holiday);
    c.overrides().forEach((date, hours) -> b.override(date, hours.toArray(OpenInterval[]::new)));
    return b;
  }
}
