package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.json.NivaranJson;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Two-person special closure ({@link SpecialClosurePolicy}): an L1 officer asks, the holder of the
 * post one level up (or a supervisor, as configured) approves or refuses with a remark; the
 * citizen's notice comes before the closure. The district is {@link PostAuthorityTest}'s: AE
 * Raipur (L1) reports to EE Raipur (L2), who reports to the Chief Engineer (L3).
 */
class SpecialClosureTest {
  private static final Actor.Officer AE = PostAuthorityTest.AE_RAIPUR_OFFICER;
  private static final Actor.Officer EE = Actor.officer("OFF-EE-RAIPUR", PostAuthorityTest.EE_RAIPUR);
  private static final Actor.Officer EE_DURG = Actor.officer("OFF-EE-DURG", PostAuthorityTest.EE_DURG);
  private static final ComplaintCommand REQUEST =
      new ComplaintCommand.RequestSpecialClosure(SpecialClosureReason.POLICY_MATTER, "बिजली दर नीति का विषय है");

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = new ArrayList<>();

  private GrievancesBuilder builder(SpecialClosurePolicy policy) {
    return Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(PostAuthorityTest.ROUND_THE_CLOCK))
        .escalationPolicies(org.nivaran.grievance.escalation.EscalationPolicies.of(
            org.nivaran.grievance.escalation.LadderPolicy.madhyaPradesh("MP", "24X7")))
        .directory(PostAuthorityTest.directory())
        .notifier(sent::add)
        .specialClosurePolicy(policy);
  }

  private final Grievances grievances = builder(SpecialClosurePolicy.ofDefaults()).build();

  /** An energy complaint from ward 12, Raipur, assigned to the AE (L1). */
  private Complaint atAe(Grievances g) {
    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
        PostAuthorityTest.AGENT);
    assertThat(c.post()).contains(PostAuthorityTest.AE_RAIPUR);
    return c;
  }

  private List<NotificationKind> kindsSentAfter(int from) {
    return sent.subList(from, sent.size()).stream().map(Notification::kind).toList();
  }

  @Nested
  class Approval {
    @Test
    void an_approved_request_tells_the_citizen_the_reason_and_then_closes_the_complaint() {
      Complaint c = atAe(grievances);
      Complaint requested = grievances.execute(c.id(), REQUEST, AE);
      assertThat(requested.status()).isEqualTo(Status.ASSIGNED);
      assertThat(requested.specialClosureRequest()).hasValueSatisfying(r -> {
        assertThat(r.reason()).isEqualTo(SpecialClosureReason.POLICY_MATTER);
        assertThat(r.requestedBy()).isEqualTo(PostAuthorityTest.AE_RAIPUR);
      });
      int before = sent.size();

      clock.advance(java.time.Duration.ofHours(1));
      Complaint closed = grievances.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("नीति विषय, पुष्टि की"), EE);

      assertThat(closed.status()).isEqualTo(Status.CLOSED);
      assertThat(closed.specialClosureRequest()).isEmpty();
      assertThat(closed.closure()).hasValueSatisfying(cl -> {
        assertThat(cl.kind()).isEqualTo(ClosureKind.SPECIAL_CLOSURE);
        assertThat(cl.remark()).contains("POLICY_MATTER: बिजली दर नीति का विषय है");
      });
      List<ComplaintEvent> history = grievances.history(c.id());
      List<ComplaintEvent> last = history.subList(history.size() - 2, history.size());
      assertThat(last.get(0)).isInstanceOf(ComplaintEvent.SpecialClosureApproved.class);
      assertThat(last.get(0).actor()).isEqualTo(EE);
      assertThat(last.get(1)).isInstanceOf(ComplaintEvent.ComplaintSpeciallyClosed.class);
      assertThat(last.get(1).actor()).isEqualTo(Lifecycle.SPECIAL_CLOSURE);
      // the notice precedes the closure's notification; both go to the citizen
      assertThat(kindsSentAfter(before)).containsExactly(NotificationKind.SPECIAL_CLOSURE_NOTICE, NotificationKind.CLOSED);
      assertThat(sent.get(before).recipient().role()).isEqualTo(RecipientRole.CITIZEN);
      assertThat(sent.get(before).body()).contains(c.id().value()).contains("नीतिगत विषय");
      // the log replays to the stored state
      assertThat(Lifecycle.replay(history)).isEqualTo(closed);
    }

    @Test
    void the_request_tells_the_holder_of_the_post_one_level_up() {
      Complaint c = atAe(grievances);
      int before = sent.size();

      grievances.execute(c.id(), REQUEST, AE);

      assertThat(sent.subList(before, sent.size())).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.SPECIAL_CLOSURE_REQUESTED);
        assertThat(n.recipient().post()).contains(PostAuthorityTest.EE_RAIPUR);
        assertThat(n.body()).contains("POLICY_MATTER");
      });
    }

    @Test
    void a_supervisor_approves_when_the_policy_names_that_role() {
      Grievances g = builder(SpecialClosurePolicy.builder().approverRole(Role.SUPERVISOR).build()).build();
      Complaint c = atAe(g);
      g.execute(c.id(), REQUEST, AE);

      assertThatThrownBy(() -> g.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"), EE))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON));
      Complaint closed = g.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"),
          PostAuthorityTest.EE_RAIPUR_SUPERVISOR);
      assertThat(closed.status()).isEqualTo(Status.CLOSED);
    }
  }

  @Nested
  class Refusal {
    @Test
    void a_refused_request_stays_with_its_post_which_is_told_the_remark() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);
      int before = sent.size();

      Complaint refused = grievances.execute(c.id(),
          new ComplaintCommand.RefuseSpecialClosure("नीति नहीं, आपूर्ति का मामला; निराकरण करें"), EE);

      assertThat(refused.status()).isEqualTo(Status.ASSIGNED);
      assertThat(refused.post()).contains(PostAuthorityTest.AE_RAIPUR);
      assertThat(refused.specialClosureRequest()).isEmpty();
      assertThat(sent.subList(before, sent.size())).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.SPECIAL_CLOSURE_REFUSED);
        assertThat(n.recipient().post()).contains(PostAuthorityTest.AE_RAIPUR);
        assertThat(n.body()).contains("निराकरण करें");
      });
      // the officer may ask again, and it can then be approved
      grievances.execute(c.id(), REQUEST, AE);
      assertThat(grievances.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"), EE).status())
          .isEqualTo(Status.CLOSED);
    }

    @Test
    void a_refusal_needs_a_remark() {
      assertThatThrownBy(() -> new ComplaintCommand.RefuseSpecialClosure("  "))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("remark"));
      assertThatThrownBy(() -> new ComplaintCommand.ApproveSpecialClosure(""))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("remark"));
    }
  }

  @Nested
  class Refused {
    @Test
    void the_requesting_officer_may_not_approve_their_own_request() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);

      assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"), AE))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON));
      assertThat(grievances.get(c.id()).specialClosureRequest()).isPresent();
    }

    @Test
    void an_officer_of_another_post_up_the_ladder_may_not_approve() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);
      long version = grievances.get(c.id()).version();

      assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.RefuseSpecialClosure("नहीं"), EE_DURG))
          .isInstanceOfSatisfying(ActorNotPermittedException.class, e -> {
            assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON);
            assertThat(e.getMessage()).contains("EE-RAIPUR");
          });
      assertThat(grievances.get(c.id()).version()).isEqualTo(version);
    }

    @Test
    void an_officer_naming_the_post_above_without_holding_it_is_refused_by_the_directory() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);

      assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"),
          Actor.officer("OFF-NOBODY", PostAuthorityTest.EE_RAIPUR)))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY));
    }

    @Test
    void the_citizens_number_in_a_remark_is_masked_for_the_officers() {
      Complaint c = atAe(grievances);
      String phone = c.citizen().phone().e164();
      int before = sent.size();
      grievances.execute(c.id(), new ComplaintCommand.RequestSpecialClosure(SpecialClosureReason.SUB_JUDICE,
          "caller " + phone + " has a case in court"), AE);
      grievances.execute(c.id(), new ComplaintCommand.RefuseSpecialClosure("ask " + phone + " for the case number"), EE);

      assertThat(sent.subList(before, sent.size())).hasSize(2)
          .allSatisfy(n -> assertThat(n.body()).doesNotContain(phone));
    }

    @Test
    void there_is_nothing_to_approve_without_a_pending_request() {
      Complaint c = atAe(grievances);

      assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"), EE))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("specialClosureRequest"));
    }

    @Test
    void an_officer_still_may_not_close_specially_in_one_step() {
      Complaint c = atAe(grievances);

      assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.SpecialClose("policy matter"), AE))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
    }

    @Test
    void an_officer_above_the_policy_levels_may_not_ask_and_a_supervisor_still_closes_in_one_step() {
      Complaint c = atAe(grievances);
      Complaint atEe = grievances.execute(c.id(),
          new ComplaintCommand.Reassign(PostAuthorityTest.EE_RAIPUR, Level.L2, "AE on leave"), PostAuthorityTest.AGENT);

      assertThatThrownBy(() -> grievances.execute(atEe.id(), REQUEST, EE))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL));
      Complaint closed = grievances.execute(atEe.id(), new ComplaintCommand.SpecialClose("sub judice"),
          PostAuthorityTest.EE_RAIPUR_SUPERVISOR);
      assertThat(closed.status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void without_a_policy_no_officer_may_ask() {
      Grievances g = builder(SpecialClosurePolicy.none()).build();
      Complaint c = atAe(g);

      assertThatThrownBy(() -> g.execute(c.id(), REQUEST, AE))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL));
    }

    @Test
    void a_second_request_while_one_is_pending_is_refused() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);

      assertThatThrownBy(() -> grievances.execute(c.id(), REQUEST, AE))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("specialClosureRequest"));
    }
  }

  @Nested
  class Lapsing {
    @Test
    void a_request_lapses_when_the_complaint_moves_to_another_post_or_a_reply_is_filed() {
      Complaint c = atAe(grievances);
      grievances.execute(c.id(), REQUEST, AE);
      Complaint resolved = grievances.execute(c.id(), new ComplaintCommand.Resolve("आपूर्ति बहाल", List.of()), AE);
      assertThat(resolved.specialClosureRequest()).isEmpty();

      Complaint d = atAe(grievances);
      grievances.execute(d.id(), REQUEST, AE);
      Complaint moved = grievances.execute(d.id(),
          new ComplaintCommand.Reassign(PostAuthorityTest.EE_RAIPUR, Level.L2, "AE on leave"), PostAuthorityTest.AGENT);
      assertThat(moved.specialClosureRequest()).isEmpty();
    }
  }

  @Nested
  class Configuration {
    @Test
    void a_policy_approved_from_the_post_above_needs_a_directory() {
      GrievancesBuilder b = Grievances.builder()
          .store(store)
          .clock(clock)
          .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
          .calendars(CalendarRegistry.of(PostAuthorityTest.ROUND_THE_CLOCK))
          .specialClosurePolicy(SpecialClosurePolicy.ofDefaults());

      assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("special-closure");
      b.specialClosurePolicy(SpecialClosurePolicy.builder().approverRole(Role.SUPERVISOR).build());
      assertThat(b.build()).isNotNull();
    }

    @Test
    void only_a_supervisor_role_approves_and_some_level_must_ask() {
      assertThatThrownBy(() -> SpecialClosurePolicy.builder().approverRole(Role.CALL_CENTRE_AGENT))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("approverRole"));
      assertThatThrownBy(() -> SpecialClosurePolicy.builder().levels(Set.of()))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("levels"));
      SpecialClosurePolicy twoLevels = SpecialClosurePolicy.builder().levels(Set.of(Level.L1, Level.L2)).build();
      assertThat(twoLevels.levels()).containsExactly(Level.L1, Level.L2);
      assertThat(SpecialClosurePolicy.none().requests()).isFalse();
      assertThat(SpecialClosurePolicy.ofDefaults().levels()).containsExactly(Level.L1);
      assertThat(SpecialClosurePolicy.ofDefaults().approvedFromPostAbove()).isTrue();
    }
  }

  @Test
  void a_pending_request_survives_the_complaint_json_round_trip() throws Exception {
    Complaint c = atAe(grievances);
    Complaint requested = grievances.execute(c.id(), REQUEST, AE);

    var mapper = NivaranJson.objectMapper();
    String json = mapper.writeValueAsString(requested);
    assertThat(json).contains("\"specialClosureRequest\"").contains("\"POLICY_MATTER\"");
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(requested);
    assertThat(Optional.of(requested.toString())).hasValueSatisfying(s -> assertThat(s).contains("specialClosureRequest"));
  }
}
