package org.nivaran.grievance.escalation;

import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.store.Page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.ADM_1;
import static org.nivaran.grievance.escalation.District.ADM_2;
import static org.nivaran.grievance.escalation.District.CE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.District.JAL_1;
import static org.nivaran.grievance.escalation.District.JAL_2;
import static org.nivaran.grievance.escalation.District.JAL_3;
import static org.nivaran.grievance.escalation.District.JAL_4;
import static org.nivaran.grievance.escalation.District.JAL_DEPT;
import static org.nivaran.grievance.escalation.District.NODAL;
import static org.nivaran.grievance.escalation.District.SAHU;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.District.TEHSILDAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.policy.TransferPolicy;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Registration to the top of the ladder and past it, with a mutable clock and the office
 * calendar (Mon-Fri 10:00-18:00 IST, Holi on Monday 25 March 2024). Deadlines were worked out by
 * hand: a budget of N working days started at t runs to the close of the N-th working day after
 * t's date, and each level's clock starts when the previous level's time ran out.
 */
class EscalationEndToEndTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", AE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

  private Grievances grievances(TransferPolicy transfers) {
    return Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", IST))
        .directory(District.directory())
        .calendars(District.CALENDARS)
        .escalationPolicies(District.POLICIES)
        .notifier(sent::add)
        .transferPolicy(transfers)
        .build();
  }

  private final Grievances grievances = grievances(TransferPolicy.unlimited());

  static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(IST).toInstant();
  }

  private static RegisterComplaint request(String category, String jurisdiction) {
    return Fixtures.requestBuilder().categoryCode(category).jurisdictionCode(jurisdiction).build();
  }

  /** Sweeps at an instant (the clock set there), returning the complaint as stored after. */
  private Complaint sweepAt(Instant at, Complaint c) {
    clock.set(at);
    grievances.escalator().sweep();
    return grievances.get(c.id());
  }

  private static Instant deadline(Complaint c) {
    return c.sla().flatMap(SlaTimer::deadline).orElseThrow();
  }

  @Test
  void mp_ladder_from_registration_to_l4_and_past_it() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);

    // routed at once: the ward has no energy post, its tehsil has the AE
    assertThat(c.status()).isEqualTo(Status.ASSIGNED);
    assertThat(c.post()).contains(AE);
    assertThat(c.level()).contains(Level.L1);
    assertThat(c.sla().orElseThrow().policy()).isEqualTo(District.MP.sla());
    // 7 working days from Tue 19 Mar 11:00, skipping Holi: the close of Fri 29 Mar
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 29, 18, 0));
    assertThat(c.dueAt()).contains(ist(2024, 3, 29, 18, 0));

    // a minute early: nothing happens
    assertThat(sweepAt(ist(2024, 3, 29, 17, 59), c).level()).contains(Level.L1);

    c = sweepAt(ist(2024, 3, 30, 9, 0), c); // the Saturday-morning sweep
    assertThat(c.post()).contains(EE);
    assertThat(c.level()).contains(Level.L2);
    assertThat(c.sla().orElseThrow().since()).isEqualTo(ist(2024, 3, 29, 18, 0));
    assertThat(deadline(c)).isEqualTo(ist(2024, 4, 9, 18, 0));

    // the same sweep again, and one later the same day: still L2, one escalation
    c = sweepAt(ist(2024, 3, 30, 9, 0), c);
    c = sweepAt(ist(2024, 3, 30, 15, 0), c);
    assertThat(c.level()).contains(Level.L2);

    c = sweepAt(ist(2024, 4, 10, 10, 0), c);
    assertThat(c.post()).contains(SE);
    assertThat(deadline(c)).isEqualTo(ist(2024, 4, 18, 18, 0));

    c = sweepAt(ist(2024, 4, 18, 18, 0), c); // exactly at the deadline
    assertThat(c.post()).contains(CE);
    assertThat(c.level()).contains(Level.L4);
    assertThat(deadline(c)).isEqualTo(ist(2024, 4, 29, 18, 0));

    c = sweepAt(ist(2024, 4, 30, 10, 0), c); // past the top: flagged overdue, stays at L4
    assertThat(c.level()).contains(Level.L4);
    assertThat(c.flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
    assertThat(c.dueAt()).isEmpty();
    assertThat(c.sla().orElseThrow().isBreached(clock.instant())).isTrue();

    List<ComplaintEvent> escalations =
        grievances.history(c.id()).stream().filter(e -> e instanceof ComplaintEvent.ComplaintEscalated).toList();
    assertThat(escalations).extracting(e -> ((ComplaintEvent.ComplaintEscalated) e).to().post())
        .containsExactly(EE, SE, CE);
    c = sweepAt(ist(2024, 6, 1, 10, 0), c);
    assertThat(grievances.history(c.id()).stream().filter(e -> e instanceof ComplaintEvent.ComplaintFlagged)).hasSize(1);

    // the holders were told, the supervisors above L2 too
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.ESCALATED_TO_YOU)
        .extracting(n -> n.recipient().post().orElseThrow())
        .containsExactly(EE, SE, CE);
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.ESCALATED_SUPERVISOR)
        .extracting(n -> n.recipient().post().orElseThrow())
        .containsExactly(CE);
  }

  @Test
  void up_ladder_gives_fifteen_days_at_the_department_then_seven_at_each_level() {
    Complaint c = grievances.register(request("JAL.PIPE", "WARD-12"), AGENT);
    assertThat(c.post()).contains(JAL_DEPT);
    assertThat(c.level()).contains(Level.of(0));
    assertThat(deadline(c)).isEqualTo(ist(2024, 4, 10, 18, 0));

    List<PostId> posts = new ArrayList<>();
    List<Instant> deadlines = new ArrayList<>();
    for (Instant sweep :
        List.of(ist(2024, 4, 11, 10, 0), ist(2024, 4, 22, 10, 0), ist(2024, 5, 1, 10, 0), ist(2024, 5, 10, 10, 0))) {
      c = sweepAt(sweep, c);
      posts.add(c.post().orElseThrow());
      deadlines.add(deadline(c));
    }
    assertThat(posts).containsExactly(JAL_1, JAL_2, JAL_3, JAL_4);
    assertThat(deadlines).containsExactly(
        ist(2024, 4, 19, 18, 0), ist(2024, 4, 30, 18, 0), ist(2024, 5, 9, 18, 0), ist(2024, 5, 20, 18, 0));

    c = sweepAt(ist(2024, 5, 21, 10, 0), c);
    assertThat(c.flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
    assertThat(c.post()).contains(JAL_4);
  }

  @Test
  void a_new_officer_at_the_post_inherits_its_pending_complaints_mid_way() {
    Complaint first = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    clock.set(ist(2024, 3, 20, 12, 0));
    Complaint second = grievances.execute(
        grievances.register(request("ENERGY.SUPPLY", "RAIPUR-TEHSIL"), AGENT).id(), new ComplaintCommand.StartWork(), AE_VERMA);
    sent.clear();

    clock.set(ist(2024, 3, 21, 10, 0));
    List<Complaint> inherited = grievances.transferOfficer(AE, Optional.of(SAHU));

    assertThat(inherited).extracting(Complaint::id).containsExactly(first.id(), second.id());
    assertThat(grievances.directory().orElseThrow().posts().get(AE).holder()).contains(SAHU);
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.HANDOVER);
      assertThat(n.recipient().phone()).isEqualTo(SAHU.phone());
      assertThat(n.body()).contains(first.id().toString()).contains(second.id().toString());
    });
    // the successor works the complaint; the clock keeps running from the original assignment
    Actor sahu = Actor.officer(SAHU.id(), AE);
    Complaint resolved = grievances.execute(second.id(), new ComplaintCommand.Resolve("लाइन ठीक कर दी", List.of()), sahu);
    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    assertThat(resolved.sla().orElseThrow().running()).isFalse();
    // the first is still escalated on time; the resolved one never is
    sweepAt(ist(2024, 4, 1, 10, 0), first);
    assertThat(grievances.get(first.id()).post()).contains(EE);
    assertThat(grievances.get(second.id()).post()).contains(AE);
  }

  @Test
  void a_walk_in_goes_to_the_additional_collector_on_duty_that_day() {
    // the roster rotates ADM-1, ADM-2 over the working days from Mon 18 March
    clock.set(ist(2024, 3, 19, 11, 0)); // Tuesday: the second working day
    Complaint tuesday = grievances.register(
        Fixtures.requestBuilder().channel(Channel.WALK_IN_HEARING).categoryCode("HEARING.GENERAL")
            .jurisdictionCode("RAIPUR").build(),
        AGENT);
    clock.set(ist(2024, 3, 26, 11, 0)); // Tuesday after Holi: the sixth working day
    Complaint afterHoli = grievances.register(
        Fixtures.requestBuilder().channel(Channel.WALK_IN_HEARING).categoryCode("REVENUE.LAND")
            .jurisdictionCode("WARD-12").build(),
        AGENT);

    assertThat(tuesday.post()).contains(ADM_2);
    assertThat(afterHoli.post()).contains(ADM_2);
    assertThat(afterHoli.level()).contains(Level.L2);
    clock.set(ist(2024, 3, 27, 11, 0));
    Complaint wednesday = grievances.register(
        Fixtures.requestBuilder().channel(Channel.WALK_IN_HEARING).categoryCode("REVENUE.LAND")
            .jurisdictionCode("WARD-12").build(),
        AGENT);
    assertThat(wednesday.post()).contains(ADM_1);
  }

  @Test
  void a_blocked_number_is_refused_at_registration_and_nothing_is_stored() {
    PhoneNumber phone = Fixtures.request().citizen().phone();
    grievances.block(new BlockEntry(phone, "3 fake complaints", "COLLECTOR-RAIPUR", ist(2024, 3, 1, 10, 0),
        Optional.of(ist(2024, 6, 1, 0, 0))));

    assertThatThrownBy(() -> grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT))
        .isInstanceOf(BlockedNumberException.class)
        .hasMessageContaining("citizen.phone")
        .hasMessageContaining("3 fake complaints")
        .satisfies(e -> assertThat(((BlockedNumberException) e).field()).isEqualTo("citizen.phone"));
    assertThat(store.size()).isZero();

    clock.set(ist(2024, 6, 1, 0, 0)); // the block has expired
    assertThat(grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT).post()).contains(AE);
  }

  @Test
  void an_escalation_with_no_post_above_is_recorded_and_listed_as_stuck_not_skipped() {
    Complaint c = grievances.register(request("REVENUE.LAND", "WARD-12"), AGENT);
    assertThat(c.post()).contains(TEHSILDAR);

    c = sweepAt(ist(2024, 4, 1, 10, 0), c);

    assertThat(c.post()).contains(TEHSILDAR);
    assertThat(c.flags()).containsExactly(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(grievances.stuck(10)).extracting(Complaint::id).containsExactly(c.id());
    ComplaintEvent.ComplaintFlagged flagged = (ComplaintEvent.ComplaintFlagged) grievances.history(c.id()).get(
        grievances.history(c.id()).size() - 1);
    assertThat(flagged.detail()).contains("no post above TEHSILDAR-RAIPUR");
    assertThat(flagged.attention()).contains(NODAL);
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.FLAGGED).singleElement().satisfies(n -> {
      assertThat(n.recipient().post()).contains(NODAL);
      assertThat(n.recipient().role()).isEqualTo(org.nivaran.grievance.notify.RecipientRole.NODAL_OFFICER);
    });
    // later sweeps do not record it again
    c = sweepAt(ist(2024, 4, 2, 10, 0), c);
    assertThat(grievances.history(c.id()).stream().filter(e -> e instanceof ComplaintEvent.ComplaintFlagged)).hasSize(1);
    // resolving it takes it off the stuck list
    grievances.execute(c.id(), new ComplaintCommand.Resolve("खसरा सुधार दिया", List.of()),
        Actor.officer("OFF-TEH", TEHSILDAR));
    assertThat(grievances.stuck(10)).isEmpty();
  }

  @Test
  void a_vacant_post_above_blocks_until_filled_then_the_next_sweep_escalates() {
    grievances.transferOfficer(EE, Optional.empty());
    Complaint c = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);

    c = sweepAt(ist(2024, 4, 1, 10, 0), c);
    assertThat(c.flags()).containsExactly(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(c.post()).contains(AE);

    grievances.transferOfficer(EE, Optional.of(District.officer("OFF-EE-NEW", "नए ईई", "9826000099")));
    c = sweepAt(ist(2024, 4, 2, 10, 0), c);
    assertThat(c.post()).contains(EE);
    assertThat(c.flags()).isEmpty();
    // the new level's full budget counts from the unblocking, not from the old deadline
    assertThat(c.sla().orElseThrow().since()).isEqualTo(ist(2024, 4, 2, 10, 0));
  }

  @Test
  void a_complaint_bounced_between_departments_is_flagged_for_the_nodal_officer() {
    Grievances limited = grievances(new TransferPolicy(1));
    Complaint c = limited.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    c = limited.execute(c.id(),
        new ComplaintCommand.Transfer(TEHSILDAR, "REVENUE", Level.L1, "land dispute, not an energy matter"), AE_VERMA);
    assertThat(c.post()).contains(TEHSILDAR);
    assertThat(c.sla().orElseThrow().level()).isEqualTo(Level.L1);

    Actor tehsildar = Actor.officer("OFF-TEH", TEHSILDAR);
    Complaint bounced = limited.execute(c.id(),
        new ComplaintCommand.Transfer(AE, "ENERGY", Level.L1, "not my department"), tehsildar);

    assertThat(bounced.post()).contains(TEHSILDAR);
    assertThat(bounced.transferCount()).isEqualTo(1);
    assertThat(bounced.flags()).containsExactly(ComplaintFlag.TRANSFER_LIMIT_REACHED);
    ComplaintEvent last = limited.history(c.id()).get(limited.history(c.id()).size() - 1);
    assertThat(last).isInstanceOfSatisfying(ComplaintEvent.ComplaintFlagged.class,
        f -> assertThat(f.attention()).contains(NODAL));
    // the nodal officer (a supervisor) sorts it out; that transfer is not limited
    Complaint sorted = limited.execute(c.id(),
        new ComplaintCommand.Transfer(AE, "ENERGY", Level.L1, "energy: the transformer feeds the plot"),
        Actor.supervisor("OFF-NODAL", NODAL));
    assertThat(sorted.post()).contains(AE);
    assertThat(sorted.flags()).isEmpty();
  }

  @Test
  void a_ladder_that_notifies_the_head_of_department_past_the_top_names_and_tells_the_chief_engineer() {
    Grievances headed = Grievances.builder()
        .store(store).clock(clock).directory(District.directory()).calendars(District.CALENDARS)
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.builder("MP", "OFFICE")
            .otherwise(org.nivaran.grievance.sla.SlaBudget.workingDays(7))
            .top(Level.L2)
            .pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT)
            .build(), District.UP)) // UP: the water categories name it
        .notifier(sent::add)
        .build();
    Complaint c = headed.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    clock.set(ist(2024, 4, 1, 10, 0));
    headed.escalator().sweep();
    clock.set(ist(2024, 4, 10, 10, 0));
    headed.escalator().sweep();

    Complaint after = headed.get(c.id());
    assertThat(after.level()).contains(Level.L2);
    assertThat(after.flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.OVERDUE_AT_TOP).singleElement().satisfies(n -> {
      assertThat(n.recipient().post()).contains(CE);
      assertThat(n.recipient().role()).isEqualTo(org.nivaran.grievance.notify.RecipientRole.HEAD_OF_DEPARTMENT);
    });
  }

  @Test
  void a_complaint_no_post_can_take_is_kept_flagged_unrouted_for_the_nodal_officer() {
    // revenue has a post only at the tehsil; a complaint about the district itself has none
    Complaint c = grievances.register(request("REVENUE.LAND", "RAIPUR"), AGENT);

    assertThat(c.status()).isEqualTo(Status.REGISTERED);
    assertThat(c.flags()).containsExactly(ComplaintFlag.UNROUTED);
    assertThat(Page.collect(r -> store.flagged(TenantId.DEFAULT, ComplaintFlag.UNROUTED, r), 10)).extracting(Complaint::id).containsExactly(c.id());
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.FLAGGED)
        .extracting(n -> n.recipient().post().orElseThrow()).containsExactly(NODAL);
    // assigned by hand, the flag clears and the clock starts
    Complaint assigned = grievances.execute(c.id(), new ComplaintCommand.Assign(TEHSILDAR, "REVENUE", Level.L1), AGENT);
    assertThat(assigned.flags()).isEmpty();
    assertThat(deadline(assigned)).isEqualTo(ist(2024, 3, 29, 18, 0));
  }

  @Test
  void unknown_codes_are_refused_naming_the_field_and_nothing_is_stored() {
    assertThatThrownBy(() -> grievances.register(request("ENERGY.NO-SUCH", "WARD-12"), AGENT))
        .isInstanceOfSatisfying(org.nivaran.grievance.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("categoryCode"));
    assertThatThrownBy(() -> grievances.register(request("ENERGY.SUPPLY", "WARD-99"), AGENT))
        .isInstanceOfSatisfying(org.nivaran.grievance.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("jurisdictionCode"));
    assertThat(store.size()).isZero();
  }

  @Test
  void the_sla_policy_recorded_at_assignment_is_kept_when_the_configuration_changes() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    // the same store, now configured with a 3-day MP policy under the same id
    Grievances reconfigured = Grievances.builder()
        .store(store).clock(clock).directory(District.directory()).calendars(District.CALENDARS)
        .escalationPolicies(EscalationPolicies.of(
            LadderPolicy.builder("MP", "OFFICE").otherwise(org.nivaran.grievance.sla.SlaBudget.workingDays(3)).build(),
            District.UP))
        .build();
    clock.set(ist(2024, 3, 30, 9, 0));
    reconfigured.escalator().sweep();
    Complaint after = reconfigured.get(c.id());
    assertThat(after.post()).contains(EE);
    // L2 still has the recorded 7 working days: Tue 9 April, not Wed 3 April
    assertThat(deadline(after)).isEqualTo(ist(2024, 4, 9, 18, 0));
  }

  @Test
  void asking_the_citizen_pauses_the_clock_and_the_answer_resumes_it() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY", "WARD-12"), AGENT);
    clock.set(ist(2024, 3, 20, 10, 0)); // 8 open hours later
    c = grievances.execute(c.id(), new ComplaintCommand.RequestInformation("बिल की प्रति भेजें"), AE_VERMA);
    assertThat(c.sla().orElseThrow().running()).isFalse();
    assertThat(c.dueAt()).isEmpty();
    clock.set(ist(2024, 3, 22, 10, 0)); // two working days later
    c = grievances.execute(c.id(), new ComplaintCommand.ProvideInformation("भेज दी", List.of()), AGENT);
    // the 16 open hours waited on the citizen move the deadline by two working days
    assertThat(deadline(c)).isEqualTo(ist(2024, 4, 2, 18, 0));
  }
}
