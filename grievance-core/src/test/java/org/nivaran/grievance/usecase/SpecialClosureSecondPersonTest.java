package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Two persons close specially: never the officer who asked, from any post they hold; never the
 * complaint's own post, in whatever role; never a system actor in one step; and the officer in
 * charge of the post above approves as its holder would.
 */
class SpecialClosureSecondPersonTest {
  private static final ComplaintCommand REQUEST =
      new ComplaintCommand.RequestSpecialClosure(SpecialClosureReason.POLICY_MATTER, "a matter of policy");
  private static final ComplaintCommand APPROVE = new ComplaintCommand.ApproveSpecialClosure("seen and agreed");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final List<Notification> sent = new ArrayList<>();

  private GrievancesBuilder builder() {
    return Grievances.builder().store(new InMemoryComplaintStore()).clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(PostAuthorityTest.ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.madhyaPradesh("MP", "24X7")))
        .directory(PostAuthorityTest.directory())
        .notifier(sent::add);
  }

  private static Complaint requestedAtAe(Grievances g) {
    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
        PostAuthorityTest.AGENT);
    assertThat(c.post()).contains(PostAuthorityTest.AE_RAIPUR);
    g.execute(c.id(), REQUEST, PostAuthorityTest.AE_RAIPUR_OFFICER);
    return c;
  }

  private static void refusedAsSecondPerson(Runnable approval) {
    assertThatThrownBy(approval::run).isInstanceOfSatisfying(ActorNotPermittedException.class,
        e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON));
  }

  @Test
  void the_complaints_own_post_may_not_approve_acting_as_a_supervisor() {
    Grievances g = builder().specialClosurePolicy(SpecialClosurePolicy.builder().approverRole(Role.SUPERVISOR).build())
        .build();
    Complaint c = requestedAtAe(g);

    refusedAsSecondPerson(() -> g.execute(c.id(), APPROVE, Actor.supervisor("OFF-AE-RAIPUR", PostAuthorityTest.AE_RAIPUR)));
    assertThat(g.get(c.id()).status()).isNotEqualTo(Status.CLOSED);
    assertThat(g.execute(c.id(), APPROVE, PostAuthorityTest.CE_SUPERVISOR).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void the_officer_who_asked_may_not_approve_from_the_post_above_they_also_hold() {
    Grievances g = builder().specialClosurePolicy(SpecialClosurePolicy.ofDefaults()).build();
    Officer ae = g.directory().orElseThrow().posts().get(PostAuthorityTest.AE_RAIPUR).holder().orElseThrow();
    g.transferOfficer(PostAuthorityTest.EE_RAIPUR, Optional.of(ae)); // the AE now holds EE Raipur too
    Complaint c = requestedAtAe(g);

    refusedAsSecondPerson(() -> g.execute(c.id(), APPROVE, Actor.officer("OFF-AE-RAIPUR", PostAuthorityTest.EE_RAIPUR)));
    assertThat(g.get(c.id()).specialClosureRequest()).get()
        .satisfies(r -> assertThat(r.requesterId()).contains("OFF-AE-RAIPUR"));
  }

  @Test
  void the_officer_in_charge_of_the_post_above_is_told_and_approves_as_its_holder_would() {
    Grievances g = builder().specialClosurePolicy(SpecialClosurePolicy.ofDefaults()).build();
    g.transferOfficer(PostAuthorityTest.EE_RAIPUR, Optional.empty());
    g.giveAdditionalCharge(PostAuthorityTest.CE_SUPERVISOR, PostAuthorityTest.EE_RAIPUR, "OFF-EE-DURG",
        Fixtures.T0.plus(Duration.ofDays(30)), "EE Durg holds the charge");
    Complaint c = requestedAtAe(g);

    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.SPECIAL_CLOSURE_REQUESTED)
        .singleElement().satisfies(n -> assertThat(n.recipient().post()).contains(PostAuthorityTest.EE_RAIPUR));
    Complaint closed = g.execute(c.id(), APPROVE, Actor.officer("OFF-EE-DURG", PostAuthorityTest.EE_RAIPUR));
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void no_system_actor_closes_specially_in_one_step_and_the_citizen_is_told_before_every_special_closure() {
    Grievances g = builder().specialClosurePolicy(SpecialClosurePolicy.ofDefaults()).build();
    Complaint c = requestedAtAe(g);

    assertThatThrownBy(() -> g.execute(c.id(), new ComplaintCommand.SpecialClose("policy matter"),
            Actor.system("integration-bot")))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
    assertThat(g.get(c.id()).status()).isNotEqualTo(Status.CLOSED);
  }

  @Test
  void a_log_with_a_system_special_closure_that_completes_no_approval_is_refused_as_corrupt() {
    Grievances g = builder().specialClosurePolicy(SpecialClosurePolicy.ofDefaults()).build();
    Complaint c = requestedAtAe(g);
    List<ComplaintEvent> log = new ArrayList<>(g.history(c.id()));
    Complaint pending = g.get(c.id());
    log.add(new ComplaintEvent.ComplaintSpeciallyClosed(c.id(), pending.version() + 1,
        pending.updatedAt().plusSeconds(60), Lifecycle.SPECIAL_CLOSURE,
        pending.specialClosureRequest().orElseThrow().closureReason()));

    assertThatThrownBy(() -> Lifecycle.replay(log)).isInstanceOf(GrievanceException.class)
        .hasMessageContaining("without an approval");

    Complaint closed = g.execute(c.id(), APPROVE, Actor.officer("OFF-EE-RAIPUR", PostAuthorityTest.EE_RAIPUR));
    assertThat(Lifecycle.replay(g.history(c.id()))).isEqualTo(closed); // the real approval replays
  }
}
