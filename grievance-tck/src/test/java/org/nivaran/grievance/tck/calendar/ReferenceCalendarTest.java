package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;

/** The reference itself, on a calendar whose answers are worked out by hand, and its limits. */
class ReferenceCalendarTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  static Instant ist(String local) {
    return LocalDateTime.parse(local).atZone(IST).toInstant();
  }

  final BusinessCalendar office = CalendarArbitraries.officeHoursKolkataCalendar();
  final ReferenceCalendar reference = ReferenceCalendar.of(office);

  @Test
  void answers_the_office_hours_by_hand() {
    // Friday 22 March 2024 17:30; Saturday 23rd is the 4th (closed); Sunday; Monday 25th is Holi.
    Instant friday = ist("2024-03-22T17:30");
    assertThat(reference.plus(friday, Duration.ofHours(1))).isEqualTo(ist("2024-03-26T10:30"));
    assertThat(reference.between(friday, ist("2024-03-26T10:30"))).isEqualTo(Duration.ofHours(1));
    assertThat(reference.nextOpen(ist("2024-03-26T13:45"))).isEqualTo(ist("2024-03-26T14:00"));
    assertThat(reference.nextOpen(ist("2024-03-26T13:45:30.5"))).isEqualTo(ist("2024-03-26T14:00"));
    assertThat(reference.isOpen(ist("2024-03-26T13:29:59.999"))).isTrue();
    assertThat(reference.isOpen(ist("2024-03-26T13:30"))).isFalse();
    assertThat(reference.plus(ist("2024-03-26T14:00"), Duration.ofHours(4))).isEqualTo(ist("2024-03-26T18:00"));
    assertThat(reference.plus(ist("2024-03-26T19:00"), Duration.ZERO)).isEqualTo(ist("2024-03-26T19:00"));
    // a week: five days of 7 h 30 min, and the 1st Saturday of April (6th) of 4 h
    assertThat(reference.between(ist("2024-04-01T00:00"), ist("2024-04-08T00:00"))).isEqualTo(Duration.ofMinutes(5 * 450 + 240));
  }

  @Test
  void converts_local_times_by_the_documented_rules() {
    ReferenceCalendar london = ReferenceCalendar.of(BusinessCalendar.twentyFourSeven("LONDON", ZoneId.of("Europe/London")));
    LocalDate spring = LocalDate.of(2024, 3, 31);
    LocalDate autumn = LocalDate.of(2024, 10, 27);
    assertThat(london.instantOf(spring, 90, true)).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    assertThat(london.instantOf(spring, 90, false)).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
    assertThat(london.instantOf(autumn, 90, true)).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    assertThat(london.instantOf(autumn, 90, false)).isEqualTo(Instant.parse("2024-10-27T01:30:00Z"));
    assertThat(london.instantOf(autumn.minusDays(1), 1440, false)).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
  }

  @Test
  void refuses_what_it_cannot_step_exactly_or_soon() {
    Instant t = ist("2024-03-04T10:00");
    assertThatThrownBy(() -> reference.between(t, t.plusSeconds(30))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reference.between(t, t.plus(Duration.ofDays(43)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reference.plus(t, Duration.ofSeconds(90))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reference.plus(t, Duration.ofHours(400))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferenceCalendar.of(office, Duration.ofDays(400))).isInstanceOf(IllegalArgumentException.class);
    assertThat(ReferenceCalendar.of(office, Duration.ofDays(100)).plus(t, Duration.ofHours(400))).isAfter(t);
  }

  @Test
  void refuses_a_calendar_whose_hours_are_not_whole_minutes_in_real_time() {
    // Kolkata kept Madras time, +05:21:10, until 1906
    ReferenceCalendar old = ReferenceCalendar.of(office);
    Instant t = LocalDateTime.parse("1901-03-04T10:00").atZone(IST).toInstant();
    assertThatThrownBy(() -> old.isOpen(t)).isInstanceOf(IllegalStateException.class);
  }
}
