package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;

/** Hand-worked ends of quiet hours, across midnight, within a day, and across daylight-saving changes. */
class QuietWindowTest {
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final QuietWindow night = new QuietWindow(LocalTime.of(21, 0), LocalTime.of(8, 0), IST);

  private static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @Test
  void a_message_due_late_in_the_evening_waits_until_eight_the_next_morning() {
    assertThat(night.contains(at(IST, "2024-03-12T22:30"))).isTrue();
    assertThat(night.nextAllowed(at(IST, "2024-03-12T22:30"))).isEqualTo(at(IST, "2024-03-13T08:00"));
    assertThat(night.nextAllowed(at(IST, "2024-03-12T21:00"))).isEqualTo(at(IST, "2024-03-13T08:00"));
    // the last day of a month and of a year roll over like any other
    assertThat(night.nextAllowed(at(IST, "2024-12-31T23:59"))).isEqualTo(at(IST, "2025-01-01T08:00"));
  }

  /** Santiago's clock jumped from 00:00 to 01:00 on 2020-09-06, the only allowed second of that day. */
  @Test
  void when_a_clock_change_skips_the_whole_allowed_time_the_message_waits_for_the_next_days_end() {
    java.time.ZoneId santiago = java.time.ZoneId.of("America/Santiago");
    QuietWindow allDay = new QuietWindow(LocalTime.of(0, 0, 1), LocalTime.MIDNIGHT, santiago);
    Instant due = Instant.parse("2020-09-05T12:00:00Z");
    Instant next = allDay.nextAllowed(due);
    assertThat(next).isEqualTo(java.time.ZonedDateTime.of(2020, 9, 7, 0, 0, 0, 0, santiago).toInstant());
    assertThat(allDay.contains(next)).isFalse();
    assertThat(allDay.contains(Instant.parse("2020-09-06T04:00:00Z"))).as("01:00, just after the jump").isTrue();
  }

  @Test
  void a_message_due_early_in_the_morning_waits_until_eight_the_same_morning() {
    assertThat(night.nextAllowed(at(IST, "2024-03-13T00:00"))).isEqualTo(at(IST, "2024-03-13T08:00"));
    assertThat(night.nextAllowed(at(IST, "2024-03-13T07:59:59"))).isEqualTo(at(IST, "2024-03-13T08:00"));
  }

  @Test
  void a_message_due_in_the_day_goes_when_due_and_the_ends_are_from_inclusive_until_exclusive() {
    assertThat(night.nextAllowed(at(IST, "2024-03-13T08:00"))).isEqualTo(at(IST, "2024-03-13T08:00"));
    assertThat(night.nextAllowed(at(IST, "2024-03-13T20:59:59"))).isEqualTo(at(IST, "2024-03-13T20:59:59"));
    assertThat(night.contains(at(IST, "2024-03-13T08:00"))).isFalse();
    assertThat(night.contains(at(IST, "2024-03-13T21:00"))).isTrue();
  }

  @Test
  void a_window_within_one_day_ends_the_same_day() {
    QuietWindow lunch = new QuietWindow(LocalTime.of(13, 0), LocalTime.of(14, 30), IST);
    assertThat(lunch.nextAllowed(at(IST, "2024-03-13T13:10"))).isEqualTo(at(IST, "2024-03-13T14:30"));
    assertThat(lunch.nextAllowed(at(IST, "2024-03-13T12:59"))).isEqualTo(at(IST, "2024-03-13T12:59"));
    assertThat(lunch.nextAllowed(at(IST, "2024-03-13T23:00"))).isEqualTo(at(IST, "2024-03-13T23:00"));
  }

  @Test
  void the_citizens_zone_decides_not_utc() {
    // 16:00 UTC is 21:30 in India: quiet there, not in London
    Instant t = Instant.parse("2024-03-12T16:00:00Z");
    assertThat(night.contains(t)).isTrue();
    assertThat(new QuietWindow(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/London")).contains(t))
        .isFalse();
  }

  @Test
  void an_end_in_the_spring_forward_gap_is_the_end_of_the_gap() {
    // New York, 10 March 2024: 02:00 EST became 03:00 EDT; 02:30 never happened that night
    QuietWindow w = new QuietWindow(LocalTime.of(22, 0), LocalTime.of(2, 30), NEW_YORK);
    Instant due = Instant.parse("2024-03-10T06:15:00Z"); // 01:15 EST
    assertThat(w.contains(due)).isTrue();
    assertThat(w.nextAllowed(due)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z")); // 03:00 EDT
    assertThat(w.contains(Instant.parse("2024-03-10T07:00:00Z"))).isFalse();
  }

  @Test
  void an_end_in_the_fall_back_overlap_is_its_first_occurrence_or_the_second_for_a_message_due_in_between() {
    // New York, 3 November 2024: 02:00 EDT became 01:00 EST; 01:00-02:00 happened twice
    QuietWindow w = new QuietWindow(LocalTime.of(22, 0), LocalTime.of(1, 30), NEW_YORK);
    Instant firstPass = Instant.parse("2024-11-03T05:15:00Z"); // 01:15 EDT
    assertThat(w.nextAllowed(firstPass)).isEqualTo(Instant.parse("2024-11-03T05:30:00Z")); // 01:30 EDT
    Instant between = Instant.parse("2024-11-03T05:45:00Z"); // 01:45 EDT: day by the clock
    assertThat(w.nextAllowed(between)).isEqualTo(between);
    Instant secondPass = Instant.parse("2024-11-03T06:15:00Z"); // 01:15 EST: the clock shows night again
    assertThat(w.nextAllowed(secondPass)).isEqualTo(Instant.parse("2024-11-03T06:30:00Z")); // 01:30 EST
  }

  @Test
  void an_empty_window_and_missing_parts_are_refused_naming_the_field() {
    assertThatThrownBy(() -> new QuietWindow(LocalTime.NOON, LocalTime.NOON, IST))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quietHours.until"));
    assertThatThrownBy(() -> new QuietWindow(null, LocalTime.NOON, IST))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quietHours.from"));
    assertThatThrownBy(() -> new QuietWindow(LocalTime.MIDNIGHT, LocalTime.NOON, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quietHours.zone"));
    assertThat(night).hasToString("21:00-08:00 Asia/Kolkata");
  }
}
