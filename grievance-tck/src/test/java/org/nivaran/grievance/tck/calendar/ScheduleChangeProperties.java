package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/** A calendar given a new schedule from a date keeps its old hours, and its arithmetic, before it. */
class ScheduleChangeProperties {

  @Provide
  Arbitrary<LocalDate> changeDates() {
    return Arbitraries.longs()
        .between(LocalDate.of(2023, 1, 1).toEpochDay(), LocalDate.of(2026, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return CalendarArbitraries.calendars();
  }

  @Provide
  Arbitrary<WeeklySchedule> schedules() {
    return CalendarArbitraries.weeklySchedules();
  }

  @Provide
  Arbitrary<Duration> before() {
    return Cases.shifts(false).map(s -> s.plusSeconds(1));
  }

  @Provide
  Arbitrary<Duration> durations() {
    return CalendarArbitraries.durations();
  }

  @Property(tries = 300)
  void the_old_hours_hold_before_the_change(
      @ForAll("calendars") BusinessCalendar old,
      @ForAll("changeDates") LocalDate from,
      @ForAll("schedules") WeeklySchedule next,
      @ForAll("before") Duration x,
      @ForAll("before") Duration y,
      @ForAll("durations") Duration d) {
    BusinessCalendar changed = Cases.copy(old).scheduleFrom(from, next).build();
    Instant change = ReferenceCalendar.of(old).instantOf(from, 0, true);
    Instant t = change.minus(x.compareTo(y) >= 0 ? x : y);
    Instant u = change.minus(x.compareTo(y) >= 0 ? y : x);
    String calendar = CalendarArbitraries.describe(old);

    for (LocalDate date = from.minusDays(8); date.isBefore(from); date = date.plusDays(1)) {
      assertThat(changed.hoursOn(date)).as("hours on %s of %s", date, calendar).isEqualTo(old.hoursOn(date));
    }
    assertThat(changed.isOpen(t)).as(calendar).isEqualTo(old.isOpen(t));
    assertThat(changed.between(t, u)).as(calendar).isEqualTo(old.between(t, u));
    assertThat(changed.between(t, change)).as(calendar).isEqualTo(old.between(t, change));
    Instant deadline = old.plus(t, d);
    if (!deadline.isAfter(change)) {
      assertThat(changed.plus(t, d)).as(calendar).isEqualTo(deadline);
    }
    if (!old.holidays().containsKey(from) && !old.overrides().containsKey(from)) {
      assertThat(changed.hoursOn(from)).isEqualTo(next.hoursOn(from));
    }
  }
}
