package org.nivaran.grievance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * The "by the last working day of the week" budget (the Dhar district rule), deadline by
 * hand-worked deadline.
 */
class LastWorkingDayOfWeekTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final SlaBudget BUDGET = SlaBudget.lastWorkingDayOfWeek();

  /**
   * Monday to Friday 10:00-13:30 and 14:00-18:00 (7.5 hours), Saturdays 10:00-14:00 but the 2nd
   * and 4th; Holi on Monday 25 March 2024, a district holiday on Friday 12 April 2024, and the
   * whole week of 13 May 2024 closed for the elections.
   */
  static final BusinessCalendar DHAR = BusinessCalendar.builder("DHAR-OFFICE", IST)
      .schedule(WeeklySchedule.builder()
          .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-13:30", "14:00-18:00")
          .hours(DayOfWeek.SATURDAY, "10:00-14:00")
          .closedSaturdays(2, 4)
          .build())
      .holiday(LocalDate.of(2024, 3, 25), "Holi")
      .holiday(LocalDate.of(2024, 4, 12), "District holiday")
      .holiday(LocalDate.of(2024, 5, 13), "Election")
      .holiday(LocalDate.of(2024, 5, 14), "Election")
      .holiday(LocalDate.of(2024, 5, 15), "Election")
      .holiday(LocalDate.of(2024, 5, 16), "Election")
      .holiday(LocalDate.of(2024, 5, 17), "Election")
      .holiday(LocalDate.of(2024, 5, 18), "Election")
      .build();

  /** Monday to Friday 09:00-17:00 in London, closed on Good Friday and Easter Monday 2024. */
  static final BusinessCalendar LONDON_OFFICE = BusinessCalendar.builder("LONDON-OFFICE", LONDON)
      .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build())
      .holiday(LocalDate.of(2024, 3, 29), "Good Friday")
      .holiday(LocalDate.of(2024, 4, 1), "Easter Monday")
      .build();

  static Instant ist(String local) {
    return LocalDateTime.parse(local).atZone(IST).toInstant();
  }

  static Instant london(String local) {
    return LocalDateTime.parse(local).atZone(LONDON).toInstant();
  }

  static Instant due(BusinessCalendar calendar, Instant assigned) {
    return SlaStopwatch.start(calendar, BUDGET, assigned).deadline().orElseThrow();
  }

  @Test
  void a_closed_second_saturday_makes_friday_the_last_working_day() {
    SlaStopwatch clock = SlaStopwatch.start(DHAR, BUDGET, ist("2024-03-05T11:00"));

    assertThat(clock.deadline()).contains(ist("2024-03-08T18:00"));
    // Tuesday 11:00-18:00 less lunch is 6.5 hours, then three days of 7.5
    assertThat(clock.budget()).isEqualTo(Duration.ofHours(29));
    assertThat(clock.isBreached(ist("2024-03-08T17:59"))).isFalse();
    assertThat(clock.isBreached(ist("2024-03-08T18:00"))).isTrue();
  }

  @Test
  void an_open_saturday_is_the_last_working_day() {
    // Saturday 16 March is the 3rd: open until 14:00
    assertThat(due(DHAR, ist("2024-03-11T10:00"))).isEqualTo(ist("2024-03-16T14:00"));
    // Saturday 30 March is the 5th: open, even in the week of Holi
    assertThat(due(DHAR, ist("2024-03-25T09:00"))).isEqualTo(ist("2024-03-30T14:00"));
  }

  @Test
  void assigned_during_the_last_working_days_hours_it_is_due_at_that_days_close() {
    SlaStopwatch clock = SlaStopwatch.start(DHAR, BUDGET, ist("2024-03-08T17:00"));

    assertThat(clock.deadline()).contains(ist("2024-03-08T18:00"));
    assertThat(clock.budget()).isEqualTo(Duration.ofHours(1));
    // during the lunch break of that day, too: the afternoon is left
    assertThat(due(DHAR, ist("2024-03-08T13:45"))).isEqualTo(ist("2024-03-08T18:00"));
  }

  @Test
  void assigned_at_or_after_the_last_working_days_close_it_is_due_at_the_next_weeks() {
    assertThat(due(DHAR, ist("2024-03-08T18:00"))).isEqualTo(ist("2024-03-16T14:00"));
    assertThat(due(DHAR, ist("2024-03-08T19:30"))).isEqualTo(ist("2024-03-16T14:00"));
    // the closed Saturday and the Sunday still belong to the week of Monday 4 March
    assertThat(due(DHAR, ist("2024-03-09T11:00"))).isEqualTo(ist("2024-03-16T14:00"));
    assertThat(due(DHAR, ist("2024-03-10T23:59"))).isEqualTo(ist("2024-03-16T14:00"));
    // the next week starts on Monday 00:00 in the calendar's zone
    assertThat(due(DHAR, ist("2024-03-11T00:00"))).isEqualTo(ist("2024-03-16T14:00"));
  }

  @Test
  void a_friday_holiday_before_a_closed_saturday_makes_thursday_the_last_working_day() {
    // Friday 12 April 2024 is a holiday and Saturday 13th the 2nd Saturday
    SlaStopwatch clock = SlaStopwatch.start(DHAR, BUDGET, ist("2024-04-08T10:00"));

    assertThat(clock.deadline()).contains(ist("2024-04-11T18:00"));
    assertThat(clock.budget()).isEqualTo(Duration.ofMinutes(4 * 450));
    // after Thursday's close: the next week's, Saturday 20 April (the 3rd, open) 14:00
    assertThat(due(DHAR, ist("2024-04-11T18:30"))).isEqualTo(ist("2024-04-20T14:00"));
  }

  @Test
  void a_week_without_a_working_day_is_due_at_the_next_weeks_last_working_day() {
    // 13 to 18 May 2024 closed; Saturday 25 May is the 4th, closed -> Friday 24 May
    SlaStopwatch clock = SlaStopwatch.start(DHAR, BUDGET, ist("2024-05-13T11:00"));

    assertThat(clock.deadline()).contains(ist("2024-05-24T18:00"));
    assertThat(clock.budget()).isEqualTo(Duration.ofMinutes(5 * 450));
  }

  @Test
  void a_pause_keeps_the_open_time_left_and_does_not_move_to_the_resumes_week() {
    SlaStopwatch clock = SlaStopwatch.start(DHAR, BUDGET, ist("2024-03-05T11:00")); // due Fri 8th 18:00, 29 h

    SlaStopwatch paused = clock.pause(ist("2024-03-07T10:00")); // Tuesday 6.5 h + Wednesday 7.5 h used
    assertThat(paused.remaining(ist("2024-03-11T10:00"))).isEqualTo(Duration.ofHours(15));
    assertThat(paused.deadline()).isEmpty();

    // resumed the next Tuesday: 15 open hours later is Wednesday 18:00, not Saturday 16th 14:00
    SlaStopwatch resumed = paused.resume(ist("2024-03-12T10:00"));
    assertThat(resumed.deadline()).contains(ist("2024-03-13T18:00"));
  }

  @Test
  void a_hand_over_counts_the_new_week_from_the_instant_the_old_clock_ran_out() {
    SlaStopwatch l1 = SlaStopwatch.start(DHAR, BUDGET, ist("2024-03-05T11:00")); // ran out Fri 8th 18:00

    SlaStopwatch l2 = l1.handOver(BUDGET, ist("2024-03-11T12:00")); // escalated late, on Monday
    // counted from Friday 18:00: the next week's last working day, Saturday 16th 14:00
    assertThat(l2.deadline()).contains(ist("2024-03-16T14:00"));
  }

  @Test
  void london_across_the_change_to_summer_time() {
    // Good Friday 29 March 2024 closed: Thursday 28th 17:00 GMT is the last working day's close
    SlaStopwatch clock = SlaStopwatch.start(LONDON_OFFICE, BUDGET, london("2024-03-27T09:00"));
    assertThat(clock.deadline()).contains(Instant.parse("2024-03-28T17:00:00Z"));
    assertThat(clock.budget()).isEqualTo(Duration.ofHours(16));

    // paused Thursday 11:00 GMT with 6 hours left; the clocks go forward on Sunday 31st and Easter
    // Monday is closed: resumed Tuesday 09:00 BST, due 15:00 BST (14:00Z)
    SlaStopwatch resumed = clock.pause(london("2024-03-28T11:00")).resume(london("2024-04-02T09:00"));
    assertThat(resumed.deadline()).contains(Instant.parse("2024-04-02T14:00:00Z"));

    // on a 24x7 calendar the week ends at Sunday's midnight, 00:00 BST on 1 April (23:00Z): the
    // Sunday has 23 hours
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("24X7-LONDON", LONDON);
    SlaStopwatch saturday = SlaStopwatch.start(always, BUDGET, Instant.parse("2024-03-30T12:00:00Z"));
    assertThat(saturday.deadline()).contains(Instant.parse("2024-03-31T23:00:00Z"));
    assertThat(saturday.budget()).isEqualTo(Duration.ofHours(12 + 23));
  }

  @Test
  void the_budget_is_one_value_and_says_what_it_is() {
    assertThat(SlaBudget.lastWorkingDayOfWeek()).isEqualTo(new SlaBudget.LastWorkingDayOfWeek());
    assertThat(SlaBudget.lastWorkingDayOfWeek()).hasToString("by the last working day of the week");
  }
}
