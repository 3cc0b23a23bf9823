package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.fixtures.Fixtures;

/** Events to state: evolve and replay accept only a complaint's own log, in order. */
class EventLogTest {

  @ParameterizedTest
  @EnumSource(Status.class)
  void replaying_a_log_equals_applying_its_events_one_by_one(Status status) {
    List<ComplaintEvent> log = Fixtures.historyIn(status);
    Complaint stepwise = Lifecycle.start((ComplaintEvent.ComplaintRegistered) log.get(0));
    for (ComplaintEvent e : log.subList(1, log.size())) {
      stepwise = Lifecycle.evolve(stepwise, e);
    }

    Complaint replayed = Lifecycle.replay(log);

    assertThat(replayed).isEqualTo(stepwise);
    assertThat(replayed.status()).isEqualTo(status);
    assertThat(replayed.version()).isEqualTo(log.size());
    assertThat(replayed.updatedAt()).isEqualTo(log.get(log.size() - 1).occurredAt());
  }

  @Test
  void an_event_of_another_complaint_is_refused() {
    Complaint complaint = Fixtures.complaintIn(Status.REGISTERED);
    ComplaintEvent foreign =
        new ComplaintEvent.WorkStarted(ComplaintId.of("RPR-2024-000999"), 2, Fixtures.T0, Fixtures.AE_OFFICER);

    assertThatThrownBy(() -> Lifecycle.evolve(complaint, foreign))
        .isInstanceOf(GrievanceException.class)
        .hasMessageContaining("RPR-2024-000999");
  }

  @Test
  void an_event_out_of_sequence_is_refused() {
    Complaint assigned = Fixtures.complaintIn(Status.ASSIGNED); // version 2
    ComplaintEvent skipping = new ComplaintEvent.WorkStarted(Fixtures.ID, 4, Fixtures.T0, Fixtures.AE_OFFICER);
    ComplaintEvent repeating = new ComplaintEvent.WorkStarted(Fixtures.ID, 2, Fixtures.T0, Fixtures.AE_OFFICER);

    assertThatThrownBy(() -> Lifecycle.evolve(assigned, skipping)).isInstanceOf(GrievanceException.class);
    assertThatThrownBy(() -> Lifecycle.evolve(assigned, repeating)).isInstanceOf(GrievanceException.class);
  }

  @Test
  void a_log_must_start_with_registration() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.ASSIGNED);

    assertThatThrownBy(() -> Lifecycle.replay(List.of())).isInstanceOf(GrievanceException.class);
    assertThatThrownBy(() -> Lifecycle.replay(log.subList(1, log.size()))).isInstanceOf(GrievanceException.class);
  }

  @Test
  void a_registration_that_is_not_event_one_is_refused() {
    ComplaintEvent.ComplaintRegistered first = (ComplaintEvent.ComplaintRegistered) Fixtures.historyIn(Status.REGISTERED).get(0);
    ComplaintEvent.ComplaintRegistered second =
        new ComplaintEvent.ComplaintRegistered(first.complaintId(), 2, first.occurredAt(), first.actor(), first.kind(),
            first.channel(), first.citizen(), first.categoryCode(), first.jurisdictionCode(), first.description(),
            first.attachments(), first.idempotencyKey());

    assertThatThrownBy(() -> Lifecycle.start(second)).isInstanceOf(GrievanceException.class);
  }

  @Test
  void a_log_with_a_gap_is_refused() {
    List<ComplaintEvent> log = new ArrayList<>(Fixtures.historyIn(Status.RETURNED));
    log.remove(2);

    assertThatThrownBy(() -> Lifecycle.replay(log)).isInstanceOf(GrievanceException.class);
  }

  @Test
  void an_event_with_a_sequence_below_one_cannot_be_made() {
    assertThatThrownBy(() -> new ComplaintEvent.WorkStarted(Fixtures.ID, 0, Fixtures.T0, Fixtures.AE_OFFICER))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sequence"));
  }

  // ---------------------------------------------------------------------------------------------
  // Complaint invariants (what a storage adapter may restore)

  private static Complaint.Builder validAssigned() {
    return Complaint.builder().from(Fixtures.complaintIn(Status.ASSIGNED));
  }

  @Test
  void a_restored_complaint_equal_to_a_replayed_one_builds() {
    Complaint replayed = Fixtures.complaintIn(Status.CLOSED);

    assertThat(Complaint.builder().from(replayed).build()).isEqualTo(replayed);
  }

  @Test
  void a_complaint_below_version_one_is_refused() {
    assertThatThrownBy(() -> validAssigned().version(0).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("version"));
  }

  @Test
  void an_open_complaint_past_registration_without_assignment_is_refused() {
    Complaint registered = Fixtures.complaintIn(Status.REGISTERED);

    assertThatThrownBy(() -> Complaint.builder().from(registered).status(Status.IN_PROGRESS).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("assignment"));
  }

  @Test
  void a_closed_complaint_without_closure_and_an_open_one_with_closure_are_refused() {
    Closure closure = new Closure(ClosureKind.SATISFIED, Optional.empty(), Optional.empty(), Instant.EPOCH);

    assertThatThrownBy(() -> validAssigned().status(Status.CLOSED).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closure"));
    assertThatThrownBy(() -> validAssigned().closure(closure).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closure"));
  }

  @Test
  void a_closure_of_a_kind_the_status_does_not_take_is_refused() {
    Complaint closed = Fixtures.complaintIn(Status.CLOSED);
    Complaint rejected = Fixtures.complaintIn(Status.REJECTED);
    Closure withdrawal = new Closure(ClosureKind.WITHDRAWN, Optional.empty(), Optional.empty(), Instant.EPOCH);
    Closure satisfaction = new Closure(ClosureKind.SATISFIED, Optional.empty(), Optional.empty(), Instant.EPOCH);

    assertThatThrownBy(() -> Complaint.builder().from(closed).closure(withdrawal).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closure"));
    assertThatThrownBy(() -> Complaint.builder().from(rejected).closure(satisfaction).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closure"));
    assertThat(Complaint.builder().from(closed).closure(satisfaction).build().closure()).contains(satisfaction);
  }

  @Test
  void a_rating_outside_one_to_five_and_a_negative_count_are_refused() {
    assertThatThrownBy(() -> validAssigned().rating(6).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rating"));
    assertThatThrownBy(() -> validAssigned().returnCount(-1).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("returnCount"));
    assertThatThrownBy(() -> validAssigned().unreachableAttempts(-1).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("unreachableAttempts"));
  }

  @Test
  void a_registered_complaint_with_an_assignment_is_refused() {
    Assignment assignment = Fixtures.complaintIn(Status.ASSIGNED).assignment().orElseThrow();

    assertThatThrownBy(() -> Complaint.builder().from(Fixtures.complaintIn(Status.REGISTERED)).assignment(assignment).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("assignment"));
  }

  @Test
  void a_closure_naming_a_duplicate_must_be_a_duplicate_closure() {
    Closure outOfScopeWithDuplicate =
        new Closure(ClosureKind.OUT_OF_SCOPE, Optional.of("x"), Optional.of(ComplaintId.of("RPR-2024-000001")), Instant.EPOCH);

    assertThatThrownBy(() -> Complaint.builder().from(Fixtures.complaintIn(Status.REJECTED)).closure(outOfScopeWithDuplicate).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("closure.duplicateOf"));
  }

  @Test
  void events_refuse_what_no_command_could_produce() {
    ComplaintId id = Fixtures.ID;
    Instant at = Fixtures.T0;

    assertThatThrownBy(() -> new ComplaintEvent.CitizenSatisfied(id, 3, at, Fixtures.AGENT, Optional.of(9), Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rating"));
    assertThatThrownBy(() -> new ComplaintEvent.CitizenDissatisfied(id, 3, at, Fixtures.AGENT, Optional.of(0), "no"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rating"));
    assertThatThrownBy(() -> new ComplaintEvent.ComplaintRejected(
            id, 2, at, Fixtures.AGENT, RejectionReason.FAKE, "fake", Optional.of(ComplaintId.of("RPR-2024-000001"))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duplicateOf"));
    assertThatThrownBy(() -> new ComplaintEvent.ComplaintRejected(
            id, 2, at, Fixtures.AGENT, RejectionReason.DUPLICATE, "dup", Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duplicateOf"));
    assertThatThrownBy(() -> new ComplaintEvent.ResolutionFiled(id, 3, at, Fixtures.AE_OFFICER, "  ", List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reply"));
    assertThatThrownBy(() -> new ComplaintEvent.InformationRequested(id, 3, at, Fixtures.AE_OFFICER, "a\u0007b"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
    assertThatThrownBy(() -> new ComplaintEvent.CitizenUnreachable(id, 3, at, Fixtures.AGENT, Optional.of("")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("remark"));
  }

  @Test
  void a_restored_complaint_refuses_a_blank_description_a_time_before_registration_and_a_reply_less_resolution() {
    Complaint resolved = Fixtures.complaintIn(Status.RESOLVED);

    assertThatThrownBy(() -> Complaint.builder().from(resolved).description("\u0000").build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
    assertThatThrownBy(() -> Complaint.builder().from(resolved).updatedAt(resolved.registeredAt().minusSeconds(1)).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("updatedAt"));
    assertThatThrownBy(() -> Complaint.builder().from(resolved).resolution(Optional.empty()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("resolution"));
  }

  @Test
  void replay_refuses_a_log_that_decide_could_not_have_produced() {
    Complaint registered = Fixtures.complaintIn(Status.REGISTERED);
    ComplaintEvent satisfiedTooEarly =
        new ComplaintEvent.CitizenSatisfied(Fixtures.ID, 2, Fixtures.T0, Fixtures.AGENT, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> Lifecycle.evolve(registered, satisfiedTooEarly))
        .isInstanceOf(GrievanceException.class).hasMessageContaining("cannot follow state REGISTERED");

    Complaint assigned = Fixtures.complaintIn(Status.ASSIGNED);
    Assignment here = assigned.assignment().orElseThrow();
    Assignment up = new Assignment(Fixtures.EE, here.department(), here.level().next(), Fixtures.T0);
    Assignment twoUp = new Assignment(Fixtures.EE, here.department(), here.level().next().next(), Fixtures.T0);
    Assignment elsewhere = new Assignment(Fixtures.TEHSILDAR, here.department(), here.level(), Fixtures.T0);
    long next = assigned.version() + 1;

    assertThatThrownBy(() -> Lifecycle.evolve(assigned,
            new ComplaintEvent.ComplaintEscalated(Fixtures.ID, next, Fixtures.T0, Fixtures.CITIZEN, here, up, "r")))
        .isInstanceOf(GrievanceException.class).hasMessageContaining("by CITIZEN");
    assertThatThrownBy(() -> Lifecycle.evolve(assigned,
            new ComplaintEvent.ComplaintEscalated(Fixtures.ID, next, Fixtures.T0, Fixtures.ROUTER, here, twoUp, "r")))
        .isInstanceOf(GrievanceException.class).hasMessageContaining("one level up");
    assertThatThrownBy(() -> Lifecycle.evolve(assigned,
            new ComplaintEvent.ComplaintEscalated(Fixtures.ID, next, Fixtures.T0, Fixtures.ROUTER, elsewhere,
                new Assignment(Fixtures.EE, here.department(), here.level().next(), Fixtures.T0), "r")))
        .isInstanceOf(GrievanceException.class).hasMessageContaining("but it is at");
    assertThat(Lifecycle.evolve(assigned,
            new ComplaintEvent.ComplaintEscalated(Fixtures.ID, next, Fixtures.T0, Fixtures.ROUTER, here, up, "r")).assignment())
        .contains(up);
  }

  @Test
  void a_satisfied_verification_without_a_rating_leaves_no_earlier_rating_behind() {
    Complaint reopened = Fixtures.complaintIn(Status.REOPENED); // dissatisfied with rating 2
    assertThat(reopened.rating()).contains(2);
    Complaint resolved = Lifecycle.replay(append(Fixtures.historyIn(Status.REOPENED), reopened,
        Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER));
    Complaint closed = Lifecycle.evolve(resolved, new ComplaintEvent.CitizenSatisfied(
        Fixtures.ID, resolved.version() + 1, Fixtures.T0.plusSeconds(86400), Fixtures.AGENT, Optional.empty(), Optional.empty()));

    assertThat(closed.rating()).isEmpty();
  }

  private static List<ComplaintEvent> append(List<ComplaintEvent> history, Complaint state, ComplaintCommand command,
      org.nivaran.grievance.actor.Actor actor) {
    List<ComplaintEvent> all = new ArrayList<>(history);
    all.addAll(Lifecycle.decide(state, command, actor, state.updatedAt().plusSeconds(60)));
    return all;
  }
}
