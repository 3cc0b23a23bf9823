package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.calendar.UnknownCalendarException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Escalate;
import org.nivaran.grievance.complaint.ComplaintCommand.Flag;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Reassign;
import org.nivaran.grievance.complaint.ComplaintCommand.RecordUnreachable;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.Reopen;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.SetSlaTimer;
import org.nivaran.grievance.complaint.ComplaintCommand.SpecialClose;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Transfer;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * The {@link Timekeeper}'s table, row by row: what each event does to the clock of the current
 * level. Budgets are round-the-clock hours (10 at L1, 20 at L2, 30 at L3, 40 otherwise) so every
 * deadline is plain arithmetic.
 */
class TimekeeperTest {
  private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");
  private static final BusinessCalendar CLOCK = BusinessCalendar.twentyFourSeven("24X7", ZoneOffset.UTC);
  private static final Timekeeper TIMEKEEPER = new Timekeeper(CalendarRegistry.of(CLOCK));

  private static final SlaPolicy HOURS = SlaPolicy.builder("HOURS", "24X7")
      .level(Level.L1, SlaBudget.openTime(Duration.ofHours(10)))
      .level(Level.L2, SlaBudget.openTime(Duration.ofHours(20)))
      .level(Level.L3, SlaBudget.openTime(Duration.ofHours(30)))
      .otherwise(SlaBudget.openTime(Duration.ofHours(40)))
      .build();
  /** Another policy, which a complaint that recorded {@link #HOURS} must not pick up. */
  private static final SlaPolicy OTHER =
      SlaPolicy.builder("OTHER", "24X7").otherwise(SlaBudget.openTime(Duration.ofHours(99))).build();

  private static final PostId AE = Fixtures.AE;
  private static final PostId EE = Fixtures.EE;
  private static final Actor SYSTEM = Actor.system("test");
  private static final Actor SUPERVISOR = Fixtures.COLLECTOR;
  private static final Actor CITIZEN = Fixtures.CITIZEN;
  private static final Actor AGENT = Fixtures.AGENT;

  private static Instant hours(int h) {
    return T0.plus(Duration.ofHours(h));
  }

  /** One event applied: the complaint before, the event, the complaint after. */
  private record Step(Complaint before, ComplaintEvent event, Complaint after) {
    Optional<SlaTimer> timer(Supplier<Optional<SlaPolicy>> policyForNew) {
      return TIMEKEEPER.after(before, event, after, policyForNew);
    }

    /** The timer, for an event that must not look up a policy for a new complaint. */
    Optional<SlaTimer> timer() {
      return timer(() -> {
        throw new AssertionError("policyForNew consulted for a complaint that recorded a policy");
      });
    }
  }

  private static Step step(Complaint c, ComplaintCommand command, Actor actor, Instant at) {
    List<ComplaintEvent> events = Lifecycle.decide(c, command, actor, at);
    assertThat(events).hasSize(1);
    return new Step(c, events.get(0), Lifecycle.evolve(c, events.get(0)));
  }

  private static Complaint apply(Complaint c, ComplaintCommand command, Actor actor, Instant at) {
    return step(c, command, actor, at).after();
  }

  private static Actor officer(Complaint c) {
    return Actor.officer("OFF-1", c.post().orElseThrow());
  }

  private static Complaint registered() {
    return Lifecycle.start(Lifecycle.register(ComplaintId.of("RPR-2024-000001"), Fixtures.request(), AGENT, T0));
  }

  /** Assigned to the AE at L1 at T0 with the {@link #HOURS} clock running: due at 10 h. */
  private static Complaint runningAtAe() {
    Complaint c = apply(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, T0);
    return apply(c, new SetSlaTimer(SlaTimer.start(HOURS, Level.L1, CLOCK, T0)), SYSTEM, T0);
  }

  private static Complaint withTimer(Complaint c, SlaTimer timer, Instant at) {
    return apply(c, new SetSlaTimer(timer), SYSTEM, at);
  }

  // ---------------------------------------------------------------------------------------------
  // Moves

  @Test
  void a_first_assignment_starts_the_clock_with_the_policy_for_new_complaints() {
    AtomicInteger lookups = new AtomicInteger();
    Step s = step(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, hours(1));

    Optional<SlaTimer> t = s.timer(() -> {
      lookups.incrementAndGet();
      return Optional.of(HOURS);
    });

    assertThat(lookups).hasValue(1);
    assertThat(t).hasValueSatisfying(timer -> {
      assertThat(timer.policy()).isEqualTo(HOURS);
      assertThat(timer.level()).isEqualTo(Level.L1);
      assertThat(timer.running()).isTrue();
      assertThat(timer.since()).isEqualTo(hours(1));
      assertThat(timer.deadline()).contains(hours(11));
    });
  }

  @Test
  void an_assignment_with_no_policy_for_the_complaint_starts_no_clock() {
    Step s = step(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, hours(1));

    assertThat(s.timer(Optional::empty)).isEmpty();
  }

  @Test
  void a_transfer_starts_the_clock_at_the_new_level_with_the_recorded_policy_from_the_transfer() {
    Step s = step(runningAtAe(), new Transfer(Fixtures.TEHSILDAR, Fixtures.REVENUE, Level.L3, "land"), SUPERVISOR, hours(4));

    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.policy()).isEqualTo(HOURS);
      assertThat(t.level()).isEqualTo(Level.L3);
      assertThat(t.since()).isEqualTo(hours(4));
      assertThat(t.deadline()).contains(hours(34));
    });
  }

  @Test
  void a_reassignment_starts_the_clock_at_the_new_level_with_the_recorded_policy_from_the_reassignment() {
    Step s = step(runningAtAe(), new Reassign(EE, Level.L2, "AE on leave"), AGENT, hours(3));

    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.policy()).isEqualTo(HOURS);
      assertThat(t.level()).isEqualTo(Level.L2);
      assertThat(t.deadline()).contains(hours(23));
    });
  }

  @Test
  void a_move_of_a_complaint_that_recorded_no_policy_uses_the_policy_for_new_complaints() {
    Complaint noTimer = apply(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, T0);
    Step s = step(noTimer, new Reassign(EE, Level.L2, "AE on leave"), AGENT, hours(3));

    assertThat(s.timer(() -> Optional.of(OTHER))).hasValueSatisfying(t -> {
      assertThat(t.policy()).isEqualTo(OTHER);
      assertThat(t.deadline()).contains(hours(102));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Escalation

  @Test
  void a_late_escalation_starts_the_new_level_from_the_instant_the_old_one_ran_out() {
    Step s = step(runningAtAe(), new Escalate(EE, "time ran out"), SYSTEM, hours(15)); // due at 10 h, swept at 15 h

    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.level()).isEqualTo(Level.L2);
      assertThat(t.since()).isEqualTo(hours(10));
      assertThat(t.deadline()).contains(hours(30));
    });
  }

  @Test
  void an_early_escalation_starts_the_new_level_from_the_escalation() {
    Step s = step(runningAtAe(), new Escalate(EE, "the collector moved it up"), SUPERVISOR, hours(4));

    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.since()).isEqualTo(hours(4));
      assertThat(t.deadline()).contains(hours(24));
    });
  }

  @Test
  void an_escalation_off_the_stuck_list_gives_the_new_level_its_whole_budget_from_now() {
    Complaint stuck = apply(runningAtAe(), new Flag(ComplaintFlag.ESCALATION_BLOCKED, "EE vacant", Optional.empty()),
        SYSTEM, hours(10));
    Step s = step(stuck, new Escalate(EE, "stuck escalation unblocked"), SYSTEM, hours(50));

    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.since()).isEqualTo(hours(50));
      assertThat(t.deadline()).contains(hours(70));
    });
  }

  @Test
  void an_escalation_overdue_at_the_top_flag_does_not_count_as_the_stuck_list() {
    Complaint flagged = apply(runningAtAe(), new Flag(ComplaintFlag.OVERDUE_AT_TOP, "top rung", Optional.empty()),
        SYSTEM, hours(10));
    Step s = step(flagged, new Escalate(EE, "the collector moved it up"), SUPERVISOR, hours(15));

    assertThat(s.timer()).hasValueSatisfying(t -> assertThat(t.since()).isEqualTo(hours(10)));
  }

  @Test
  void an_escalation_of_a_paused_overdue_clock_charges_the_new_level_the_time_late_but_not_the_wait() {
    Complaint c = runningAtAe();
    SlaTimer pausedLate = c.sla().orElseThrow().pause(CLOCK, hours(12)); // ran out at 10 h, paused at 12 h
    c = withTimer(c, pausedLate, hours(12));
    Step s = step(c, new Escalate(EE, "the collector moved it up"), SUPERVISOR, hours(20));

    // L2 counts from 10 h: the 2 h run late before the pause are its; the 8 h waited are no one's
    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.level()).isEqualTo(Level.L2);
      assertThat(t.consumed()).isEqualTo(Duration.ofHours(2));
      assertThat(t.since()).isEqualTo(hours(20));
      assertThat(t.running()).isTrue();
      assertThat(t.deadline()).contains(hours(38)); // 20 h + (20 h budget - 2 h)
    });
  }

  @Test
  void an_escalation_after_a_wait_begun_past_the_deadline_excludes_the_wait_from_the_new_level() {
    Complaint c = runningAtAe(); // ran out at 10 h
    c = apply(c, new RequestInformation("bill please"), officer(c), hours(13));
    c = withTimer(c, c.sla().orElseThrow().pause(CLOCK, hours(13)), hours(13));
    c = apply(c, new ProvideInformation("sent", List.of()), AGENT, hours(40));
    c = withTimer(c, c.sla().orElseThrow().resume(CLOCK, hours(40)), hours(40));
    assertThat(c.sla().orElseThrow().deadline()).as("the breach is kept through the wait").contains(hours(10));

    Step s = step(c, new Escalate(EE, "time ran out"), SYSTEM, hours(45));

    // 3 h late before the wait, 27 h waited, 5 h late after it: L2 has used 8 h of its 20
    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.consumed()).isEqualTo(Duration.ofHours(8));
      assertThat(t.since()).isEqualTo(hours(45));
      assertThat(t.deadline()).contains(hours(57));
    });
  }

  @Test
  void an_escalation_whose_late_time_spends_the_new_budget_too_records_when_it_ran_out() {
    Complaint c = runningAtAe(); // ran out at 10 h
    c = apply(c, new RequestInformation("bill please"), officer(c), hours(25));
    c = withTimer(c, c.sla().orElseThrow().pause(CLOCK, hours(25)), hours(25));
    c = apply(c, new ProvideInformation("sent", List.of()), AGENT, hours(30));
    c = withTimer(c, c.sla().orElseThrow().resume(CLOCK, hours(30)), hours(30));

    Step s = step(c, new Escalate(EE, "time ran out"), SYSTEM, hours(40));

    // 15 h late before the wait, 10 h after it: L2's 20 h ran out 5 h after the answer, at 35 h
    assertThat(s.timer()).hasValueSatisfying(t -> {
      assertThat(t.consumed()).isEqualTo(Duration.ofHours(25));
      assertThat(t.deadline()).contains(hours(35));
      assertThat(t.isBreached(hours(40))).isTrue();
    });
  }

  @Test
  void an_escalation_of_a_paused_clock_with_time_left_starts_from_the_escalation() {
    Complaint c = runningAtAe();
    c = withTimer(c, c.sla().orElseThrow().pause(CLOCK, hours(2)), hours(2));
    Step s = step(c, new Escalate(EE, "the collector moved it up"), SUPERVISOR, hours(20));

    assertThat(s.timer()).hasValueSatisfying(t -> assertThat(t.since()).isEqualTo(hours(20)));
  }

  // ---------------------------------------------------------------------------------------------
  // Pauses and resumes

  @Test
  void asking_the_citizen_pauses_the_clock_and_the_answer_resumes_it_with_the_budget_left() {
    Complaint c = runningAtAe();
    Step asked = step(c, new RequestInformation("bill please"), officer(c), hours(4));

    SlaTimer paused = asked.timer().orElseThrow();
    assertThat(paused.running()).isFalse();
    assertThat(paused.consumed()).isEqualTo(Duration.ofHours(4));
    assertThat(paused.deadline()).isEmpty();

    Complaint waiting = withTimer(asked.after(), paused, hours(4));
    Step answered = step(waiting, new ProvideInformation("sent", List.of()), CITIZEN, hours(30));

    SlaTimer resumed = answered.timer().orElseThrow();
    assertThat(resumed.running()).isTrue();
    assertThat(resumed.since()).isEqualTo(hours(30));
    assertThat(resumed.deadline()).contains(hours(36)); // 6 hours were left
  }

  @Test
  void a_reply_pauses_the_clock_and_a_returned_reply_resumes_it() {
    Complaint c = runningAtAe();
    Step replied = step(c, new Resolve("done", List.of()), officer(c), hours(7));

    SlaTimer paused = replied.timer().orElseThrow();
    assertThat(paused.running()).isFalse();
    assertThat(paused.consumed()).isEqualTo(Duration.ofHours(7));

    Complaint resolved = withTimer(replied.after(), paused, hours(7));
    Step returned = step(resolved, new ReturnReply("incomplete"), SUPERVISOR, hours(20));

    assertThat(returned.timer()).hasValueSatisfying(t -> {
      assertThat(t.running()).isTrue();
      assertThat(t.deadline()).contains(hours(23));
    });
  }

  @Test
  void a_pause_of_a_paused_clock_and_a_resume_of_a_running_clock_change_nothing() {
    Complaint c = runningAtAe();
    Complaint paused = withTimer(c, c.sla().orElseThrow().pause(CLOCK, hours(1)), hours(1));
    Complaint returned = apply(apply(c, new Resolve("done", List.of()), officer(c), hours(2)),
        new ReturnReply("incomplete"), SUPERVISOR, hours(3)); // the clock was never paused: still running

    assertThat(step(paused, new RequestInformation("more"), officer(paused), hours(2)).timer()).isEmpty();
    assertThat(step(paused, new Resolve("done", List.of()), officer(paused), hours(2)).timer()).isEmpty();
    Complaint resolvedAgain = apply(returned, new Resolve("done", List.of()), officer(returned), hours(4));
    assertThat(step(resolvedAgain, new ReturnReply("again"), SUPERVISOR, hours(5)).timer())
        .as("resumes a running clock")
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Restarts

  @Test
  void a_dissatisfied_citizen_restarts_the_same_levels_clock_from_then() {
    Complaint c = runningAtAe();
    Step replied = step(c, new Resolve("done", List.of()), officer(c), hours(3));
    Complaint resolved = withTimer(replied.after(), replied.timer().orElseThrow(), hours(3));

    Step dissatisfied = step(resolved, new ReportDissatisfied(Optional.of(1), "nothing changed"), CITIZEN, hours(40));

    assertThat(dissatisfied.timer()).hasValueSatisfying(t -> {
      assertThat(t.level()).isEqualTo(Level.L1);
      assertThat(t.policy()).isEqualTo(HOURS);
      assertThat(t.consumed()).isEqualTo(Duration.ZERO);
      assertThat(t.since()).isEqualTo(hours(40));
      assertThat(t.deadline()).contains(hours(50));
    });
  }

  @Test
  void a_reopened_complaint_restarts_the_same_levels_clock_from_then() {
    Complaint c = runningAtAe();
    Complaint closed = apply(apply(c, new Resolve("done", List.of()), officer(c), hours(3)),
        new ConfirmSatisfied(Optional.of(5), Optional.empty()), CITIZEN, hours(4));

    Step reopened = step(closed, new Reopen("failed again"), CITIZEN, hours(100));

    assertThat(reopened.timer()).hasValueSatisfying(t -> {
      assertThat(t.level()).isEqualTo(Level.L1);
      assertThat(t.since()).isEqualTo(hours(100));
      assertThat(t.deadline()).contains(hours(110));
    });
  }

  @Test
  void a_reopened_complaint_that_recorded_no_policy_gets_no_clock() {
    Complaint c = apply(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, T0);
    Complaint closed = apply(apply(c, new Resolve("done", List.of()), officer(c), hours(3)),
        new ConfirmSatisfied(Optional.empty(), Optional.empty()), CITIZEN, hours(4));

    Step reopened = step(closed, new Reopen("failed again"), CITIZEN, hours(10));

    assertThat(reopened.timer(() -> Optional.of(OTHER))).isEmpty();
  }

  @Test
  void restart_starts_the_current_levels_clock_again_from_the_given_instant() {
    Complaint c = runningAtAe();

    assertThat(TIMEKEEPER.restart(c, hours(10))).hasValueSatisfying(t -> {
      assertThat(t.level()).isEqualTo(Level.L1);
      assertThat(t.policy()).isEqualTo(HOURS);
      assertThat(t.deadline()).contains(hours(20));
    });
    Complaint noTimer = apply(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, T0);
    assertThat(TIMEKEEPER.restart(noTimer, hours(10))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Everything else

  @Test
  void other_events_leave_the_clock_unchanged() {
    Complaint c = runningAtAe();
    Complaint resolved = apply(c, new Resolve("done", List.of()), officer(c), hours(2));

    List<Step> steps = List.of(
        step(c, new StartWork(), officer(c), hours(1)),
        step(c, new Flag(ComplaintFlag.OVERDUE_AT_TOP, "top", Optional.empty()), SYSTEM, hours(1)),
        step(c, new SetSlaTimer(SlaTimer.start(HOURS, Level.L1, CLOCK, hours(1))), SYSTEM, hours(1)),
        step(c, new Reject(RejectionReason.OUT_OF_SCOPE, "private", Optional.empty()), AGENT, hours(1)),
        step(c, new SpecialClose("sub judice"), SUPERVISOR, hours(1)),
        step(c, new Withdraw(Optional.empty()), CITIZEN, hours(1)),
        step(resolved, new RecordUnreachable(Optional.empty()), AGENT, hours(3)),
        step(resolved, new ConfirmSatisfied(Optional.empty(), Optional.empty()), CITIZEN, hours(3)));

    for (Step s : steps) {
      assertThat(s.timer()).as(s.event().getClass().getSimpleName()).isEmpty();
    }
  }

  @Test
  void events_on_a_complaint_without_a_clock_leave_it_without_one() {
    Complaint c = apply(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, T0);

    assertThat(step(c, new RequestInformation("bill"), officer(c), hours(1)).timer(() -> Optional.of(OTHER))).isEmpty();
    assertThat(step(c, new Resolve("done", List.of()), officer(c), hours(1)).timer(() -> Optional.of(OTHER))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Calendars

  @Test
  void a_policy_counting_on_an_unregistered_calendar_is_an_unknown_calendar() {
    SlaPolicy elsewhere = SlaPolicy.builder("ELSEWHERE", "NOWHERE").otherwise(SlaBudget.workingDays(7)).build();
    Step assign = step(registered(), new Assign(AE, Fixtures.ENERGY, Level.L1), SYSTEM, hours(1));

    assertThatThrownBy(() -> assign.timer(() -> Optional.of(elsewhere)))
        .isInstanceOfSatisfying(UnknownCalendarException.class, e -> assertThat(e.calendarId()).isEqualTo("NOWHERE"));

    Timekeeper withoutCalendars = new Timekeeper(CalendarRegistry.empty());
    Complaint c = runningAtAe();
    Step asked = step(c, new RequestInformation("bill"), officer(c), hours(1));
    assertThatThrownBy(() -> withoutCalendars.after(asked.before(), asked.event(), asked.after(), Optional::empty))
        .isInstanceOfSatisfying(UnknownCalendarException.class, e -> assertThat(e.calendarId()).isEqualTo("24X7"));
    assertThatThrownBy(() -> withoutCalendars.restart(c, hours(10))).isInstanceOf(UnknownCalendarException.class);
  }
}
