package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.fixtures.Fixtures;

/** What each accepted command does to the complaint, beyond its status. */
class CommandEffectsTest {
  private static final Instant LATER = Fixtures.T0.plusSeconds(86_400);

  private static Complaint apply(Complaint c, ComplaintCommand command, Actor actor) {
    Complaint next = c;
    for (ComplaintEvent e : Lifecycle.decide(c, command, actor, LATER)) {
      next = Lifecycle.evolve(next, e);
    }
    return next;
  }

  private static Complaint apply(Complaint c, CommandType type, Actor actor) {
    return apply(c, Fixtures.command(type), actor);
  }

  @Test
  void assignment_records_post_department_level_and_since() {
    Complaint assigned =
        apply(Fixtures.complaintIn(Status.REGISTERED), new ComplaintCommand.Assign(Fixtures.EE, "ENERGY", Level.L2),
            Fixtures.AGENT);

    assertThat(assigned.assignment()).contains(new Assignment(Fixtures.EE, "ENERGY", Level.L2, LATER));
    assertThat(assigned.post()).contains(Fixtures.EE);
    assertThat(assigned.level()).contains(Level.L2);
  }

  @Test
  void escalation_raises_the_level_by_one_and_keeps_the_department() {
    Complaint before = Fixtures.complaintIn(Status.IN_PROGRESS);
    ComplaintEvent.ComplaintEscalated event =
        (ComplaintEvent.ComplaintEscalated)
            Lifecycle.decide(before, Fixtures.command(CommandType.ESCALATE), Fixtures.ROUTER, LATER).get(0);
    Complaint after = Lifecycle.evolve(before, event);

    assertThat(before.level()).contains(Level.L1);
    assertThat(after.level()).contains(Level.L2);
    assertThat(after.post()).contains(Fixtures.EE);
    assertThat(after.assignment().orElseThrow().department()).isEqualTo(Fixtures.ENERGY);
    assertThat(after.assignment().orElseThrow().since()).isEqualTo(LATER);
    assertThat(after.status()).isEqualTo(Status.ASSIGNED);
    assertThat(event.from()).isEqualTo(before.assignment().orElseThrow());
    assertThat(event.to()).isEqualTo(after.assignment().orElseThrow());
    assertThat(after.transferCount()).isZero();
  }

  @Test
  void escalating_twice_climbs_two_rungs() {
    Complaint twice =
        apply(apply(Fixtures.complaintIn(Status.ASSIGNED), CommandType.ESCALATE, Fixtures.ROUTER),
            new ComplaintCommand.Escalate(Fixtures.TEHSILDAR, "still pending at L2"), Fixtures.COLLECTOR);

    assertThat(twice.level()).contains(Level.L3);
    assertThat(twice.post()).contains(Fixtures.TEHSILDAR);
  }

  @Test
  void transfer_moves_to_the_other_department_and_is_counted() {
    Complaint once = apply(Fixtures.complaintIn(Status.REOPENED), CommandType.TRANSFER, Fixtures.AE_OFFICER);

    assertThat(once.transferCount()).isEqualTo(1);
    assertThat(once.assignment()).contains(new Assignment(Fixtures.TEHSILDAR, Fixtures.REVENUE, Level.L1, LATER));
    assertThat(once.status()).isEqualTo(Status.ASSIGNED);

    Complaint twice =
        apply(once, new ComplaintCommand.Transfer(Fixtures.AE, Fixtures.ENERGY, Level.L1, "energy after all"),
            Fixtures.TEHSILDAR_OFFICER);
    assertThat(twice.transferCount()).isEqualTo(2);
    assertThat(twice.post()).contains(Fixtures.AE);
  }

  @Test
  void resolving_files_the_reply_for_the_assigned_post_and_resets_unreachable_attempts() {
    Complaint unreachableOnce =
        apply(Fixtures.complaintIn(Status.RESOLVED), CommandType.RECORD_UNREACHABLE, Fixtures.ROUTER);
    assertThat(unreachableOnce.unreachableAttempts()).isEqualTo(1);
    assertThat(unreachableOnce.status()).isEqualTo(Status.RESOLVED);

    Complaint returned = apply(unreachableOnce, CommandType.RETURN_REPLY, Fixtures.AGENT);
    Complaint resolvedAgain =
        apply(returned, new ComplaintCommand.Resolve("line repaired", List.of(Attachment.of("s3://a/1.jpg", "after.jpg"))),
            Fixtures.AE_OFFICER);

    Resolution resolution = resolvedAgain.resolution().orElseThrow();
    assertThat(resolution.reply()).isEqualTo("line repaired");
    assertThat(resolution.post()).isEqualTo(Fixtures.AE);
    assertThat(resolution.filedAt()).isEqualTo(LATER);
    assertThat(resolution.attachments()).extracting(Attachment::name).containsExactly("after.jpg");
    assertThat(resolvedAgain.unreachableAttempts()).isZero();
  }

  @Test
  void every_failed_verification_call_is_counted() {
    Complaint c = Fixtures.complaintIn(Status.RESOLVED);
    for (int i = 1; i <= 3; i++) {
      c = apply(c, CommandType.RECORD_UNREACHABLE, Fixtures.AGENT);
      assertThat(c.unreachableAttempts()).isEqualTo(i);
    }
    assertThat(c.version()).isEqualTo(Fixtures.complaintIn(Status.RESOLVED).version() + 3);
  }

  @Test
  void returning_a_reply_is_counted() {
    Complaint returned = apply(Fixtures.complaintIn(Status.RESOLVED), CommandType.RETURN_REPLY, Fixtures.COLLECTOR);

    assertThat(returned.returnCount()).isEqualTo(1);
    assertThat(returned.status()).isEqualTo(Status.RETURNED);
    assertThat(returned.resolution()).isPresent();
  }

  @Test
  void satisfaction_closes_with_the_rating_and_remark() {
    Complaint closed = apply(Fixtures.complaintIn(Status.RESOLVED), CommandType.CONFIRM_SATISFIED, Fixtures.CITIZEN);

    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.rating()).contains(5);
    assertThat(closed.closure())
        .contains(new Closure(ClosureKind.SATISFIED, Optional.of("धन्यवाद"), Optional.empty(), LATER));
  }

  @Test
  void dissatisfaction_reopens_with_the_same_post_records_the_rating_and_counts_a_reopening() {
    Complaint reopened =
        apply(Fixtures.complaintIn(Status.RESOLVED), CommandType.REPORT_DISSATISFIED, Fixtures.CITIZEN);

    assertThat(reopened.status()).isEqualTo(Status.REOPENED);
    assertThat(reopened.rating()).contains(2);
    assertThat(reopened.reopenCount()).isEqualTo(1);
    assertThat(reopened.post()).contains(Fixtures.AE);
    assertThat(reopened.closure()).isEmpty();
  }

  @Test
  void a_satisfied_verification_without_a_rating_clears_the_earlier_rating() {
    Complaint reopened =
        apply(Fixtures.complaintIn(Status.RESOLVED), CommandType.REPORT_DISSATISFIED, Fixtures.CITIZEN);
    Complaint resolved = apply(reopened, CommandType.RESOLVE, Fixtures.AE_OFFICER);
    Complaint closed =
        apply(resolved, new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), Fixtures.AGENT);

    assertThat(resolved.rating()).contains(2);
    assertThat(closed.rating()).isEmpty();
    assertThat(closed.closure().orElseThrow().remark()).isEmpty();
  }

  @Test
  void reopening_clears_the_closure_keeps_the_post_and_counts() {
    Complaint closed = Fixtures.complaintIn(Status.CLOSED);
    assertThat(closed.closure()).isPresent();

    Complaint reopened = apply(closed, CommandType.REOPEN, Fixtures.CITIZEN);

    assertThat(reopened.status()).isEqualTo(Status.REOPENED);
    assertThat(reopened.closure()).isEmpty();
    assertThat(reopened.reopenCount()).isEqualTo(closed.reopenCount() + 1);
    assertThat(reopened.assignment()).isEqualTo(closed.assignment());
    assertThat(reopened.resolution()).isEqualTo(closed.resolution());
    assertThat(reopened.status().isOpen()).isTrue();
  }

  @Test
  void a_specially_closed_complaint_can_be_reopened_and_worked_again() {
    Complaint speciallyClosed =
        apply(Fixtures.complaintIn(Status.IN_PROGRESS), CommandType.SPECIAL_CLOSE, Fixtures.COLLECTOR);
    assertThat(speciallyClosed.closure().orElseThrow().kind()).isEqualTo(ClosureKind.SPECIAL_CLOSURE);
    assertThat(speciallyClosed.closure().orElseThrow().remark()).contains("sub judice");

    Complaint working =
        apply(apply(speciallyClosed, CommandType.REOPEN, Fixtures.COLLECTOR), CommandType.START_WORK, Fixtures.AE_OFFICER);
    assertThat(working.status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void rejection_closes_with_the_kind_of_its_reason() {
    Complaint assigned = Fixtures.complaintIn(Status.ASSIGNED);
    Complaint fake =
        apply(assigned, new ComplaintCommand.Reject(RejectionReason.FAKE, "prank call", Optional.empty()), Fixtures.AGENT);
    Complaint outOfScope = apply(assigned, CommandType.REJECT, Fixtures.AE_OFFICER);

    assertThat(fake.status()).isEqualTo(Status.REJECTED);
    assertThat(fake.closure().orElseThrow().kind()).isEqualTo(ClosureKind.FAKE);
    assertThat(fake.closure().orElseThrow().remark()).contains("prank call");
    assertThat(outOfScope.closure().orElseThrow().kind()).isEqualTo(ClosureKind.OUT_OF_SCOPE);
  }

  @Test
  void withdrawal_closes_as_withdrawn_with_the_optional_reason() {
    Complaint withdrawn = apply(Fixtures.complaintIn(Status.AWAITING_CITIZEN), CommandType.WITHDRAW, Fixtures.CITIZEN);
    Complaint silently =
        apply(Fixtures.complaintIn(Status.REGISTERED), new ComplaintCommand.Withdraw(Optional.empty()), Fixtures.AGENT);

    assertThat(withdrawn.closure().orElseThrow().kind()).isEqualTo(ClosureKind.WITHDRAWN);
    assertThat(withdrawn.closure().orElseThrow().remark()).contains("problem solved itself");
    assertThat(silently.closure().orElseThrow().remark()).isEmpty();
    assertThat(silently.assignment()).isEmpty();
  }

  @Test
  void provided_information_adds_its_attachments_to_the_complaint() {
    Complaint awaiting = Fixtures.complaintIn(Status.AWAITING_CITIZEN);
    Complaint answered = apply(awaiting, CommandType.PROVIDE_INFORMATION, Fixtures.CITIZEN);

    assertThat(answered.attachments())
        .containsExactlyElementsOf(
            List.of(awaiting.attachments().get(0), Attachment.of("wa-media://BILL", "bill.pdf")));
    assertThat(answered.status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void a_decision_leaves_the_complaint_it_was_given_untouched() {
    Complaint before = Fixtures.complaintIn(Status.RESOLVED);
    Complaint copy = Fixtures.complaintIn(Status.RESOLVED);

    apply(before, CommandType.CONFIRM_SATISFIED, Fixtures.CITIZEN);

    assertThat(before).isEqualTo(copy);
    assertThat(before.status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void registration_starts_the_complaint_at_version_one_with_the_request_as_given() {
    RegisterComplaint request = Fixtures.request();
    Complaint started = Lifecycle.start(Lifecycle.register(Fixtures.ID, request, Fixtures.AGENT, Fixtures.T0));

    assertThat(started.version()).isEqualTo(1);
    assertThat(started.status()).isEqualTo(Status.REGISTERED);
    assertThat(started.citizen()).isEqualTo(request.citizen());
    assertThat(started.description()).isEqualTo(request.description());
    assertThat(started.attachments()).isEqualTo(request.attachments());
    assertThat(started.registeredAt()).isEqualTo(Fixtures.T0);
    assertThat(started.updatedAt()).isEqualTo(Fixtures.T0);
    assertThat(started.assignment()).isEmpty();
    assertThat(started.closure()).isEmpty();
    assertThat(List.of(started.returnCount(), started.reopenCount(), started.transferCount(), started.unreachableAttempts()))
        .containsOnly(0);
  }
}
