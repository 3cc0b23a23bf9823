package org.nivaran.grievance.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;

/** The documented rules of {@link BusinessCalendar}, example by example. */
class BusinessCalendarTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Monday to Friday 10:00-18:00 with a lunch break, Saturdays 10:00-14:00 but the 2nd and 4th. */
  static BusinessCalendar office() {
    return BusinessCalendar.builder("CG-OFFICE", IST)
        .schedule(WeeklySchedule.builder()
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
            .hours(DayOfWeek.SATURDAY, "10:00-14:00")
            .closedSaturdays(2, 4)
            .build())
        .holiday(LocalDate.of(2024, 3, 25), "Holi")
        .build();
  }

  static Instant ist(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(IST).toInstant();
  }

  @Test
  void intervals_are_half_open() {
    BusinessCalendar c = office();
    assertThat(c.isOpen(ist("2024-03-04T10:00"))).isTrue();
    assertThat(c.isOpen(ist("2024-03-04T13:30"))).isFalse();
    assertThat(c.isOpen(ist("2024-03-04T17:59:59"))).isTrue();
    assertThat(c.isOpen(ist("2024-03-04T18:00"))).isFalse();
  }

  @Test
  void a_deadline_may_be_exactly_a_closing_time_or_roll_to_the_next_opening() {
    BusinessCalendar c = office();
    Instant monday1400 = ist("2024-03-04T14:00");

    assertThat(c.plus(monday1400, Duration.ofHours(4))).isEqualTo(ist("2024-03-04T18:00"));
    assertThat(c.plus(monday1400, Duration.ofHours(4), DeadlineRounding.NEXT_OPENING)).isEqualTo(ist("2024-03-05T10:00"));
    assertThat(c.plus(monday1400, Duration.ofHours(4).plusMinutes(1))).isEqualTo(ist("2024-03-05T10:01"));
    assertThat(c.plus(ist("2024-03-04T19:00"), Duration.ZERO)).isEqualTo(ist("2024-03-04T19:00"));
  }

  @Test
  void holidays_breaks_and_closed_saturdays_are_skipped() {
    BusinessCalendar c = office();
    // Friday 22 March 2024 17:30; Saturday 23rd is the 4th Saturday (closed); Monday 25th is Holi.
    Instant friday = ist("2024-03-22T17:30");

    assertThat(c.plus(friday, Duration.ofHours(1))).isEqualTo(ist("2024-03-26T10:30"));
    assertThat(c.between(friday, ist("2024-03-26T10:30"))).isEqualTo(Duration.ofHours(1));
    assertThat(c.nextOpen(ist("2024-03-26T13:45"))).isEqualTo(ist("2024-03-26T14:00"));
    // the 1st Saturday of March 2024 (2nd) is open, the 2nd (9th) closed
    assertThat(c.isOpen(ist("2024-03-02T11:00"))).isTrue();
    assertThat(c.isOpen(ist("2024-03-09T11:00"))).isFalse();
  }

  @Test
  void seven_working_days_from_a_friday_evening_over_a_holiday_week() {
    BusinessCalendar c = office();
    // Friday 22 March 17:30: working days after it are Tue 26, Wed 27, Thu 28, Fri 29, Sat 30 (5th Saturday), Mon 1, Tue 2 April
    assertThat(c.plusWorkingDays(ist("2024-03-22T17:30"), 7)).isEqualTo(ist("2024-04-02T18:00"));
  }

  @Test
  void a_year_long_span_crosses_the_year_boundary() {
    BusinessCalendar c = office();
    Instant t = ist("2024-06-03T10:00");
    Instant later = c.plus(t, Duration.ofHours(2000));
    assertThat(c.between(t, later)).isEqualTo(Duration.ofHours(2000));
    assertThat(later).isAfter(ist("2025-01-01T00:00"));
  }

  @Test
  void the_last_working_day_of_the_week() {
    BusinessCalendar c = office();
    // week of 4 March: Saturday 2 March is 1st (open) but Saturday 9th is the 2nd (closed) -> Friday 8th 18:00
    assertThat(c.endOfLastWorkingDayOfWeek(ist("2024-03-05T11:00"))).isEqualTo(ist("2024-03-08T18:00"));
    // Saturday 9th after Friday's close -> next week's last working day: Saturday 16th (3rd) 14:00
    assertThat(c.endOfLastWorkingDayOfWeek(ist("2024-03-09T09:00"))).isEqualTo(ist("2024-03-16T14:00"));
  }

  @Test
  void a_break_inside_a_dst_overlap_counts_the_repeated_time_once() {
    // Regression: New York fell back at 02:00 EDT (06:00Z) on 3 November 2024. 00:00-01:00 ends at
    // the second 01:00 (06:00Z), 01:45-02:45 starts at the first 01:45 (05:45Z): the two overlap
    // in real time, and 05:45Z to 06:00Z was counted twice.
    BusinessCalendar c = BusinessCalendar.builder("NY", ZoneId.of("America/New_York"))
        .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, "10:00-18:00").build())
        .override(LocalDate.of(2024, 11, 3), OpenInterval.parse("00:00-01:00"), OpenInterval.parse("01:45-02:45"))
        .build();
    Instant open = Instant.parse("2024-11-03T04:00:00Z");
    Instant close = Instant.parse("2024-11-03T07:45:00Z");

    assertThat(c.between(open.minusSeconds(3600), close.plusSeconds(3600))).isEqualTo(Duration.ofMinutes(225));
    assertThat(c.between(Instant.parse("2024-11-03T05:50:00Z"), Instant.parse("2024-11-03T05:51:00Z")))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(c.plus(open, Duration.ofMinutes(225))).isEqualTo(close);
    assertThat(c.plus(open, Duration.ofMinutes(120))).isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
    assertThat(c.isOpen(Instant.parse("2024-11-03T05:59:00Z"))).isTrue();
  }

  @Test
  void negative_durations_and_reversed_ranges_are_refused_by_name() {
    BusinessCalendar c = office();
    assertThatThrownBy(() -> c.plus(ist("2024-03-04T10:00"), Duration.ofMinutes(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duration"));
    assertThatThrownBy(() -> c.between(ist("2024-03-04T10:00"), ist("2024-03-04T09:00")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("b"));
  }

  @Test
  void a_schedule_that_never_opens_is_refused_by_name() {
    assertThatThrownBy(() -> WeeklySchedule.builder().hours(DayOfWeek.SATURDAY, "10:00-18:00").closedSaturdays(1, 2, 3, 4, 5).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closedSaturdays"));
    assertThat(WeeklySchedule.builder().hours(DayOfWeek.SATURDAY, "10:00-18:00").closedSaturdays(1, 2, 3, 4).build()
        .hoursOn(LocalDate.of(2024, 3, 30))).hasSize(1); // a 5th Saturday
  }

  @Test
  void an_input_outside_the_supported_years_is_refused_naming_the_input_in_local_time() {
    BusinessCalendar newYork = BusinessCalendar.twentyFourSeven("NY", ZoneId.of("America/New_York"));
    Instant stillLocal2200 = Instant.parse("2201-01-01T01:00:00Z"); // 20:00 on 31 Dec 2200 in New York

    assertThat(newYork.isOpen(stillLocal2200)).isTrue();
    assertThatThrownBy(() -> newYork.isOpen(Instant.parse("1899-06-01T00:00:00Z")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("t"));
    assertThatThrownBy(() -> newYork.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2201-06-01T00:00:00Z")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("b"));
    assertThatThrownBy(() -> newYork.plus(Instant.parse("2200-12-01T00:00:00Z"), Duration.ofDays(40)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("result"));
  }
}
