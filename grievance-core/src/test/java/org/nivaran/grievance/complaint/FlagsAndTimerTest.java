package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.complaint.ComplaintFlag.ESCALATION_BLOCKED;
import static org.nivaran.grievance.complaint.ComplaintFlag.OVERDUE_AT_TOP;
import static org.nivaran.grievance.complaint.ComplaintFlag.TRANSFER_LIMIT_REACHED;
import static org.nivaran.grievance.complaint.ComplaintFlag.UNROUTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
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
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Flags and the SLA timer on the complaint, through {@link Lifecycle#decide} and
 * {@link Lifecycle#evolve}: which commands set them, which events clear them, and the checks on
 * {@code FLAG}, {@code SET_SLA_TIMER} and {@code REASSIGN}.
 */
class FlagsAndTimerTest {
  private static final Actor SYSTEM = Actor.system("test");
  private static final Actor AGENT = Fixtures.AGENT;
  private static final Actor CITIZEN = Fixtures.CITIZEN;
  private static final Actor SUPERVISOR = Fixtures.COLLECTOR;
  private static final Actor AE_OFFICER = Fixtures.AE_OFFICER;
  private static final Set<ComplaintFlag> ALL_BUT_UNROUTED = EnumSet.of(ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED);

  /** A complaint with the events that built it, advanced one command at a time. */
  private static final class Story {
    final List<ComplaintEvent> log = new ArrayList<>();
    Complaint state;
    Instant now = Fixtures.T0;

    Story(List<ComplaintEvent> history) {
      log.addAll(history);
      state = Lifecycle.replay(history);
      now = state.updatedAt();
    }

    static Story in(Status status) {
      return new Story(Fixtures.historyIn(status));
    }

    Story run(ComplaintCommand command, Actor actor) {
      now = now.plusSeconds(600);
      for (ComplaintEvent e : Lifecycle.decide(state, command, actor, now)) {
        log.add(e);
        state = Lifecycle.evolve(state, e);
      }
      return this;
    }

    Story flag(ComplaintFlag... flags) {
      for (ComplaintFlag f : flags) {
        run(new Flag(f, "because " + f, Optional.empty()), SYSTEM);
      }
      return this;
    }

    Story timer(Level level) {
      return run(new SetSlaTimer(Fixtures.slaTimer(level)), SYSTEM);
    }
  }

  private static final List<Status> OPEN = List.of(
      Status.REGISTERED, Status.ASSIGNED, Status.IN_PROGRESS, Status.AWAITING_CITIZEN, Status.RESOLVED,
      Status.RETURNED, Status.REOPENED);

  // ---------------------------------------------------------------------------------------------
  // FLAG

  @Test
  void a_flag_keeps_the_status_in_every_open_state() {
    for (Status status : OPEN) {
      Story s = Story.in(status);
      Complaint before = s.state;

      s.flag(ESCALATION_BLOCKED);

      assertThat(s.state.status()).as("after FLAG in %s", status).isEqualTo(status);
      assertThat(s.state.flags()).containsExactly(ESCALATION_BLOCKED);
      assertThat(s.state.assignment()).isEqualTo(before.assignment());
      assertThat(s.state.sla()).isEqualTo(before.sla());
      assertThat(s.state.version()).isEqualTo(before.version() + 1);
    }
  }

  @Test
  void a_flag_event_records_its_detail_and_the_post_asked_to_act() {
    PostId nodal = PostId.of("NODAL-RAIPUR");
    Story s = Story.in(Status.ASSIGNED)
        .run(new Flag(ESCALATION_BLOCKED, "no post above AE", Optional.of(nodal)), SYSTEM);

    assertThat(s.log.get(s.log.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.ComplaintFlagged.class, e -> {
      assertThat(e.flag()).isEqualTo(ESCALATION_BLOCKED);
      assertThat(e.detail()).isEqualTo("no post above AE");
      assertThat(e.attention()).contains(nodal);
    });
  }

  @Test
  void a_flag_set_already_is_refused_naming_the_flag_but_another_flag_is_added() {
    Story s = Story.in(Status.IN_PROGRESS).flag(OVERDUE_AT_TOP);

    assertThatThrownBy(() -> s.flag(OVERDUE_AT_TOP))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("flag"));
    s.flag(TRANSFER_LIMIT_REACHED);
    assertThat(s.state.flags()).containsExactlyInAnyOrder(OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED);
  }

  @Test
  void a_log_that_sets_a_flag_twice_is_corrupt() {
    Story s = Story.in(Status.ASSIGNED).flag(ESCALATION_BLOCKED);
    ComplaintEvent again = new ComplaintEvent.ComplaintFlagged(
        s.state.id(), s.state.version() + 1, s.now.plusSeconds(1), SYSTEM, ESCALATION_BLOCKED, "again", Optional.empty());

    assertThatThrownBy(() -> Lifecycle.evolve(s.state, again)).isInstanceOf(GrievanceException.class);
  }

  @Test
  void only_agents_supervisors_and_the_system_flag_and_not_after_closure() {
    assertThatThrownBy(() -> Story.in(Status.ASSIGNED).run(new Flag(UNROUTED, "x", Optional.empty()), AE_OFFICER))
        .isInstanceOf(ActorNotPermittedException.class);
    assertThatThrownBy(() -> Story.in(Status.CLOSED).flag(ESCALATION_BLOCKED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(Story.in(Status.ASSIGNED).run(new Flag(UNROUTED, "x", Optional.empty()), SUPERVISOR).state.flags())
        .containsExactly(UNROUTED);
  }

  // ---------------------------------------------------------------------------------------------
  // What clears flags and the timer

  @Test
  void every_move_to_another_post_clears_all_flags_and_the_timer() {
    List<ComplaintCommand> moves = List.of(
        new Escalate(Fixtures.EE, "time ran out"),
        new Transfer(Fixtures.TEHSILDAR, Fixtures.REVENUE, Level.L1, "land matter"),
        new Reassign(Fixtures.EE, Level.L2, "AE on leave"));
    for (ComplaintCommand move : moves) {
      Story s = Story.in(Status.IN_PROGRESS).timer(Level.L1).flag(ESCALATION_BLOCKED, TRANSFER_LIMIT_REACHED);
      assertThat(s.state.sla()).isPresent();

      s.run(move, SUPERVISOR);

      assertThat(s.state.flags()).as("flags after %s", move.type()).isEmpty();
      assertThat(s.state.sla()).as("timer after %s", move.type()).isEmpty();
      assertThat(s.state.dueAt()).isEmpty();
    }
  }

  @Test
  void the_first_assignment_clears_the_unrouted_flag() {
    Story s = Story.in(Status.REGISTERED).flag(UNROUTED, TRANSFER_LIMIT_REACHED);

    s.run(new Assign(Fixtures.AE, Fixtures.ENERGY, Level.L1), AGENT);

    assertThat(s.state.flags()).isEmpty();
    assertThat(s.state.sla()).isEmpty();
  }

  @Test
  void a_reply_clears_only_the_escalation_flags_and_keeps_the_timer() {
    Story s = Story.in(Status.IN_PROGRESS).timer(Level.L1).flag(ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED);
    SlaTimer timer = s.state.sla().orElseThrow();

    s.run(new Resolve("transformer replaced", List.of()), AE_OFFICER);

    assertThat(s.state.flags()).containsExactly(TRANSFER_LIMIT_REACHED);
    assertThat(s.state.sla()).contains(timer);
  }

  @Test
  void a_dissatisfied_citizen_clears_only_the_escalation_flags() {
    Story s = Story.in(Status.RESOLVED).flag(ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED);

    s.run(new ReportDissatisfied(Optional.of(1), "still no power"), CITIZEN);

    assertThat(s.state.status()).isEqualTo(Status.REOPENED);
    assertThat(s.state.flags()).containsExactly(TRANSFER_LIMIT_REACHED);
  }

  @Test
  void a_reopening_clears_only_the_escalation_flags() {
    // a closed complaint has no flags through Lifecycle; a restored one might
    Complaint closed = Complaint.builder().from(Fixtures.complaintIn(Status.CLOSED))
        .flags(EnumSet.of(ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED))
        .build();
    Instant now = closed.updatedAt().plusSeconds(60);

    Complaint reopened = Lifecycle.evolve(closed, Lifecycle.decide(closed, new Reopen("failed again"), CITIZEN, now).get(0));

    assertThat(reopened.status()).isEqualTo(Status.REOPENED);
    assertThat(reopened.flags()).containsExactly(TRANSFER_LIMIT_REACHED);
  }

  @Test
  void closures_clear_every_flag() {
    record Closing(Status from, ComplaintCommand command, Actor actor) {}
    List<Closing> closings = List.of(
        new Closing(Status.RESOLVED, new ConfirmSatisfied(Optional.of(5), Optional.empty()), CITIZEN),
        new Closing(Status.IN_PROGRESS, new SpecialClose("sub judice"), SUPERVISOR),
        new Closing(Status.IN_PROGRESS, new Reject(RejectionReason.OUT_OF_SCOPE, "private", Optional.empty()), AGENT),
        new Closing(Status.REGISTERED, new Reject(RejectionReason.FAKE, "no such place", Optional.empty()), AGENT),
        new Closing(Status.AWAITING_CITIZEN, new Withdraw(Optional.empty()), CITIZEN));
    for (Closing closing : closings) {
      Story s = Story.in(closing.from());
      s.flag(closing.from() == Status.REGISTERED ? UNROUTED : ESCALATION_BLOCKED, TRANSFER_LIMIT_REACHED);

      s.run(closing.command(), closing.actor());

      assertThat(s.state.status().isOpen()).isFalse();
      assertThat(s.state.flags()).as("flags after %s from %s", closing.command().type(), closing.from()).isEmpty();
    }
  }

  @Test
  void other_events_keep_every_flag() {
    Story s = Story.in(Status.ASSIGNED).timer(Level.L1).flag(ESCALATION_BLOCKED, OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED);

    s.run(new StartWork(), AE_OFFICER);
    assertThat(s.state.flags()).isEqualTo(ALL_BUT_UNROUTED);
    s.run(new RequestInformation("bill please"), AE_OFFICER);
    assertThat(s.state.flags()).isEqualTo(ALL_BUT_UNROUTED);
    s.run(new ProvideInformation("sent", List.of()), CITIZEN);
    assertThat(s.state.flags()).isEqualTo(ALL_BUT_UNROUTED);
    s.timer(Level.L1);
    assertThat(s.state.flags()).isEqualTo(ALL_BUT_UNROUTED);

    Story resolved = Story.in(Status.RESOLVED).flag(ESCALATION_BLOCKED, TRANSFER_LIMIT_REACHED);
    resolved.run(new RecordUnreachable(Optional.empty()), AGENT);
    assertThat(resolved.state.flags()).containsExactlyInAnyOrder(ESCALATION_BLOCKED, TRANSFER_LIMIT_REACHED);
    resolved.run(new ReturnReply("incomplete"), SUPERVISOR);
    assertThat(resolved.state.flags()).containsExactlyInAnyOrder(ESCALATION_BLOCKED, TRANSFER_LIMIT_REACHED);
  }

  @Test
  void an_escalation_flag_hides_the_deadline_and_clearing_it_brings_the_deadline_back() {
    Story s = Story.in(Status.IN_PROGRESS).timer(Level.L1);
    Instant deadline = s.state.sla().orElseThrow().deadline().orElseThrow();
    assertThat(s.state.dueAt()).contains(deadline);

    s.flag(TRANSFER_LIMIT_REACHED);
    assertThat(s.state.dueAt()).as("not an escalation flag").contains(deadline);
    s.flag(OVERDUE_AT_TOP);
    assertThat(s.state.dueAt()).isEmpty();

    s.run(new Resolve("done", List.of()), AE_OFFICER).run(new ReturnReply("not done"), SUPERVISOR);
    assertThat(s.state.dueAt()).contains(deadline);
  }

  // ---------------------------------------------------------------------------------------------
  // SET_SLA_TIMER

  @Test
  void a_timer_at_the_complaints_level_is_recorded_and_keeps_the_status() {
    Story s = Story.in(Status.AWAITING_CITIZEN);
    SlaTimer paused = Fixtures.slaTimer(Level.L1).pause(Fixtures.ROUND_THE_CLOCK, Fixtures.T0.plusSeconds(3600));

    s.run(new SetSlaTimer(paused), SYSTEM);

    assertThat(s.state.status()).isEqualTo(Status.AWAITING_CITIZEN);
    assertThat(s.state.sla()).contains(paused);
  }

  @Test
  void a_timer_at_another_level_is_refused_naming_its_level() {
    Story s = Story.in(Status.ASSIGNED);

    assertThatThrownBy(() -> s.timer(Level.L2))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("timer.level"));
    assertThat(s.state.sla()).isEmpty();
  }

  @Test
  void only_the_system_sets_a_timer_and_only_on_an_assigned_open_complaint() {
    assertThatThrownBy(() -> Story.in(Status.ASSIGNED).run(new SetSlaTimer(Fixtures.slaTimer(Level.L1)), SUPERVISOR))
        .isInstanceOf(ActorNotPermittedException.class);
    assertThatThrownBy(() -> Story.in(Status.REGISTERED).timer(Level.L1)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> Story.in(Status.CLOSED).timer(Level.L1)).isInstanceOf(IllegalTransitionException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // REASSIGN

  @Test
  void a_reassignment_moves_to_another_post_of_the_same_department_at_the_given_level() {
    Story s = Story.in(Status.RETURNED).timer(Level.L1);
    Assignment from = s.state.assignment().orElseThrow();

    s.run(new Reassign(Fixtures.EE, Level.L2, "AE on leave"), AGENT);

    assertThat(s.state.status()).isEqualTo(Status.ASSIGNED);
    assertThat(s.state.post()).contains(Fixtures.EE);
    assertThat(s.state.level()).contains(Level.L2);
    assertThat(s.state.assignment().orElseThrow().department()).isEqualTo(Fixtures.ENERGY);
    assertThat(s.state.assignment().orElseThrow().since()).isEqualTo(s.now);
    assertThat(s.state.transferCount()).isZero();
    assertThat(s.log.get(s.log.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.ComplaintReassigned.class, e -> {
      assertThat(e.from()).isEqualTo(from);
      assertThat(e.to()).isEqualTo(s.state.assignment().orElseThrow());
    });
  }

  @Test
  void a_reassignment_to_the_same_post_is_refused_even_at_another_level() {
    Story s = Story.in(Status.ASSIGNED);

    assertThatThrownBy(() -> s.run(new Reassign(Fixtures.AE, Level.L2, "same desk"), AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toPost"));
    assertThat(s.state.post()).contains(Fixtures.AE);
  }

  @Test
  void a_reassignment_cannot_change_department_not_even_in_a_forged_log() {
    Story s = Story.in(Status.ASSIGNED);
    Assignment from = s.state.assignment().orElseThrow();
    Instant at = s.now.plusSeconds(60);
    ComplaintEvent toRevenue = new ComplaintEvent.ComplaintReassigned(
        s.state.id(), s.state.version() + 1, at, AGENT, from,
        new Assignment(Fixtures.TEHSILDAR, Fixtures.REVENUE, Level.L1, at), "forged");
    ComplaintEvent toSamePost = new ComplaintEvent.ComplaintReassigned(
        s.state.id(), s.state.version() + 1, at, AGENT, from,
        new Assignment(Fixtures.AE, Fixtures.ENERGY, Level.L2, at), "forged");

    assertThatThrownBy(() -> Lifecycle.evolve(s.state, toRevenue)).isInstanceOf(GrievanceException.class);
    assertThatThrownBy(() -> Lifecycle.evolve(s.state, toSamePost)).isInstanceOf(GrievanceException.class);
  }

  @Test
  void officers_and_citizens_may_not_reassign_and_it_is_only_for_workable_states() {
    assertThatThrownBy(() -> Story.in(Status.ASSIGNED).run(new Reassign(Fixtures.EE, Level.L2, "x"), AE_OFFICER))
        .isInstanceOf(ActorNotPermittedException.class);
    assertThatThrownBy(() -> Story.in(Status.ASSIGNED).run(new Reassign(Fixtures.EE, Level.L2, "x"), CITIZEN))
        .isInstanceOf(ActorNotPermittedException.class);
    for (Status status : List.of(Status.REGISTERED, Status.AWAITING_CITIZEN, Status.RESOLVED, Status.CLOSED)) {
      assertThatThrownBy(() -> Story.in(status).run(new Reassign(Fixtures.EE, Level.L2, "x"), AGENT))
          .as("REASSIGN in %s", status)
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Replay

  @Test
  void replaying_the_log_rebuilds_the_same_complaint_with_its_flags_and_timer() {
    Story s = Story.in(Status.ASSIGNED)
        .timer(Level.L1)
        .flag(TRANSFER_LIMIT_REACHED)
        .run(new StartWork(), AE_OFFICER)
        .run(new RequestInformation("bill please"), AE_OFFICER);
    s.run(new SetSlaTimer(s.state.sla().orElseThrow().pause(Fixtures.ROUND_THE_CLOCK, s.now)), SYSTEM)
        .run(new ProvideInformation("sent", List.of()), CITIZEN)
        .flag(ESCALATION_BLOCKED)
        .run(new Reassign(Fixtures.EE, Level.L2, "AE on leave"), AGENT)
        .timer(Level.L2)
        .flag(OVERDUE_AT_TOP, TRANSFER_LIMIT_REACHED)
        .run(new Resolve("done", List.of()), Actor.officer("OFF-0007", Fixtures.EE))
        .flag(ESCALATION_BLOCKED);

    Complaint replayed = Lifecycle.replay(s.log);

    assertThat(replayed).isEqualTo(s.state);
    assertThat(replayed.flags()).containsExactlyInAnyOrder(TRANSFER_LIMIT_REACHED, ESCALATION_BLOCKED);
    assertThat(replayed.sla()).hasValueSatisfying(t -> assertThat(t.level()).isEqualTo(Level.L2));
    assertThat(replayed.version()).isEqualTo(s.log.size());
  }
}
