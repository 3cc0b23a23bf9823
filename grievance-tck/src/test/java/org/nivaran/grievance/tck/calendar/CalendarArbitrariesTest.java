package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.OpenInterval;
import org.nivaran.grievance.calendar.WeeklySchedule;

/** The arbitraries reach the corners they promise, and stay within their bounds. */
class CalendarArbitrariesTest {
  static final Instant FROM = Instant.parse("2023-01-01T00:00:00Z");
  static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

  @Test
  void schedules_have_breaks_24_00_ends_closed_saturdays_and_always_an_open_weekday() {
    List<WeeklySchedule> schedules = CalendarArbitraries.weeklySchedules().sampleStream().limit(300).toList();
    assertThat(schedules).allSatisfy(s -> assertThat(
        DayOfWeek.values()).anySatisfy(d -> assertThat(s.hours(d)).isNotEmpty()));
    List<List<OpenInterval>> days = schedules.stream()
        .flatMap(s -> java.util.Arrays.stream(DayOfWeek.values()).map(s::hours)).toList();
    assertThat(days).anySatisfy(d -> assertThat(d).isEmpty());
    assertThat(days).anySatisfy(d -> assertThat(d).hasSize(2));
    assertThat(days).anySatisfy(d -> assertThat(d).hasSize(3));
    assertThat(days).anySatisfy(d -> assertThat(d).last().extracting(OpenInterval::endMinute).isEqualTo(1440));
    assertThat(schedules).anySatisfy(s -> assertThat(s.closedSaturdays()).isNotEmpty());
    assertThat(days.stream().mapToInt(List::size).max().orElseThrow()).isLessThanOrEqualTo(3);
  }

  @Test
  void zones_mix_daylight_saving_and_fixed_offsets() {
    Set<String> zones = CalendarArbitraries.zones().sampleStream().limit(400)
        .map(ZoneId::getId).collect(Collectors.toSet());
    assertThat(zones).containsExactlyInAnyOrder(
        "Asia/Kolkata", "UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe",
        "America/Sao_Paulo", "Asia/Kathmandu");
  }

  @Test
  void calendars_have_holidays_overrides_and_schedule_changes_in_range() {
    List<BusinessCalendar> calendars = CalendarArbitraries.calendars().sampleStream().limit(300).toList();
    assertThat(calendars).allSatisfy(c -> {
      assertThat(c.holidays()).hasSizeLessThanOrEqualTo(25);
      assertThat(c.overrides()).hasSizeLessThanOrEqualTo(4);
      assertThat(c.holidays().keySet()).allSatisfy(d -> assertThat(d.getYear()).isBetween(2023, 2026));
      assertThat(c.overrides().keySet()).allSatisfy(d -> assertThat(d.getYear()).isBetween(2023, 2026));
    });
    assertThat(calendars).anySatisfy(c -> assertThat(c.schedules()).hasSize(2));
    assertThat(calendars).anySatisfy(c -> assertThat(c.schedules()).hasSize(1));
    assertThat(calendars).anySatisfy(c -> assertThat(c.holidays()).hasSizeGreaterThan(10));
    assertThat(calendars).anySatisfy(c -> assertThat(c.overrides()).isNotEmpty());
    // some override falls on a date the clocks change
    assertThat(calendars).anySatisfy(c -> assertThat(c.overrides().keySet())
        .containsAnyElementsOf(LocalTimes.transitionDates(c.zone(), 2023, 2026)));
  }

  @Test
  void instants_and_durations_stay_in_their_bounds() {
    List<Instant> instants = CalendarArbitraries.instants().sampleStream().limit(500).toList();
    assertThat(instants).allSatisfy(t -> assertThat(t).isBetween(FROM, TO).matches(i -> i.getNano() == 0));
    assertThat(instants).anySatisfy(t -> assertThat(t.getEpochSecond() % 60).isNotZero());
    assertThat(CalendarArbitraries.minuteInstants().sampleStream().limit(200))
        .allSatisfy(t -> assertThat(t.getEpochSecond() % 60).isZero());
    List<Duration> durations = CalendarArbitraries.durations().sampleStream().limit(500).toList();
    assertThat(durations).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, CalendarArbitraries.MAX_DURATION));
    assertThat(durations).contains(Duration.ZERO);
    assertThat(durations.stream().filter(d -> d.compareTo(Duration.ofHours(100)) <= 0).count())
        .isGreaterThan(durations.size() / 2);
    assertThat(durations).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofHours(500)));
  }

  @Test
  void instants_near_a_calendar_hit_its_openings_closings_and_clock_changes() {
    BusinessCalendar office = CalendarArbitraries.officeHoursKolkataCalendar();
    Set<Instant> near = new HashSet<>(CalendarArbitraries.instantsNear(office).sampleStream().limit(400).toList());
    ReferenceCalendar reference = ReferenceCalendar.of(office);
    long boundaries = near.stream()
        .filter(t -> reference.isOpen(t) != reference.isOpen(t.minusSeconds(60)))
        .count();
    assertThat(boundaries).isGreaterThan(60);

    ZoneId zone = ZoneId.of("Europe/London");
    List<Instant> changes = LocalTimes.transitions(zone, 2023, 2026);
    assertThat(changes).hasSize(8).contains(Instant.parse("2024-10-27T01:00:00Z"));
    BusinessCalendar london = BusinessCalendar.twentyFourSeven("LONDON", zone);
    assertThat(CalendarArbitraries.instantsNear(london).sampleStream().limit(400))
        .anySatisfy(t -> assertThat(changes).anySatisfy(
            change -> assertThat(Duration.between(change, t).abs()).isLessThanOrEqualTo(Duration.ofMinutes(1))));
  }

  @Test
  void the_kolkata_office_is_the_documented_one() {
    BusinessCalendar office = CalendarArbitraries.officeHoursKolkata().sample();
    assertThat(office).isSameAs(CalendarArbitraries.officeHoursKolkataCalendar());
    assertThat(office.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThat(office.holidays()).containsEntry(java.time.LocalDate.of(2024, 3, 25), "Holi");
  }
}
