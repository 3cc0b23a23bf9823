package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.usecase.PostAuthorityTest.AE_RAIPUR;
import static org.nivaran.grievance.usecase.PostAuthorityTest.AE_RAIPUR_OFFICER;
import static org.nivaran.grievance.usecase.PostAuthorityTest.AGENT;
import static org.nivaran.grievance.usecase.PostAuthorityTest.CE_SUPERVISOR;
import static org.nivaran.grievance.usecase.PostAuthorityTest.EE_DURG;
import static org.nivaran.grievance.usecase.PostAuthorityTest.EE_DURG_SUPERVISOR;
import static org.nivaran.grievance.usecase.PostAuthorityTest.EE_RAIPUR;
import static org.nivaran.grievance.usecase.PostAuthorityTest.ROUND_THE_CLOCK;
import static org.nivaran.grievance.usecase.PostAuthorityTest.SDM_SUPERVISOR;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.AdditionalCharge;
import org.nivaran.grievance.directory.AdditionalChargeRefusedException;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.policy.VerificationPolicy;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.report.PostReplies;
import org.nivaran.grievance.report.ReplyQuality;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The additional charge of a vacant post, through {@link Grievances}: the officer in charge acts on
 * and is told of the post's complaints while the charge is in force, escalations and appeals to the
 * post proceed (and those stuck because it was vacant move up on the next sweep), and the
 * complaints stay with the post throughout. The directory is {@link PostAuthorityTest}'s; the
 * Executive Engineer's post in Raipur falls vacant and the Chief Engineer gives its charge to the
 * Executive Engineer of Durg. The ladder gives each level 7 days, round the clock.
 */
class AdditionalChargeTest {
  static final String IN_CHARGE = "OFF-EE-DURG";
  static final Actor.Officer IN_CHARGE_AT_EE_RAIPUR = Actor.officer(IN_CHARGE, EE_RAIPUR);
  static final ComplaintCommand RESOLVE = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = new ArrayList<>();
  private final Grievances grievances = grievances(VerificationPolicy.standard());

  private Grievances grievances(VerificationPolicy verification) {
    return Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.madhyaPradesh("MP", "24X7")))
        .verificationPolicy(verification)
        .notifier(sent::add)
        .directory(PostAuthorityTest.directory())
        .build();
  }

  private Complaint energyInRaipur(Grievances g) {
    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), AGENT);
    assertThat(c.post()).contains(AE_RAIPUR);
    return c;
  }

  private Instant days(int n) {
    return Fixtures.T0.plus(Duration.ofDays(n));
  }

  /** EE Raipur vacant, its charge given to EE Durg until {@code until}, a complaint escalated there at day 8. */
  private Complaint atEeRaipurUnderCharge(Instant until) {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(grievances);
    grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, until, "EE Raipur transferred; EE Durg holds the charge");
    clock.set(days(8));
    grievances.escalator().sweep();
    Complaint escalated = grievances.get(c.id());
    assertThat(escalated.post()).contains(EE_RAIPUR);
    assertThat(escalated.flags()).doesNotContain(ComplaintFlag.ESCALATION_BLOCKED);
    return escalated;
  }

  private List<Notification> toEeRaipur(NotificationKind kind) {
    return sent.stream().filter(n -> n.kind() == kind && n.recipient().post().equals(Optional.of(EE_RAIPUR))).toList();
  }

  private static void refusedAsNotHolding(Throwable e, String detail) {
    assertThat(e).isInstanceOfSatisfying(ActorNotPermittedException.class, refused -> {
      assertThat(refused.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY);
      assertThat(refused.getMessage()).contains(detail);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Authority

  @Test
  void the_officer_in_charge_acts_on_the_vacant_posts_complaints_while_the_charge_is_in_force() {
    Complaint c = atEeRaipurUnderCharge(days(30));

    assertThat(grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR).status()).isEqualTo(Status.RESOLVED);
    assertThat(grievances.get(c.id()).post()).contains(EE_RAIPUR);
  }

  @Test
  void the_officer_in_charge_is_refused_once_the_charge_runs_out_at_until() {
    Complaint c = atEeRaipurUnderCharge(days(10));
    clock.set(days(10)); // until is excluded

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR))
        .satisfies(e -> refusedAsNotHolding(e, "its additional charge, to OFF-EE-DURG until " + days(10)));
    assertThat(grievances.get(c.id()).status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void a_holder_joining_ends_the_charge_and_inherits_every_complaint() {
    Complaint c = atEeRaipurUnderCharge(days(30));

    List<Complaint> inherited = grievances.transferOfficer(EE_RAIPUR, Optional.of(
        new Officer("OFF-EE-NEW", "नया अधिकारी", PhoneNumber.parse("9826000002"), false, Language.HINDI)));

    assertThat(inherited).extracting(Complaint::id).containsExactly(c.id());
    assertThat(grievances.directory().orElseThrow().posts().chargeOf(EE_RAIPUR)).isEmpty();
    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR))
        .satisfies(e -> refusedAsNotHolding(e, "held by another officer"));
    assertThat(grievances.execute(c.id(), RESOLVE, Actor.officer("OFF-EE-NEW", EE_RAIPUR)).status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void an_officer_is_refused_a_vacant_post_whose_charge_is_not_theirs_or_was_ended() {
    Complaint c = atEeRaipurUnderCharge(days(30));

    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, Actor.officer("OFF-AE-DURG", EE_RAIPUR)))
        .satisfies(e -> refusedAsNotHolding(e, "OFF-AE-DURG does not hold EE-RAIPUR"));

    Optional<AdditionalCharge> ended = grievances.endAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR);
    assertThat(ended).map(AdditionalCharge::officerId).contains(IN_CHARGE);
    assertThatThrownBy(() -> grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR))
        .satisfies(e -> refusedAsNotHolding(e, "vacant in the directory in force and in no one's additional charge"));
    assertThat(grievances.endAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR)).isEmpty();
  }

  @Test
  void the_officer_in_charge_acts_from_their_own_post_too_and_their_work_list_shows_both() {
    Complaint c = atEeRaipurUnderCharge(days(30));

    assertThat(grievances.workListOf(IN_CHARGE)).containsOnlyKeys(EE_DURG, EE_RAIPUR);
    assertThat(grievances.workListOf(IN_CHARGE).get(EE_RAIPUR)).extracting(Complaint::id).containsExactly(c.id());
    assertThat(grievances.directory().orElseThrow().posts().answeredBy(IN_CHARGE, clock.instant()))
        .extracting(p -> p.id()).containsExactly(EE_DURG, EE_RAIPUR);

    clock.set(days(31));
    assertThat(grievances.workListOf(IN_CHARGE)).containsOnlyKeys(EE_DURG);
  }

  // ---------------------------------------------------------------------------------------------
  // Giving a charge

  @Test
  void only_a_supervisor_within_reach_of_the_post_gives_its_charge() {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    Instant until = days(30);

    assertThatThrownBy(() -> grievances.giveAdditionalCharge(AE_RAIPUR_OFFICER, EE_RAIPUR, IN_CHARGE, until, "r"))
        .isInstanceOf(AdditionalChargeRefusedException.class).hasMessageContaining("only a supervisor");
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(EE_DURG_SUPERVISOR, EE_RAIPUR, "OFF-AE-DURG", until, "r"))
        .isInstanceOfSatisfying(AdditionalChargeRefusedException.class, e -> {
          assertThat(e.post()).isEqualTo(EE_RAIPUR);
          assertThat(e.getMessage()).contains("outside the jurisdiction 'DURG'");
        });
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(SDM_SUPERVISOR, EE_RAIPUR, IN_CHARGE, until, "r"))
        .isInstanceOf(AdditionalChargeRefusedException.class).hasMessageContaining("outside the department 'REVENUE'");
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(
            Actor.supervisor("OFF-EE-DURG", PostId.of("CE-CG")), EE_RAIPUR, "OFF-AE-DURG", until, "r"))
        .isInstanceOf(AdditionalChargeRefusedException.class).hasMessageContaining("OFF-EE-DURG does not hold CE-CG");
    assertThat(grievances.directory().orElseThrow().posts().charges()).isEmpty();
  }

  @Test
  void a_charge_is_refused_naming_the_bad_id_or_field() {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    Instant until = days(30);

    assertThatThrownBy(() -> grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_DURG, "OFF-AE-DURG", until, "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("post");
          assertThat(e.reason()).contains("'EE-DURG' has a holder ('OFF-EE-DURG')");
        });
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, "OFF-NOBODY", until, "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("officerId");
          assertThat(e.reason()).contains("'OFF-NOBODY' holds no post");
        });
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, "OFF-CE-CG", until, "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("givenBy"));
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, Fixtures.T0, "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("until"));
    assertThatThrownBy(() -> grievances.giveAdditionalCharge(CE_SUPERVISOR, PostId.of("EE-NOWHERE"), IN_CHARGE, until, "r"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("post");
          assertThat(e.reason()).contains("EE-NOWHERE");
        });
    assertThat(grievances.directory().orElseThrow().posts().charges()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Notifications

  @Test
  void the_officer_in_charge_is_told_of_the_posts_complaints_with_the_post_named() {
    atEeRaipurUnderCharge(days(30));

    List<Notification> told = toEeRaipur(NotificationKind.ESCALATED_TO_YOU);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).recipient().name()).isEqualTo("अधिकारी " + IN_CHARGE);
  }

  @Test
  void giving_a_charge_tells_the_officer_of_the_complaints_pending_at_the_post() {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    clock.set(days(8));
    grievances.execute(energyInRaipur(grievances).id(),
        new ComplaintCommand.Escalate(EE_RAIPUR, "supervisor's call"), CE_SUPERVISOR);
    sent.clear();

    List<Complaint> pending = grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, days(30), "vacancy");

    assertThat(pending).hasSize(1);
    List<Notification> told = toEeRaipur(NotificationKind.HANDOVER);
    assertThat(told).singleElement().satisfies(n -> assertThat(n.recipient().name()).isEqualTo("अधिकारी " + IN_CHARGE));
  }

  @Test
  void after_the_charge_ends_the_post_is_told_nothing_and_its_escalations_wait_again() {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(grievances);
    grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, days(5), "a few days");
    clock.set(days(8)); // AE's 7 days ran out at day 7, after the charge ended at day 5

    grievances.escalator().sweep();

    Complaint stuck = grievances.get(c.id());
    assertThat(stuck.post()).contains(AE_RAIPUR);
    assertThat(stuck.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(toEeRaipur(NotificationKind.ESCALATED_TO_YOU)).isEmpty();
  }

  @Test
  void a_flag_for_a_vacant_nodal_post_under_charge_is_told_to_the_officer_in_charge() {
    grievances.transferOfficer(PostAuthorityTest.NODAL, Optional.empty());
    grievances.giveAdditionalCharge(PostAuthorityTest.ADM_SUPERVISOR, PostAuthorityTest.NODAL, "OFF-SDM-RAIPUR", days(30), "nodal on leave");
    grievances.transferOfficer(EE_RAIPUR, Optional.empty()); // and no one has EE Raipur's charge
    energyInRaipur(grievances);
    clock.set(days(8));

    grievances.escalator().sweep();

    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.FLAGGED).singleElement().satisfies(n -> {
      assertThat(n.recipient().post()).contains(PostAuthorityTest.NODAL);
      assertThat(n.recipient().name()).isEqualTo("अधिकारी OFF-SDM-RAIPUR");
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Escalation and appeal

  @Test
  void a_complaint_stuck_because_the_post_above_was_vacant_moves_up_on_the_next_sweep_after_a_charge_is_given() {
    grievances.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(grievances);
    clock.set(days(8));
    grievances.escalator().sweep();
    assertThat(grievances.stuck(10)).extracting(Complaint::id).containsExactly(c.id());

    grievances.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, days(30), "vacancy");
    clock.set(days(9));
    grievances.escalator().sweep();

    Complaint released = grievances.get(c.id());
    assertThat(released.post()).contains(EE_RAIPUR);
    assertThat(grievances.stuck(10)).isEmpty();
    assertThat(toEeRaipur(NotificationKind.ESCALATED_TO_YOU)).singleElement()
        .satisfies(n -> assertThat(n.recipient().name()).isEqualTo("अधिकारी " + IN_CHARGE));
    assertThat(grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR).status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void an_appeal_to_a_vacant_appellate_post_under_charge_proceeds() {
    Grievances g = grievances(VerificationPolicy.builder().appealTo(EE_RAIPUR).build());
    g.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(g);
    g.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER);
    g.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, days(30), "vacancy");

    Complaint appealed = g.execute(c.id(), new ComplaintCommand.ReportDissatisfied(Optional.of(1), "बिजली अभी भी नहीं"), AGENT);

    assertThat(appealed.post()).contains(EE_RAIPUR);
    assertThat(appealed.flags()).doesNotContain(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(g.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR).status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void a_dissatisfied_citizens_complaint_goes_up_to_a_vacant_post_under_charge() {
    Grievances g = grievances(VerificationPolicy.builder().reopenAtNextLevel().build());
    g.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(g);
    g.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER);
    g.giveAdditionalCharge(CE_SUPERVISOR, EE_RAIPUR, IN_CHARGE, days(30), "vacancy");

    Complaint escalated = g.execute(c.id(), new ComplaintCommand.ReportDissatisfied(Optional.of(1), "बिजली अभी भी नहीं"), AGENT);

    assertThat(escalated.post()).contains(EE_RAIPUR);
    assertThat(escalated.flags()).doesNotContain(ComplaintFlag.ESCALATION_BLOCKED);
  }

  @Test
  void an_appeal_to_a_vacant_appellate_post_without_a_charge_in_force_waits_on_the_stuck_list() {
    Grievances g = grievances(VerificationPolicy.builder().appealTo(EE_RAIPUR).build());
    g.transferOfficer(EE_RAIPUR, Optional.empty());
    Complaint c = energyInRaipur(g);
    g.execute(c.id(), RESOLVE, AE_RAIPUR_OFFICER);

    Complaint flagged = g.execute(c.id(), new ComplaintCommand.ReportDissatisfied(Optional.of(1), "बिजली अभी भी नहीं"), AGENT);

    assertThat(flagged.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(flagged.post()).contains(AE_RAIPUR);
  }

  // ---------------------------------------------------------------------------------------------
  // Grading

  @Test
  void the_replies_of_the_officer_in_charge_count_for_the_post_not_for_their_own() {
    Complaint c = atEeRaipurUnderCharge(days(30));
    grievances.execute(c.id(), RESOLVE, IN_CHARGE_AT_EE_RAIPUR);

    List<PostReplies> replies = ReplyQuality.of(store.histories(TenantId.DEFAULT), new GradingPeriod(Fixtures.T0, days(31)));

    assertThat(replies).extracting(PostReplies::post).containsExactly(EE_RAIPUR);
    assertThat(replies.get(0).replies()).isEqualTo(1);
  }
}
