package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.tck.calendar.Cases.Case;
import org.nivaran.grievance.tck.calendar.Cases.Day;

/**
 * The engine's year tables against the minute-stepping {@link ReferenceCalendar}, on random
 * calendars with whole-minute instants: {@code isOpen}, {@code between}, {@code plus} and
 * {@code nextOpen} give the same answers. São Paulo is also tried in 2017 to 2019, when it still
 * moved its clocks at midnight.
 */
class ReferenceAgreementProperties {
  /** Spans of real time the reference steps over here: three weeks at most. */
  static final Duration SPAN = Duration.ofDays(21);

  @Provide
  Arbitrary<Case> minuteCases() {
    return Cases.minuteCases();
  }

  @Provide
  Arbitrary<Case> saoPauloWithMidnightDst() {
    return Cases.minuteCasesIn(ZoneId.of("America/Sao_Paulo"), 2017, 2019);
  }

  @Property(tries = 300)
  void is_open_agrees(@ForAll("minuteCases") Case c) {
    ReferenceCalendar reference = ReferenceCalendar.of(c.calendar());
    for (int minutes = -2; minutes <= 2; minutes++) {
      Instant t = c.t().plusSeconds(60L * minutes);
      assertThat(c.calendar().isOpen(t)).as("isOpen(%s)", t).isEqualTo(reference.isOpen(t));
    }
  }

  @Property(tries = 200)
  void between_agrees(@ForAll("minuteCases") Case c) {
    ReferenceCalendar reference = ReferenceCalendar.of(c.calendar());
    Instant u = c.later();
    assertThat(c.calendar().between(c.t(), u)).isEqualTo(reference.between(c.t(), u));
  }

  @Property(tries = 200)
  void plus_agrees(@ForAll("minuteCases") Case c, @ForAll @IntRange(min = 0, max = 1000) int permille) {
    agreeOnPlus(c.calendar(), c.t(), c.a(), permille);
  }

  @Property(tries = 200)
  void next_open_agrees(@ForAll("minuteCases") Case c) {
    BusinessCalendar calendar = c.calendar();
    ReferenceCalendar reference = ReferenceCalendar.of(calendar, SPAN);
    Instant next = calendar.nextOpen(c.t());
    if (next.isBefore(c.t().plus(SPAN))) {
      assertThat(next).isEqualTo(reference.nextOpen(c.t()));
    }
  }

  @Property(tries = 200)
  void sao_paulo_midnight_dst_agrees(
      @ForAll("saoPauloWithMidnightDst") Case c, @ForAll @IntRange(min = 0, max = 1000) int permille) {
    BusinessCalendar calendar = c.calendar();
    ReferenceCalendar reference = ReferenceCalendar.of(calendar, SPAN);
    assertThat(calendar.isOpen(c.t())).isEqualTo(reference.isOpen(c.t()));
    assertThat(calendar.between(c.t(), c.later())).isEqualTo(reference.between(c.t(), c.later()));
    agreeOnPlus(calendar, c.t(), c.a(), permille);
  }

  /**
   * {@code plusWorkingDays} and {@code endOfLastWorkingDayOfWeek} against their documented
   * definitions, with a working day read as a date whose hours give any open time (hours wholly in
   * a DST gap give none) and its close as the end of its last interval.
   */
  @Property(tries = 200)
  void working_days_agree(@ForAll("minuteCases") Case c, @ForAll @IntRange(min = 0, max = 12) int n) {
    BusinessCalendar calendar = c.calendar();
    ReferenceCalendar reference = ReferenceCalendar.of(calendar);
    LocalDate date = c.t().atZone(calendar.zone()).toLocalDate();
    String description = CalendarArbitraries.describe(calendar);

    Instant expected = null;
    if (n == 0) {
      Instant close = closeOf(reference, date);
      if (close != null && close.isAfter(c.t())) {
        expected = close;
      }
    }
    for (int counted = 0, wanted = Math.max(n, 1); expected == null; ) {
      date = date.plusDays(1);
      Instant close = closeOf(reference, date);
      if (close != null && ++counted == wanted) {
        expected = close;
      }
    }
    assertThat(calendar.plusWorkingDays(c.t(), n)).as("plusWorkingDays(%s, %s) in %s", c.t(), n, description)
        .isEqualTo(expected);

    LocalDate monday = c.t().atZone(calendar.zone()).toLocalDate().with(java.time.DayOfWeek.MONDAY);
    Instant endOfWeek = null;
    while (endOfWeek == null) {
      for (LocalDate d = monday.plusDays(6); !d.isBefore(monday); d = d.minusDays(1)) {
        Instant close = closeOf(reference, d);
        if (close != null) {
          endOfWeek = close.isAfter(c.t()) ? close : null;
          break;
        }
      }
      monday = monday.plusWeeks(1);
    }
    assertThat(calendar.endOfLastWorkingDayOfWeek(c.t())).as("endOfLastWorkingDayOfWeek(%s) in %s", c.t(), description)
        .isEqualTo(endOfWeek);
  }

  /** The end of a date's last interval that gives open time, or null if none does. */
  private static Instant closeOf(ReferenceCalendar reference, LocalDate date) {
    Instant close = null;
    for (OpenInterval i : reference.calendar().hoursOn(date)) {
      Instant start = reference.instantOf(date, i.startMinute(), true);
      Instant end = reference.instantOf(date, i.endMinute(), false);
      if (end.isAfter(start)) {
        close = end;
      }
    }
    return close;
  }

  /**
   * Every minute of the three days around a change of the clocks, in the zones that change them
   * (São Paulo in 2017 to 2019): the engine and the reference agree on whether it is open, on the
   * open time from the start of the window to it, and on the deadline of each whole minute of open
   * time from the start of the window.
   */
  @Property(tries = 200)
  void every_minute_around_a_clock_change_agrees(@ForAll("clockChangeDays") Day day) {
    BusinessCalendar calendar = day.calendar();
    ReferenceCalendar reference = ReferenceCalendar.of(calendar);
    Instant from = reference.instantOf(day.date().minusDays(1), 0, true);
    Instant to = reference.instantOf(day.date().plusDays(2), 0, true);
    String description = CalendarArbitraries.describe(calendar);
    Duration open = Duration.ZERO;
    for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
      boolean isOpen = reference.isOpen(m);
      assertThat(calendar.isOpen(m)).as("isOpen(%s) in %s", m, description).isEqualTo(isOpen);
      assertThat(calendar.between(from, m)).as("between(%s, %s) in %s", from, m, description).isEqualTo(open);
      if (isOpen) {
        open = open.plusMinutes(1);
        assertThat(calendar.plus(from, open)).as("plus(%s, %s) in %s", from, open, description)
            .isEqualTo(m.plusSeconds(60));
      }
    }
    assertThat(calendar.between(from, to)).isEqualTo(reference.between(from, to)).isEqualTo(open);
  }

  @Provide
  Arbitrary<Day> clockChangeDays() {
    return Arbitraries.oneOf(
        clockChangeDays(ZoneId.of("Europe/London"), 2023, 2026),
        clockChangeDays(ZoneId.of("America/New_York"), 2023, 2026),
        clockChangeDays(ZoneId.of("Australia/Lord_Howe"), 2023, 2026),
        clockChangeDays(ZoneId.of("America/Sao_Paulo"), 2017, 2019));
  }

  /** A calendar and a date its zone's clocks change on, most often one the calendar overrides. */
  static Arbitrary<Day> clockChangeDays(ZoneId zone, int firstYear, int lastYear) {
    List<LocalDate> dates = LocalTimes.transitionDates(zone, firstYear, lastYear);
    return CalendarArbitraries.calendarsIn(zone, firstYear, lastYear).flatMap(calendar -> {
      List<LocalDate> overridden = dates.stream().filter(calendar.overrides()::containsKey).toList();
      Arbitrary<LocalDate> date = overridden.isEmpty()
          ? Arbitraries.of(dates)
          : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(overridden)), Tuple.of(1, Arbitraries.of(dates)));
      return date.map(d -> new Day(calendar, d));
    });
  }

  /**
   * Compares {@code plus} for a duration the reference can reach within {@link #SPAN}: the given
   * one if short enough, else that share (in permille) of the open time of the next three weeks.
   */
  private static void agreeOnPlus(BusinessCalendar calendar, Instant t, Duration d, int permille) {
    ReferenceCalendar reference = ReferenceCalendar.of(calendar, SPAN);
    Duration reachable = reference.between(t, t.plus(SPAN));
    if (d.compareTo(reachable) > 0) {
      d = Duration.ofMinutes(reachable.toMinutes() * permille / 1000);
    }
    assertThat(calendar.plus(t, d)).as("plus(%s, %s)", t, d).isEqualTo(reference.plus(t, d));
  }
}
