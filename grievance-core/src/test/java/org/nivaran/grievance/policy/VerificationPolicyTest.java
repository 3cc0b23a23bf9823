package org.nivaran.grievance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.junit.jupiter.api.Test;

/** Each verification outcome under each policy, each outcome an event in the log. */
class VerificationPolicyTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", District.AE);
  private static final Actor VERIFIER = Actor.system("verification-policy");
  private static final Actor SUPERVISOR = Actor.supervisor("OFF-NODAL", District.NODAL);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private Grievances grievances(VerificationPolicy policy) {
    return grievances(policy, store);
  }

  private Grievances grievances(VerificationPolicy policy, InMemoryComplaintStore store) {
    return District.grievances(store, clock).verificationPolicy(policy).build();
  }


  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private static RegisterComplaint request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  /** A complaint at the AE with a reply filed, awaiting verification. */
  private Complaint replied(Grievances g) {
    Complaint c = g.register(request(), AGENT);
    clock.advance(Duration.ofHours(2));
    return g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()), AE_VERMA);
  }

  private static ComplaintCommand dissatisfied() {
    return new ComplaintCommand.ReportDissatisfied(Optional.of(1), "बिजली अभी भी नहीं");
  }

  private static ComplaintCommand unreachable() {
    return new ComplaintCommand.RecordUnreachable(Optional.of("फ़ोन बंद"));
  }

  private List<ComplaintEvent> newEvents(Grievances g, Complaint before) {
    List<ComplaintEvent> all = g.history(before.id());
    return all.subList((int) before.version(), all.size());
  }

  @Test
  void satisfied_closes_under_every_policy() {
    for (VerificationPolicy p : List.of(VerificationPolicy.standard(),
        VerificationPolicy.builder().reopenAtNextLevel().reopenLimit(0).closeAfterUnreachable(1).build())) {
      Grievances g = grievances(p, new InMemoryComplaintStore());
      Complaint c = g.execute(replied(g).id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), AGENT);
      assertThat(c.status()).isEqualTo(Status.CLOSED);
      assertThat(c.closure().orElseThrow().kind()).isEqualTo(ClosureKind.SATISFIED);
    }
  }

  @Test
  void dissatisfied_reopens_at_the_same_post_by_default() {
    Grievances g = grievances(VerificationPolicy.standard());
    Complaint before = replied(g);
    Complaint c = g.execute(before.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.REOPENED);
    assertThat(c.post()).contains(District.AE);
    assertThat(newEvents(g, before)).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("CitizenDissatisfied", "SlaTimerSet");
  }

  @Test
  void dissatisfied_goes_one_level_up_under_next_level() {
    Grievances g = grievances(VerificationPolicy.builder().reopenAtNextLevel().build());
    Complaint before = replied(g);
    Complaint c = g.execute(before.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.ASSIGNED);
    assertThat(c.post()).contains(District.EE);
    assertThat(c.level()).contains(Level.L2);
    List<ComplaintEvent> events = newEvents(g, before);
    assertThat(events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("CitizenDissatisfied", "SlaTimerSet", "ComplaintEscalated", "SlaTimerSet");
    assertThat(events.get(2).actor()).isEqualTo(VERIFIER);
    // the new level's clock runs from now, with its whole budget
    assertThat(c.sla().orElseThrow().since()).isEqualTo(clock.instant());
  }

  @Test
  void dissatisfied_at_the_top_of_the_ladder_stays_at_its_level() {
    Grievances g = grievances(VerificationPolicy.builder().reopenAtNextLevel().build());
    Complaint c = g.register(request(), AGENT);
    Actor collector = SUPERVISOR;
    c = g.execute(c.id(), new ComplaintCommand.Escalate(District.EE, "test"), collector);
    c = g.execute(c.id(), new ComplaintCommand.Escalate(District.SE, "test"), collector);
    c = g.execute(c.id(), new ComplaintCommand.Escalate(District.CE, "test"), collector);
    c = g.execute(c.id(), new ComplaintCommand.Resolve("done", List.of()), Actor.officer("OFF-CE", District.CE));
    c = g.execute(c.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.REOPENED);
    assertThat(c.post()).contains(District.CE);
  }

  @Test
  void dissatisfied_goes_to_the_appellate_post_under_appeal() {
    Grievances g = grievances(VerificationPolicy.builder().appealTo(District.NODAL).build());
    Complaint before = replied(g);
    Complaint c = g.execute(before.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.ASSIGNED);
    assertThat(c.post()).contains(District.NODAL);
    assertThat(c.assignment().orElseThrow().department()).isEqualTo("COLLECTORATE");
    List<ComplaintEvent> events = newEvents(g, before);
    assertThat(events).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("CitizenDissatisfied", "SlaTimerSet", "ComplaintAppealed", "SlaTimerSet");
    ComplaintEvent.ComplaintAppealed appeal = (ComplaintEvent.ComplaintAppealed) events.get(2);
    assertThat(appeal.from().post()).isEqualTo(District.AE);
    assertThat(appeal.to().post()).isEqualTo(District.NODAL);
    assertThat(appeal.actor()).isEqualTo(VERIFIER);
    assertThat(g.history(c.id()).get(0)).isInstanceOf(ComplaintEvent.ComplaintRegistered.class);
  }

  @Test
  void an_appellate_post_not_in_the_directory_is_refused_when_building() {
    assertThatThrownBy(() -> grievances(VerificationPolicy.builder()
        .appealTo(org.nivaran.grievance.actor.PostId.of("NO-SUCH-POST")).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NO-SUCH-POST");
  }

  @Test
  void dissatisfied_beyond_the_reopen_limit_closes_as_not_satisfied() {
    Grievances g = grievances(VerificationPolicy.builder().reopenLimit(1).build());
    Complaint c = replied(g);
    c = g.execute(c.id(), dissatisfied(), AGENT); // the one reopening allowed
    assertThat(c.status()).isEqualTo(Status.REOPENED);
    assertThat(c.reopenCount()).isEqualTo(1);
    c = g.execute(c.id(), new ComplaintCommand.Resolve("फिर से ठीक किया", List.of()), AE_VERMA);
    Complaint before = c;
    c = g.execute(c.id(), dissatisfied(), AGENT);
    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.closure().orElseThrow().kind()).isEqualTo(ClosureKind.NOT_SATISFIED);
    List<ComplaintEvent> events = newEvents(g, before);
    assertThat(events.get(0)).isInstanceOf(ComplaintEvent.CitizenDissatisfied.class);
    assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.ComplaintClosedUnverified.class, e -> {
      assertThat(e.kind()).isEqualTo(ClosureKind.NOT_SATISFIED);
      assertThat(e.actor()).isEqualTo(VERIFIER);
      assertThat(e.remark()).contains("1 reopening");
    });
  }

  @Test
  void a_reopen_beyond_the_limit_is_refused_and_stores_nothing() {
    Grievances g = grievances(VerificationPolicy.builder().reopenLimit(1).build());
    Complaint c = replied(g);
    c = g.execute(c.id(), dissatisfied(), AGENT);
    c = g.execute(c.id(), new ComplaintCommand.Resolve("फिर से ठीक किया", List.of()), AE_VERMA);
    c = g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), AGENT);
    Complaint closed = c;
    assertThatThrownBy(() -> g.execute(closed.id(), new ComplaintCommand.Reopen("फिर से बंद"), AGENT))
        .isInstanceOfSatisfying(ReopenRefusedException.class, e -> {
          assertThat(e.reason()).isEqualTo(ReopenRefusedException.Reason.LIMIT_REACHED);
          assertThat(e.complaintId()).isEqualTo(closed.id());
        });
    assertThat(g.get(closed.id())).isEqualTo(closed);
  }

  @Test
  void a_reopen_after_the_window_is_refused_but_a_supervisor_may_still_reopen() {
    Grievances g = grievances(VerificationPolicy.builder().reopenWindow(Duration.ofDays(15)).build());
    Complaint c = replied(g);
    Complaint closed = g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), AGENT);
    clock.advance(Duration.ofDays(15));
    Complaint reopened = g.execute(closed.id(), new ComplaintCommand.Reopen("exactly at the window's end"), AGENT);
    assertThat(reopened.status()).isEqualTo(Status.REOPENED);

    Complaint again = g.execute(reopened.id(), new ComplaintCommand.Resolve("ठीक किया", List.of()), AE_VERMA);
    Complaint closedAgain = g.execute(again.id(), new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty()), AGENT);
    clock.advance(Duration.ofDays(15).plusSeconds(1));
    assertThatThrownBy(() -> g.execute(closedAgain.id(), new ComplaintCommand.Reopen("too late"), AGENT))
        .isInstanceOfSatisfying(ReopenRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReopenRefusedException.Reason.WINDOW_PASSED))
        .hasMessageContaining("PT360H");
    assertThat(g.get(closedAgain.id())).isEqualTo(closedAgain);
    assertThat(g.execute(closedAgain.id(), new ComplaintCommand.Reopen("supervisor's review"), SUPERVISOR).status())
        .isEqualTo(Status.REOPENED);
  }

  @Test
  void unreachable_n_times_closes_without_confirmation() {
    Grievances g = grievances(VerificationPolicy.builder().closeAfterUnreachable(3).build());
    Complaint c = replied(g);
    c = g.execute(c.id(), unreachable(), AGENT);
    c = g.execute(c.id(), unreachable(), AGENT);
    assertThat(c.status()).isEqualTo(Status.RESOLVED);
    assertThat(c.unreachableAttempts()).isEqualTo(2);
    Complaint before = c;
    c = g.execute(c.id(), unreachable(), AGENT);
    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.closure().orElseThrow().kind()).isEqualTo(ClosureKind.UNCONFIRMED);
    assertThat(newEvents(g, before)).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("CitizenUnreachable", "ComplaintClosedUnverified");
    // the citizen calls back later: a complaint closed without confirmation may be reopened
    assertThat(g.execute(c.id(), new ComplaintCommand.Reopen("मुझसे कोई बात नहीं हुई"), AGENT).status())
        .isEqualTo(Status.REOPENED);
  }

  @Test
  void keep_trying_never_closes_for_want_of_an_answer() {
    Grievances g = grievances(VerificationPolicy.builder().closeAfterUnreachable(2).keepTrying().build());
    Complaint c = replied(g);
    for (int i = 0; i < 6; i++) {
      c = g.execute(c.id(), unreachable(), AGENT);
    }
    assertThat(c.status()).isEqualTo(Status.RESOLVED);
    assertThat(c.unreachableAttempts()).isEqualTo(6);
  }

  @Test
  void a_new_reply_restarts_the_count_of_failed_attempts() {
    Grievances g = grievances(VerificationPolicy.builder().closeAfterUnreachable(2).build());
    Complaint c = replied(g);
    c = g.execute(c.id(), unreachable(), AGENT);
    c = g.execute(c.id(), new ComplaintCommand.ReturnReply("फ़ोटो संलग्न करें"), AGENT);
    c = g.execute(c.id(), new ComplaintCommand.Resolve("फ़ोटो के साथ", List.of()), AE_VERMA);
    c = g.execute(c.id(), unreachable(), AGENT);
    assertThat(c.status()).isEqualTo(Status.RESOLVED);
    c = g.execute(c.id(), unreachable(), AGENT);
    assertThat(c.status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void accepting_a_reply_is_recorded_and_keeps_the_status() {
    Grievances g = grievances(VerificationPolicy.standard());
    Complaint before = replied(g);
    Complaint c = g.execute(before.id(), new ComplaintCommand.AcceptReply(Optional.of("ठीक है")), AGENT);
    assertThat(c.status()).isEqualTo(Status.RESOLVED);
    assertThat(c.version()).isEqualTo(before.version() + 1);
    assertThat(newEvents(g, before)).singleElement().isInstanceOf(ComplaintEvent.ReplyAccepted.class);
  }

  @Test
  void bad_settings_name_their_field() {
    assertThatThrownBy(() -> VerificationPolicy.builder().reopenLimit(-1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reopenLimit"));
    assertThatThrownBy(() -> VerificationPolicy.builder().reopenWindow(Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reopenWindow"));
    assertThatThrownBy(() -> VerificationPolicy.builder().closeAfterUnreachable(0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("unreachableAttempts"));
    assertThatThrownBy(() -> new ComplaintCommand.CloseUnverified(ClosureKind.SATISFIED, "x"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
  }
}
