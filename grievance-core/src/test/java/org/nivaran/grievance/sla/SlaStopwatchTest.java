package org.nivaran.grievance.sla;

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
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.actor.Level;

/** The SLA clock and policies on the examples of DOMAIN.md. */
class SlaStopwatchTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Janjgir-Champa office hours: Monday to Friday 10:00-18:00. */
  static final BusinessCalendar OFFICE = BusinessCalendar.builder("CG-OFFICE", IST)
      .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
      .holiday(LocalDate.of(2024, 3, 25), "Holi")
      .build();

  static Instant ist(String local) {
    return LocalDateTime.parse(local).atZone(IST).toInstant();
  }

  @Test
  void seven_working_days_from_a_friday_evening_complaint_skip_the_weekend_and_holi() {
    SlaStopwatch clock = SlaStopwatch.start(OFFICE, SlaBudget.workingDays(7), ist("2024-03-22T17:30"));

    // Tue 26, Wed 27, Thu 28, Fri 29, Mon 1, Tue 2, Wed 3 April
    assertThat(clock.deadline()).contains(ist("2024-04-03T18:00"));
    assertThat(clock.budget()).isEqualTo(Duration.ofMinutes(30).plusHours(7 * 8));
    assertThat(clock.isBreached(ist("2024-04-03T17:59"))).isFalse();
    assertThat(clock.isBreached(ist("2024-04-03T18:00"))).isTrue();
  }

  @Test
  void a_paused_clock_consumes_nothing_and_its_deadline_moves_by_the_open_time_lost() {
    SlaStopwatch running = SlaStopwatch.start(OFFICE, SlaBudget.openTime(Duration.ofHours(16)), ist("2024-03-04T10:00"));
    assertThat(running.deadline()).contains(ist("2024-03-05T18:00"));

    SlaStopwatch paused = running.pause(ist("2024-03-04T14:00")); // documents asked for after 4 hours
    assertThat(paused.deadline()).isEmpty();
    assertThat(paused.consumed(ist("2024-03-07T12:00"))).isEqualTo(Duration.ofHours(4));
    assertThat(paused.remaining(ist("2024-03-07T12:00"))).isEqualTo(Duration.ofHours(12));

    SlaStopwatch resumed = paused.resume(ist("2024-03-06T16:00")); // citizen answered Wednesday 16:00
    assertThat(resumed.deadline()).contains(ist("2024-03-08T12:00"));
    assertThat(resumed.consumed(ist("2024-03-07T10:00"))).isEqualTo(Duration.ofHours(6));
    assertThat(resumed.remaining(ist("2024-03-08T14:00"))).isEqualTo(Duration.ofHours(-2));
  }

  @Test
  void a_calendar_changed_mid_sla_counts_the_old_hours_before_the_change_and_the_new_after() {
    BusinessCalendar changed = BusinessCalendar.builder("CG-OFFICE", IST)
        .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
        .scheduleFrom(LocalDate.of(2024, 3, 6), // from Wednesday: 10:00-14:00 only
            WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-14:00").build())
        .build();
    SlaStopwatch clock = SlaStopwatch.start(changed, SlaBudget.openTime(Duration.ofHours(20)), ist("2024-03-04T10:00"));

    // Mon 8 h + Tue 8 h = 16 h under the old hours, then 4 h on Wednesday under the new: Wed 14:00
    assertThat(clock.deadline()).contains(ist("2024-03-06T14:00"));
    assertThat(changed.hoursOn(LocalDate.of(2024, 3, 5)).toString()).isEqualTo("[10:00-18:00]");
    assertThat(changed.hoursOn(LocalDate.of(2024, 3, 6)).toString()).isEqualTo("[10:00-14:00]");
  }

  @Test
  void a_clock_cannot_be_paused_twice_nor_read_before_it_started() {
    SlaStopwatch clock = SlaStopwatch.start(OFFICE, SlaBudget.openTime(Duration.ofHours(8)), ist("2024-03-04T10:00"));

    assertThatThrownBy(() -> clock.pause(ist("2024-03-04T11:00")).pause(ist("2024-03-04T12:00")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> clock.resume(ist("2024-03-04T11:00"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> clock.consumed(ist("2024-03-04T09:00")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"));
  }

  @Test
  void policies_give_a_budget_per_level_with_a_default() {
    SlaPolicy up = SlaPolicy.builder("UP-1076", "UP-OFFICE")
        .level(Level.of(0), SlaBudget.workingDays(15))
        .otherwise(SlaBudget.workingDays(7))
        .build();

    assertThat(up.budgetAt(Level.of(0))).isEqualTo(SlaBudget.workingDays(15));
    assertThat(up.budgetAt(Level.L1)).isEqualTo(SlaBudget.workingDays(7));
    assertThat(up.budgetAt(Level.of(5))).isEqualTo(SlaBudget.workingDays(7));
    assertThat(up.calendarId()).isEqualTo("UP-OFFICE");
    assertThatThrownBy(() -> SlaPolicy.builder("X", "Y").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("otherwise"));
    assertThatThrownBy(() -> SlaBudget.workingDays(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("budget"));
  }

  @Test
  void an_overdue_clock_keeps_the_instant_it_ran_out_through_pauses() {
    SlaStopwatch clock = SlaStopwatch.start(OFFICE, SlaBudget.openTime(Duration.ofHours(8)), ist("2024-03-04T10:00"));
    SlaStopwatch paused = clock.pause(ist("2024-03-05T12:00")); // 2 hours overdue

    assertThat(paused.deadline()).contains(ist("2024-03-04T18:00"));
    assertThat(paused.resume(ist("2024-03-08T10:00")).deadline()).contains(ist("2024-03-04T18:00"));
    assertThat(clock.pause(ist("2024-03-04T18:00")).resume(ist("2024-03-06T10:00")).deadline())
        .contains(ist("2024-03-04T18:00"));
    assertThat(clock.pause(ist("2024-03-04T17:00")).deadline()).isEmpty();
  }

  // Hand-overs, on the office calendar in the week of Monday 8 April 2024 (no holiday that month).
  // L1: 2 working days from Mon 8 April 11:00 = to the close of Wed 10 April: 7 + 8 + 8 = 23 open
  // hours, run out at Wed 10 April 18:00.

  private static SlaStopwatch l1() {
    return SlaStopwatch.start(OFFICE, SlaBudget.workingDays(2), ist("2024-04-08T11:00"));
  }

  @Test
  void a_hand_over_after_the_deadline_starts_the_next_clock_where_the_last_ran_out() {
    SlaStopwatch l1 = l1();
    assertThat(l1.deadline()).contains(ist("2024-04-10T18:00"));

    SlaStopwatch l2 = l1.handOver(SlaBudget.workingDays(2), ist("2024-04-15T16:00"));

    // 2 working days from Wed 10 April 18:00: Thu 11 and Fri 12, 16 open hours
    assertThat(l2.since()).isEqualTo(ist("2024-04-10T18:00"));
    assertThat(l2.budget()).isEqualTo(Duration.ofHours(16));
    assertThat(l2.deadline()).contains(ist("2024-04-12T18:00"));
    assertThat(l1.overrun(ist("2024-04-15T16:00"))).isEqualTo(Duration.ofHours(22)); // Thu, Fri, Mon 10-16
  }

  @Test
  void a_hand_over_before_the_deadline_starts_the_next_clock_then() {
    SlaStopwatch l2 = l1().handOver(SlaBudget.workingDays(2), ist("2024-04-09T12:00"));

    assertThat(l2.since()).isEqualTo(ist("2024-04-09T12:00"));
    assertThat(l2.deadline()).contains(ist("2024-04-11T18:00")); // Wed 10 and Thu 11
    assertThat(l1().overrun(ist("2024-04-09T12:00"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void a_wait_on_the_citizen_begun_after_the_deadline_counts_against_neither_clock() {
    // 2 hours late (Thu 11 April 10:00-12:00), the officer asks the citizen; the answer comes
    // Mon 15 April 15:00, after 6 + 8 + 5 = 19 open hours of waiting
    SlaStopwatch l1 = l1().pause(ist("2024-04-11T12:00")).resume(ist("2024-04-15T15:00"));
    assertThat(l1.deadline()).as("the breach is kept").contains(ist("2024-04-10T18:00"));
    assertThat(l1.overrun(ist("2024-04-15T15:00"))).isEqualTo(Duration.ofHours(2));

    SlaStopwatch l2 = l1.handOver(SlaBudget.workingDays(2), ist("2024-04-15T15:00"));

    // L2 counts from Wed 10 April 18:00 (16 open hours to the close of Fri 12), charged the 2 hours
    // late and not the wait: 14 hours left from Mon 15:00 = Mon 15-18 (3), Tue 16 (8), Wed 17 10-13 (3)
    assertThat(l2.budget()).isEqualTo(Duration.ofHours(16));
    assertThat(l2.consumed(ist("2024-04-15T15:00"))).isEqualTo(Duration.ofHours(2));
    assertThat(l2.deadline()).contains(ist("2024-04-17T13:00"));
    // the level after that is charged nothing for the wait either
    SlaStopwatch l3 = l2.handOver(SlaBudget.workingDays(2), ist("2024-04-18T10:00"));
    assertThat(l3.since()).isEqualTo(ist("2024-04-17T13:00"));
  }

  @Test
  void a_hand_over_whose_late_time_spends_the_next_budget_records_when_it_ran_out() {
    // paused Mon 15 April 11:00, 17 hours late (Thu 8, Fri 8, Mon 1); answered Tue 16 April 10:00
    SlaStopwatch l1 = l1().pause(ist("2024-04-15T11:00")).resume(ist("2024-04-16T10:00"));

    SlaStopwatch l2 = l1.handOver(SlaBudget.openTime(Duration.ofHours(4)), ist("2024-04-16T12:00"));

    // 4 hours from Wed 10 April 18:00 on the time L1 ran late: Thu 11 April 14:00
    assertThat(l2.deadline()).contains(ist("2024-04-11T14:00"));
    assertThat(l2.isBreached(ist("2024-04-16T12:00"))).isTrue();
    assertThat(l2.overrun(ist("2024-04-16T12:00"))).isEqualTo(Duration.ofHours(15)); // 17 + 2 - 4
    // with a larger budget, run out after the answer: 18 hours = 17 before + 1 after Tue 10:00
    assertThat(l1.handOver(SlaBudget.openTime(Duration.ofHours(18)), ist("2024-04-16T12:00")).deadline())
        .contains(ist("2024-04-16T11:00"));
  }
}
