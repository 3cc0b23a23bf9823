package org.nivaran.grievance.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;

/**
 * The benchmark compares like with like: the day-stepping baseline and the engine give the very
 * same deadlines on the benchmark's calendar and inputs.
 */
class DaySteppingPlusTest {
  private final BusinessCalendar calendar = OfficeCalendar.calendar();

  @Test
  void fixtureHasTwentyHolidaysInEachYear() {
    for (int year : OfficeCalendar.YEARS) {
      assertThat(calendar.holidays().keySet().stream().filter(d -> d.getYear() == year))
          .as("holidays in %d", year)
          .hasSize(20);
    }
  }

  @Test
  void agreesWithTheEngineOnTheBenchmarkInputs() {
    Instant[] starts = OfficeCalendar.randomStartsIn2024(CalendarPlusBenchmark.STARTS, CalendarPlusBenchmark.SEED);
    int checked = 0;
    for (int workingDays : new int[] {1, 7, 30, OfficeCalendar.WORKING_DAYS_PER_YEAR}) {
      Duration span = OfficeCalendar.span(workingDays);
      for (int i = 0; i < starts.length; i += 41) { // 100 starts per span
        assertSame(starts[i], span);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(400);
  }

  @Test
  void agreesWithTheEngineOnRandomSpans() {
    SplittableRandom random = new SplittableRandom(7);
    Instant[] starts = OfficeCalendar.randomStartsIn2024(300, 11);
    for (Instant start : starts) {
      Duration span = switch (random.nextInt(3)) {
        case 0 -> Duration.ofMinutes(random.nextLong(1, 60 * 8 * 40));
        case 1 -> Duration.ofSeconds(random.nextLong(1, 3600L * 2000), random.nextInt(1_000_000_000));
        default -> Duration.ofNanos(random.nextLong(1, 3_600_000_000_000L));
      };
      assertSame(start, span);
    }
  }

  @Test
  void agreesWithTheEngineOnEdges() {
    List<Instant> starts = new ArrayList<>();
    for (LocalDate date = LocalDate.of(2024, 3, 22); date.isBefore(LocalDate.of(2024, 4, 2)); date = date.plusDays(1)) {
      for (String time : new String[] {"00:00", "09:59:59.999999999", "10:00", "13:29", "13:30", "13:45", "14:00", "17:59:59", "18:00", "23:59:59.999999999"}) {
        starts.add(ZonedDateTime.of(LocalDateTime.parse(date + "T" + time), OfficeCalendar.ZONE).toInstant());
      }
    }
    starts.add(ZonedDateTime.of(LocalDateTime.parse("2024-12-31T17:00"), OfficeCalendar.ZONE).toInstant());
    Duration[] spans = {
      Duration.ZERO, Duration.ofNanos(1), Duration.ofMinutes(30), Duration.ofMinutes(210), Duration.ofMinutes(211),
      Duration.ofMinutes(450), Duration.ofHours(4), Duration.ofHours(8), OfficeCalendar.span(250),
    };
    for (Instant start : starts) {
      for (Duration span : spans) {
        assertSame(start, span);
      }
    }
  }

  private void assertSame(Instant start, Duration span) {
    assertThat(DaySteppingPlus.plus(calendar, start, span))
        .as("plus(%s, %s)", start, span)
        .isEqualTo(calendar.plus(start, span));
  }
}
