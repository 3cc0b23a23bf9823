package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.GrievancesBuilder;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Whether a vacant post above is answered for, by an officer in additional charge, is asked when the
 * sweep moves the complaint, for a missed first response as for a level's time running out.
 */
class ChargeAtSweepTest {
  private final MutableClock clock = new MutableClock(Fixtures.T0);

  private GrievancesBuilder builder() {
    return Grievances.builder().store(new InMemoryComplaintStore()).clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", ZoneOffset.UTC))
        .calendars(CalendarRegistry.of(PostAuthorityTest.ROUND_THE_CLOCK))
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.madhyaPradesh("MP", "24X7")))
        .directory(PostAuthorityTest.directory());
  }

  /** EE Raipur falls vacant and EE Durg takes its charge until {@code days} after T0. */
  private static void eeRaipurChargedUntil(Grievances g, int days) {
    g.transferOfficer(PostAuthorityTest.EE_RAIPUR, Optional.empty());
    g.giveAdditionalCharge(PostAuthorityTest.CE_SUPERVISOR, PostAuthorityTest.EE_RAIPUR, "OFF-EE-DURG",
        Fixtures.T0.plus(Duration.ofDays(days)), "EE Durg holds the charge");
  }

  private static Complaint atAe(Grievances g) {
    Complaint c = g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
        PostAuthorityTest.AGENT);
    assertThat(c.post()).contains(PostAuthorityTest.AE_RAIPUR);
    return c;
  }

  @Test
  void a_missed_first_response_escalates_to_a_post_above_under_charge_and_flags_it_for_that_post() {
    Grievances g = builder().firstResponsePolicy(FirstResponsePolicy.of(
        SlaBudget.openTime(Duration.ofHours(4)), "24X7", FirstResponsePolicy.OnMiss.ESCALATE)).build();
    eeRaipurChargedUntil(g, 30);
    Complaint c = atAe(g);

    clock.set(Fixtures.T0.plus(Duration.ofHours(5)));
    g.escalator().sweep();

    Complaint after = g.get(c.id());
    assertThat(after.post()).contains(PostAuthorityTest.EE_RAIPUR);
    assertThat(after.flags()).doesNotContain(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(g.history(c.id())).filteredOn(ComplaintEvent.ComplaintFlagged.class::isInstance)
        .map(e -> (ComplaintEvent.ComplaintFlagged) e)
        .singleElement()
        .satisfies(f -> {
          assertThat(f.flag()).isEqualTo(ComplaintFlag.FIRST_RESPONSE_MISSED);
          assertThat(f.attention()).contains(PostAuthorityTest.EE_RAIPUR);
        });
  }

  @Test
  void a_late_sweep_does_not_move_a_complaint_to_a_vacant_post_whose_charge_ended_before_the_sweep() {
    Grievances g = builder().build();
    eeRaipurChargedUntil(g, 8); // the L1 time (7 days) runs out while the charge is in force
    Complaint c = atAe(g);

    clock.set(Fixtures.T0.plus(Duration.ofDays(9))); // the sweep comes after the charge ended
    g.escalator().sweep();

    Complaint after = g.get(c.id());
    assertThat(after.post()).contains(PostAuthorityTest.AE_RAIPUR);
    assertThat(after.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(g.directory().orElseThrow().posts().answering(PostAuthorityTest.EE_RAIPUR, clock.instant())).isEmpty();
  }

  @Test
  void a_sweep_while_the_charge_holds_moves_the_complaint_to_the_post_under_charge() {
    Grievances g = builder().build();
    eeRaipurChargedUntil(g, 8);
    Complaint c = atAe(g);
    assertThat(c.dueAt().orElseThrow()).isBefore(Fixtures.T0.plus(Duration.ofDays(8)));

    clock.set(c.dueAt().orElseThrow().plus(Duration.ofHours(1)));
    g.escalator().sweep();

    assertThat(g.get(c.id()).post()).contains(PostAuthorityTest.EE_RAIPUR);
    assertThat(g.get(c.id()).flags()).doesNotContain(ComplaintFlag.ESCALATION_BLOCKED);
  }
}
