package org.nivaran.grievance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * The stored form of a level's SLA clock: deadlines as it starts, pauses and resumes, the breach
 * test, and the checks on its calendar and parts.
 */
class SlaTimerTest {
  static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Monday to Friday 10:00-18:00 IST, Holi on Monday 25 March 2024. */
  static final BusinessCalendar OFFICE = BusinessCalendar.builder("OFFICE", IST)
      .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
      .holiday(LocalDate.of(2024, 3, 25), "Holi")
      .build();

  static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("24X7", IST);

  /** 16 office hours at every level. */
  static final SlaPolicy SIXTEEN_HOURS =
      SlaPolicy.builder("TWO-DAYS", "OFFICE").otherwise(SlaBudget.openTime(Duration.ofHours(16))).build();

  /** 8 office hours at every level. */
  static final SlaPolicy EIGHT_HOURS =
      SlaPolicy.builder("ONE-DAY", "OFFICE").otherwise(SlaBudget.openTime(Duration.ofHours(8))).build();

  /** 7 working days at L1, 3 at every other level. */
  static final SlaPolicy WORKING_DAYS = SlaPolicy.builder("DAYS", "OFFICE")
      .level(Level.L1, SlaBudget.workingDays(7))
      .otherwise(SlaBudget.workingDays(3))
      .build();

  /** 24 hours around the clock. */
  static final SlaPolicy DAY_AROUND_THE_CLOCK =
      SlaPolicy.builder("24H", "24X7").otherwise(SlaBudget.openTime(Duration.ofHours(24))).build();

  static Instant ist(String local) {
    return LocalDateTime.parse(local).atZone(IST).toInstant();
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines

  @Test
  void a_timer_started_on_a_monday_morning_with_sixteen_office_hours_is_due_tuesday_at_close() {
    SlaTimer t = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));

    assertThat(t.running()).isTrue();
    assertThat(t.policy()).isEqualTo(SIXTEEN_HOURS);
    assertThat(t.level()).isEqualTo(Level.L1);
    assertThat(t.budget()).isEqualTo(Duration.ofHours(16));
    assertThat(t.consumed()).isEqualTo(Duration.ZERO);
    assertThat(t.since()).isEqualTo(ist("2024-03-04T10:00"));
    assertThat(t.deadline()).contains(ist("2024-03-05T18:00"));
  }

  @Test
  void a_timer_takes_the_budget_of_its_level_from_the_policy() {
    Instant fridayEvening = ist("2024-03-22T17:30");

    SlaTimer l1 = SlaTimer.start(WORKING_DAYS, Level.L1, OFFICE, fridayEvening);
    SlaTimer l2 = SlaTimer.start(WORKING_DAYS, Level.L2, OFFICE, fridayEvening);

    // 7 working days skip the weekend and Holi: Tue 26 ... Wed 3 April, at close
    assertThat(l1.deadline()).contains(ist("2024-04-03T18:00"));
    assertThat(l1.budget()).isEqualTo(Duration.ofMinutes(30).plusHours(7 * 8));
    // 3 working days: Tue 26, Wed 27, Thu 28
    assertThat(l2.deadline()).contains(ist("2024-03-28T18:00"));
    assertThat(l2.level()).isEqualTo(Level.L2);
  }

  @Test
  void a_paused_timer_has_no_deadline_and_resuming_moves_it_by_the_office_time_lost() {
    SlaTimer running = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));

    SlaTimer paused = running.pause(OFFICE, ist("2024-03-04T14:00"));
    assertThat(paused.running()).isFalse();
    assertThat(paused.deadline()).isEmpty();
    assertThat(paused.consumed()).isEqualTo(Duration.ofHours(4));
    assertThat(paused.since()).isEqualTo(ist("2024-03-04T14:00"));
    assertThat(paused.budget()).isEqualTo(Duration.ofHours(16));

    SlaTimer resumed = paused.resume(OFFICE, ist("2024-03-06T16:00"));
    assertThat(resumed.running()).isTrue();
    assertThat(resumed.consumed()).isEqualTo(Duration.ofHours(4));
    assertThat(resumed.since()).isEqualTo(ist("2024-03-06T16:00"));
    // 12 hours left from Wednesday 16:00: 2 on Wednesday, 8 on Thursday, 2 on Friday
    assertThat(resumed.deadline()).contains(ist("2024-03-08T12:00"));
    assertThat(resumed.policy()).isEqualTo(SIXTEEN_HOURS);
    assertThat(resumed.level()).isEqualTo(Level.L1);
  }

  @Test
  void a_pause_over_a_weekend_costs_nothing_on_the_office_calendar() {
    SlaTimer t = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, ist("2024-03-08T10:00")) // Friday
        .pause(OFFICE, ist("2024-03-08T18:00"))
        .resume(OFFICE, ist("2024-03-11T10:00")); // Monday opening

    assertThat(t.consumed()).isEqualTo(Duration.ofHours(8));
    assertThat(t.deadline()).contains(ist("2024-03-11T18:00"));
  }

  @Test
  void around_the_clock_every_hour_counts_and_a_pause_shifts_the_deadline_by_its_length() {
    Instant start = ist("2024-03-09T22:00"); // a Saturday night
    SlaTimer t = SlaTimer.start(DAY_AROUND_THE_CLOCK, Level.L1, ROUND_THE_CLOCK, start);
    assertThat(t.deadline()).contains(start.plus(Duration.ofHours(24)));

    SlaTimer paused = t.pause(ROUND_THE_CLOCK, start.plus(Duration.ofHours(6)));
    assertThat(paused.consumed()).isEqualTo(Duration.ofHours(6));
    assertThat(paused.deadline()).isEmpty();

    SlaTimer resumed = paused.resume(ROUND_THE_CLOCK, start.plus(Duration.ofHours(16)));
    assertThat(resumed.deadline()).contains(start.plus(Duration.ofHours(34)));
  }

  // ---------------------------------------------------------------------------------------------
  // Breach

  @Test
  void a_timer_is_breached_from_its_deadline_on_and_not_a_nanosecond_before() {
    SlaTimer t = SlaTimer.start(EIGHT_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));
    Instant deadline = ist("2024-03-04T18:00");
    assertThat(t.deadline()).contains(deadline);

    assertThat(t.isBreached(ist("2024-03-04T10:00"))).isFalse();
    assertThat(t.isBreached(deadline.minusNanos(1))).isFalse();
    assertThat(t.isBreached(deadline)).isTrue();
    assertThat(t.isBreached(deadline.plusNanos(1))).isTrue();
    assertThat(t.isBreached(ist("2024-03-05T09:00"))).isTrue(); // closed time after the deadline
  }

  @Test
  void a_timer_paused_before_its_deadline_is_never_breached_while_paused() {
    SlaTimer paused = SlaTimer.start(EIGHT_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"))
        .pause(OFFICE, ist("2024-03-04T17:59"));

    assertThat(paused.isBreached(ist("2024-03-04T18:00"))).isFalse();
    assertThat(paused.isBreached(ist("2024-04-30T12:00"))).isFalse();
    // one minute is left when it resumes
    SlaTimer resumed = paused.resume(OFFICE, ist("2024-03-06T12:00"));
    assertThat(resumed.deadline()).contains(ist("2024-03-06T12:01"));
    assertThat(resumed.isBreached(ist("2024-03-06T12:00:59"))).isFalse();
    assertThat(resumed.isBreached(ist("2024-03-06T12:01"))).isTrue();
  }

  @Test
  void a_breach_before_a_pause_keeps_its_deadline_through_the_pause_and_the_resume() {
    SlaTimer t = SlaTimer.start(EIGHT_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));
    Instant ranOut = ist("2024-03-04T18:00");

    SlaTimer paused = t.pause(OFFICE, ist("2024-03-05T12:00")); // two office hours overdue
    assertThat(paused.running()).isFalse();
    assertThat(paused.deadline()).contains(ranOut);
    assertThat(paused.consumed()).isEqualTo(Duration.ofHours(10));
    assertThat(paused.isBreached(ist("2024-03-05T12:00"))).isTrue();

    SlaTimer resumed = paused.resume(OFFICE, ist("2024-03-08T10:00"));
    assertThat(resumed.running()).isTrue();
    assertThat(resumed.deadline()).contains(ranOut);
    assertThat(resumed.isBreached(ist("2024-03-08T10:00"))).isTrue();

    // and again through a second pause
    assertThat(resumed.pause(OFFICE, ist("2024-03-08T11:00")).deadline()).contains(ranOut);
  }

  @Test
  void a_pause_exactly_at_the_deadline_keeps_the_deadline() {
    SlaTimer paused = SlaTimer.start(EIGHT_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"))
        .pause(OFFICE, ist("2024-03-04T18:00"));

    assertThat(paused.deadline()).contains(ist("2024-03-04T18:00"));
    assertThat(paused.resume(OFFICE, ist("2024-03-07T10:00")).deadline()).contains(ist("2024-03-04T18:00"));
  }

  // ---------------------------------------------------------------------------------------------
  // The clock view

  @Test
  void the_clock_of_a_timer_agrees_with_an_sla_clock_driven_the_same_way() {
    Instant start = ist("2024-03-04T10:00");
    Instant pause = ist("2024-03-04T14:00");
    Instant resume = ist("2024-03-06T16:00");
    SlaStopwatch reference = SlaStopwatch.start(OFFICE, SlaBudget.openTime(Duration.ofHours(16)), start);
    SlaTimer timer = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, start);

    agree(timer, reference, List.of(start, ist("2024-03-04T12:30"), pause.minusNanos(1)));
    timer = timer.pause(OFFICE, pause);
    reference = reference.pause(pause);
    agree(timer, reference, List.of(pause, ist("2024-03-05T12:00"), resume));
    timer = timer.resume(OFFICE, resume);
    reference = reference.resume(resume);
    agree(timer, reference, List.of(
        resume, ist("2024-03-07T11:00"), ist("2024-03-08T12:00"), ist("2024-03-08T14:00"), ist("2024-03-11T10:00")));
  }

  @Test
  void the_clock_of_an_overdue_timer_agrees_with_an_sla_clock_through_pause_and_resume() {
    Instant start = ist("2024-03-04T10:00");
    Instant pause = ist("2024-03-05T12:00");
    Instant resume = ist("2024-03-08T10:00");
    SlaStopwatch reference = SlaStopwatch.start(OFFICE, SlaBudget.openTime(Duration.ofHours(8)), start).pause(pause);
    SlaTimer timer = SlaTimer.start(EIGHT_HOURS, Level.L1, OFFICE, start).pause(OFFICE, pause);

    agree(timer, reference, List.of(pause, ist("2024-03-06T10:00")));
    timer = timer.resume(OFFICE, resume);
    reference = reference.resume(resume);
    agree(timer, reference, List.of(resume, ist("2024-03-08T12:00"), ist("2024-03-12T17:00")));
    assertThat(timer.clock(OFFICE).remaining(ist("2024-03-08T12:00"))).isEqualTo(Duration.ofHours(-4));
  }

  @Test
  void pausing_through_the_clock_view_gives_back_the_same_timer() {
    SlaTimer running = SlaTimer.start(SIXTEEN_HOURS, Level.L2, OFFICE, ist("2024-03-04T10:00"));
    SlaStopwatch viaClock = running.clock(OFFICE).pause(ist("2024-03-04T14:00"));
    SlaTimer viaTimer = running.pause(OFFICE, ist("2024-03-04T14:00"));

    assertThat(viaClock.consumed(ist("2024-03-04T14:00"))).isEqualTo(viaTimer.consumed());
    assertThat(viaClock.deadline()).isEqualTo(viaTimer.deadline());
    assertThat(viaTimer.clock(OFFICE).isRunning()).isFalse();
    assertThat(viaTimer.clock(OFFICE).budget()).isEqualTo(Duration.ofHours(16));
  }

  private static void agree(SlaTimer timer, SlaStopwatch reference, List<Instant> instants) {
    SlaStopwatch view = timer.clock(OFFICE);
    assertThat(view.isRunning()).isEqualTo(reference.isRunning());
    assertThat(view.budget()).isEqualTo(reference.budget());
    assertThat(view.deadline()).isEqualTo(reference.deadline()).isEqualTo(timer.deadline());
    for (Instant at : instants) {
      assertThat(view.consumed(at)).as("consumed at %s", at).isEqualTo(reference.consumed(at));
      assertThat(view.remaining(at)).as("remaining at %s", at).isEqualTo(reference.remaining(at));
      assertThat(view.isBreached(at)).as("breached at %s", at).isEqualTo(reference.isBreached(at));
      assertThat(timer.isBreached(at)).as("timer breached at %s", at).isEqualTo(reference.isBreached(at));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Checks

  @Test
  void a_calendar_other_than_the_policys_is_refused_naming_the_calendar() {
    BusinessCalendar sameHoursOtherId = BusinessCalendar.builder("OTHER-OFFICE", IST)
        .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
        .build();
    SlaTimer running = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));
    SlaTimer paused = running.pause(OFFICE, ist("2024-03-04T11:00"));

    assertCalendarRefused(() -> SlaTimer.start(SIXTEEN_HOURS, Level.L1, ROUND_THE_CLOCK, ist("2024-03-04T10:00")));
    assertCalendarRefused(() -> running.pause(sameHoursOtherId, ist("2024-03-04T11:00")));
    assertCalendarRefused(() -> paused.resume(ROUND_THE_CLOCK, ist("2024-03-04T12:00")));
    assertCalendarRefused(() -> running.clock(sameHoursOtherId));
    assertCalendarRefused(() -> running.clock(null));
  }

  private static void assertCalendarRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendar"));
  }

  @Test
  void pausing_twice_or_resuming_a_running_timer_is_an_illegal_state() {
    SlaTimer running = SlaTimer.start(SIXTEEN_HOURS, Level.L1, OFFICE, ist("2024-03-04T10:00"));

    assertThatThrownBy(() -> running.resume(OFFICE, ist("2024-03-04T11:00"))).isInstanceOf(IllegalStateException.class);
    SlaTimer paused = running.pause(OFFICE, ist("2024-03-04T11:00"));
    assertThatThrownBy(() -> paused.pause(OFFICE, ist("2024-03-04T12:00"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> paused.resume(OFFICE, ist("2024-03-04T10:30")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("at"));
  }

  @Test
  void a_running_timer_needs_a_deadline() {
    assertThatThrownBy(() -> new SlaTimer(
            SIXTEEN_HOURS, Level.L1, Duration.ofHours(16), Duration.ZERO, ist("2024-03-04T10:00"), true, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
    // a paused one may have none
    SlaTimer paused = new SlaTimer(
        SIXTEEN_HOURS, Level.L1, Duration.ofHours(16), Duration.ZERO, ist("2024-03-04T10:00"), false, Optional.empty());
    assertThat(paused.deadline()).isEmpty();
  }

  @Test
  void consumed_time_must_not_be_negative() {
    assertThatThrownBy(() -> new SlaTimer(
            SIXTEEN_HOURS, Level.L1, Duration.ofHours(16), Duration.ofSeconds(-1), ist("2024-03-04T10:00"), false,
            Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("consumed"));
  }

  @Test
  void the_budget_must_be_positive() {
    for (Duration budget : List.of(Duration.ZERO, Duration.ofHours(-1))) {
      assertThatThrownBy(() -> new SlaTimer(
              SIXTEEN_HOURS, Level.L1, budget, Duration.ZERO, ist("2024-03-04T10:00"), true,
              Optional.of(ist("2024-03-05T18:00"))))
          .as("budget %s", budget)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("budget"));
    }
  }

  @Test
  void missing_parts_are_refused_by_name() {
    Instant since = ist("2024-03-04T10:00");
    Duration h = Duration.ofHours(16);
    Optional<Instant> d = Optional.of(ist("2024-03-05T18:00"));

    assertField(() -> new SlaTimer(null, Level.L1, h, Duration.ZERO, since, true, d), "policy");
    assertField(() -> new SlaTimer(SIXTEEN_HOURS, null, h, Duration.ZERO, since, true, d), "level");
    assertField(() -> new SlaTimer(SIXTEEN_HOURS, Level.L1, null, Duration.ZERO, since, true, d), "budget");
    assertField(() -> new SlaTimer(SIXTEEN_HOURS, Level.L1, h, null, since, true, d), "consumed");
    assertField(() -> new SlaTimer(SIXTEEN_HOURS, Level.L1, h, Duration.ZERO, null, true, d), "since");
    assertField(() -> new SlaTimer(SIXTEEN_HOURS, Level.L1, h, Duration.ZERO, since, true, null), "deadline");
  }

  private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void a_deadline_at_or_before_since_is_refused_while_budget_is_left() {
    Instant since = Instant.parse("2024-03-04T04:30:00Z");
    assertThatThrownBy(() -> new SlaTimer(SIXTEEN_HOURS, Level.L1, Duration.ofHours(16), Duration.ofHours(2),
            since, true, Optional.of(since.minusSeconds(3600))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
    // once the budget is spent, a deadline before since is the instant it ran out
    SlaTimer overdue = new SlaTimer(SIXTEEN_HOURS, Level.L1, Duration.ofHours(16), Duration.ofHours(16),
        since, false, Optional.of(since.minusSeconds(3600)));
    assertThat(overdue.isBreached(since)).isTrue();
  }
}
