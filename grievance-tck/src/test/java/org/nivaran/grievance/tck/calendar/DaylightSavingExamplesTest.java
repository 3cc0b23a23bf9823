package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * The DST rules in Europe/London with every instant written out, checked on the engine and on the
 * reference. The clocks went forward at 01:00 GMT on 31 March 2024, 30 March 2025 and 29 March
 * 2026 (01:00 to 02:00 local never happened) and back at 01:00 GMT on 27 October 2024, 26 October
 * 2025 and 25 October 2026 (01:00 to 02:00 local happened twice, first in BST then in GMT).
 */
class DaylightSavingExamplesTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Open weekdays 09:00-17:00, and on the given Sunday the given hours. */
  static BusinessCalendar sunday(String date, String... hours) {
    OpenInterval[] intervals = new OpenInterval[hours.length];
    for (int i = 0; i < hours.length; i++) {
      intervals[i] = OpenInterval.parse(hours[i]);
    }
    return BusinessCalendar.builder("LONDON", LONDON)
        .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build())
        .override(LocalDate.parse(date), intervals)
        .build();
  }

  static Instant utc(String text) {
    return Instant.parse(text + ":00Z");
  }

  /** Both the engine and the reference open exactly in [open, close) around the given Sunday. */
  static void openExactly(BusinessCalendar c, Instant open, Instant close) {
    ReferenceCalendar reference = ReferenceCalendar.of(c);
    Instant before = open.minus(Duration.ofHours(6));
    Instant after = close.plus(Duration.ofHours(6));
    Duration length = Duration.between(open, close);
    for (Instant t = before; t.isBefore(after); t = t.plusSeconds(60)) {
      boolean expected = !t.isBefore(open) && t.isBefore(close);
      assertThat(c.isOpen(t)).as("engine isOpen(%s)", t).isEqualTo(expected);
      assertThat(reference.isOpen(t)).as("reference isOpen(%s)", t).isEqualTo(expected);
    }
    assertThat(c.between(before, after)).isEqualTo(length);
    assertThat(reference.between(before, after)).isEqualTo(length);
    assertThat(c.nextOpen(before)).isEqualTo(open);
    assertThat(c.plus(before, length)).isEqualTo(close);
    assertThat(reference.plus(before, length)).isEqualTo(close);
  }

  @Test
  void an_interval_across_the_gap_is_shorter_by_it() {
    // 00:30 GMT to 03:00 BST (02:00 GMT): an hour and a half
    openExactly(sunday("2024-03-31", "00:30-03:00"), utc("2024-03-31T00:30"), utc("2024-03-31T02:00"));
  }

  @Test
  void an_interval_that_ends_in_the_gap_ends_at_the_transition() {
    // 01:30 never happened: 00:00-01:30 closes at 01:00 GMT, when the clocks jump
    openExactly(sunday("2025-03-30", "00:00-01:30"), utc("2025-03-30T00:00"), utc("2025-03-30T01:00"));
  }

  @Test
  void an_interval_that_starts_in_the_gap_starts_at_the_transition() {
    // 01:30-03:00 opens at 02:00 BST (01:00 GMT): an hour
    openExactly(sunday("2026-03-29", "01:30-03:00"), utc("2026-03-29T01:00"), utc("2026-03-29T02:00"));
  }

  @Test
  void an_interval_wholly_in_the_gap_never_opens() {
    BusinessCalendar c = sunday("2024-03-31", "01:15-01:45");
    assertThat(c.between(utc("2024-03-30T20:00"), utc("2024-04-01T08:00"))).isEqualTo(Duration.ZERO);
    assertThat(c.nextOpen(utc("2024-03-31T00:00"))).isEqualTo(utc("2024-04-01T08:00")); // Monday 09:00 BST
  }

  @Test
  void an_interval_across_the_overlap_is_longer_by_it() {
    // 00:00 BST (23:00 GMT the day before) to 03:00 GMT: four hours
    openExactly(sunday("2024-10-27", "00:00-03:00"), utc("2024-10-26T23:00"), utc("2024-10-27T03:00"));
  }

  @Test
  void an_interval_that_starts_in_the_overlap_starts_at_the_first_occurrence() {
    // 01:30 BST is 00:30 GMT; to 04:00 GMT: three and a half hours
    openExactly(sunday("2025-10-26", "01:30-04:00"), utc("2025-10-26T00:30"), utc("2025-10-26T04:00"));
  }

  @Test
  void an_interval_that_ends_in_the_overlap_ends_at_the_second_occurrence() {
    // 00:00 BST (23:00 GMT) to the second 01:30, in GMT: two and a half hours
    openExactly(sunday("2026-10-25", "00:00-01:30"), utc("2026-10-24T23:00"), utc("2026-10-25T01:30"));
  }

  @Test
  void a_break_inside_the_overlap_is_open_when_the_hour_comes_round_again() {
    // 00:00-01:15 runs to the second 01:15 (01:15 GMT); 01:45-03:00 opens at the first 01:45
    // (00:45 GMT): open without a break from 23:00 to 03:00 GMT, four hours, counted once.
    openExactly(
        sunday("2024-10-27", "00:00-01:15", "01:45-03:00"), utc("2024-10-26T23:00"), utc("2024-10-27T03:00"));
  }

  @Test
  void round_the_clock_plus_is_plain_addition_across_both_changes() {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("LONDON-24x7", LONDON);
    Instant saturdayNoon = utc("2024-03-30T12:00");
    assertThat(always.plus(saturdayNoon, Duration.ofHours(30))).isEqualTo(utc("2024-03-31T18:00"));
    assertThat(always.between(utc("2024-10-26T22:00"), utc("2024-10-27T04:00"))).isEqualTo(Duration.ofHours(6));
    assertThat(always.plus(saturdayNoon, Duration.ofDays(365))).isEqualTo(saturdayNoon.plus(Duration.ofDays(365)));
    assertThat(always.plus(saturdayNoon, Duration.ofSeconds(1, 500))).isEqualTo(saturdayNoon.plusSeconds(1).plusNanos(500));
    assertThat(always.nextOpen(saturdayNoon)).isEqualTo(saturdayNoon);
  }
}
