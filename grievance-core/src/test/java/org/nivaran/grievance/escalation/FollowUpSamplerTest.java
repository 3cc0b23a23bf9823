package org.nivaran.grievance.escalation;

import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.store.Append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.District.TEHSILDAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;

/**
 * The follow-up sample: reproducible, independent of the order of posts, drawn from pending
 * complaints only. And a ladder that keeps a complaint at its top rung ({@link PastTop#STAY}).
 */
class FollowUpSamplerTest {
  private static final Instant T0 = Fixtures.T0;
  private static final Actor SYSTEM = Actor.system("test");

  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private int next = 1;

  /** A new complaint assigned to {@code post} at L1, each registered a second after the one before. */
  private Complaint pendingAt(PostId post, String department) {
    int n = next++;
    ComplaintEvent.ComplaintRegistered r =
        Lifecycle.register(ComplaintId.of(String.format("RPR-2024-%06d", n)), Fixtures.request(), Fixtures.AGENT,
            T0.plusSeconds(n));
    Complaint c = Lifecycle.start(r);
    store.create(new NewComplaint(c, List.of(r), Optional.empty(), "fp-" + n));
    return run(c, new ComplaintCommand.Assign(post, department, Level.L1), SYSTEM);
  }

  private Complaint run(Complaint c, ComplaintCommand command, Actor actor) {
    List<ComplaintEvent> events = Lifecycle.decide(c, command, actor, c.updatedAt().plusSeconds(1));
    Complaint after = c;
    for (ComplaintEvent e : events) {
      after = Lifecycle.evolve(after, e);
    }
    store.append(Append.of(after, events, c.version()));
    return after;
  }

  private List<Complaint> pendingAt(PostId post, String department, int count) {
    List<Complaint> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      made.add(pendingAt(post, department));
    }
    return made;
  }

  private static List<String> ids(List<Complaint> complaints) {
    return complaints.stream().map(c -> c.id().value()).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Reproducibility

  @Test
  void the_same_seed_gives_the_same_sample_whatever_the_order_of_the_posts() {
    pendingAt(AE, "ENERGY", 12);
    pendingAt(EE, "ENERGY", 7);
    pendingAt(TEHSILDAR, "REVENUE", 9);

    Map<PostId, List<Complaint>> a = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE, EE, TEHSILDAR), 3, 20_240_319L);
    Map<PostId, List<Complaint>> b = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(TEHSILDAR, AE, EE), 3, 20_240_319L);
    Map<PostId, List<Complaint>> c = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(EE, TEHSILDAR, EE, AE, AE), 3, 20_240_319L);

    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
    // in post order, three each, each sample ordered by id
    assertThat(a.keySet()).containsExactly(AE, EE, TEHSILDAR);
    assertThat(a.values()).allSatisfy(sample -> {
      assertThat(sample).hasSize(3);
      assertThat(ids(sample)).isSorted().doesNotHaveDuplicates();
    });
  }

  @Test
  void a_posts_sample_depends_only_on_the_seed_the_post_and_its_own_pending_complaints() {
    pendingAt(AE, "ENERGY", 12);
    List<Complaint> alone = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE), 4, 7L).get(AE);

    pendingAt(EE, "ENERGY", 10); // more work elsewhere
    Map<PostId, List<Complaint>> both = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(EE, AE), 4, 7L);

    assertThat(both.get(AE)).isEqualTo(alone);
  }

  @Test
  void different_seeds_give_different_samples() {
    List<Complaint> pending = pendingAt(AE, "ENERGY", 20);

    Set<List<String>> samples = new HashSet<>();
    Set<String> everChosen = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      List<String> sample = ids(FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE), 3, seed).get(AE));
      samples.add(sample);
      everChosen.addAll(sample);
    }

    // 1140 possible samples of 3 out of 20: a hundred seeds give many of them, and reach everyone
    assertThat(samples).hasSizeGreaterThan(50);
    assertThat(everChosen).containsExactlyInAnyOrderElementsOf(ids(pending));
  }

  // ---------------------------------------------------------------------------------------------
  // What is sampled

  @Test
  void a_post_with_no_more_pending_complaints_than_asked_gives_all_of_them() {
    List<Complaint> few = pendingAt(TEHSILDAR, "REVENUE", 3);

    assertThat(FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(TEHSILDAR), 10, 1L).get(TEHSILDAR))
        .containsExactlyElementsOf(few);
    assertThat(FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(TEHSILDAR), 3, 1L).get(TEHSILDAR))
        .containsExactlyElementsOf(few);
  }

  @Test
  void only_complaints_waiting_on_the_officer_at_the_post_are_sampled() {
    Complaint open = pendingAt(AE, "ENERGY");
    Complaint awaiting = run(pendingAt(AE, "ENERGY"),
        new ComplaintCommand.RequestInformation("bill please"), Actor.officer("OFF-AE-1", AE));
    run(pendingAt(AE, "ENERGY"), new ComplaintCommand.Withdraw(Optional.empty()), Fixtures.CITIZEN);
    run(pendingAt(AE, "ENERGY"),
        new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "same as another", Optional.of(open.id())), Fixtures.AGENT);
    Complaint escalated = run(pendingAt(AE, "ENERGY"), new ComplaintCommand.Escalate(EE, "time ran out"), SYSTEM);

    Map<PostId, List<Complaint>> sample = FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE, EE, TEHSILDAR), 10, 5L);

    assertThat(sample.get(AE)).containsExactly(open); // not the one awaiting the citizen
    assertThat(awaiting.status()).isEqualTo(org.nivaran.grievance.complaint.Status.AWAITING_CITIZEN);
    assertThat(sample.get(EE)).containsExactly(escalated);
    assertThat(sample).doesNotContainKey(TEHSILDAR); // nothing pending there
  }

  @Test
  void fewer_than_one_per_post_is_refused() {
    pendingAt(AE, "ENERGY");

    assertThatThrownBy(() -> FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE), 0, 1L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FollowUpSampler.sample(store, TenantId.DEFAULT, List.of(AE), -3, 1L)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // A ladder that stays at its top rung

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(IST).toInstant();
  }

  @Test
  void past_the_top_a_stay_ladder_restarts_the_top_rungs_clock_from_the_instant_it_ran_out() {
    // energy complaints enter and top out at L1: the AE keeps them, a fresh 7 working days each time
    LadderPolicy stay = LadderPolicy.builder("MP", "OFFICE")
        .entry(Level.L1).top(Level.L1).otherwise(SlaBudget.workingDays(7)).pastTop(PastTop.STAY).build();
    MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
    Grievances grievances = Grievances.builder()
        .store(new InMemoryComplaintStore())
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", IST))
        .directory(District.directory())
        .calendars(District.CALENDARS)
        .escalationPolicies(EscalationPolicies.of(stay, District.UP))
        .build();
    Complaint c = grievances.register(
        Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), Fixtures.AGENT);
    assertThat(c.post()).contains(AE);
    assertThat(c.dueAt()).contains(ist(2024, 3, 29, 18, 0)); // Holi skipped

    clock.set(ist(2024, 3, 30, 9, 0)); // swept on Saturday morning
    EscalationReport report = grievances.escalator().sweep();

    assertThat(report.outcomes()).singleElement().satisfies(o -> {
      assertThat(o.action()).isEqualTo(EscalationReport.Action.RESTARTED_AT_TOP);
      assertThat(o.from()).isEqualTo(Level.L1);
    });
    Complaint after = grievances.get(c.id());
    SlaTimer timer = after.sla().orElseThrow();
    assertThat(after.post()).contains(AE);
    assertThat(after.level()).contains(Level.L1);
    assertThat(after.flags()).isEmpty();
    assertThat(timer.since()).isEqualTo(ist(2024, 3, 29, 18, 0)); // the old deadline, not the sweep
    assertThat(timer.deadline()).contains(ist(2024, 4, 9, 18, 0));
    assertThat(after.dueAt()).contains(ist(2024, 4, 9, 18, 0));
    assertThat(grievances.history(c.id()).get(grievances.history(c.id()).size() - 1))
        .isInstanceOf(ComplaintEvent.SlaTimerSet.class);

    // not due again until the new deadline; then restarted from it once more
    clock.set(ist(2024, 4, 9, 17, 59));
    assertThat(grievances.escalator().sweep().outcomes()).isEmpty();
    clock.set(ist(2024, 4, 12, 10, 0));
    assertThat(grievances.escalator().sweep().count(EscalationReport.Action.RESTARTED_AT_TOP)).isEqualTo(1);
    assertThat(grievances.get(c.id()).sla().orElseThrow().since()).isEqualTo(ist(2024, 4, 9, 18, 0));
  }
}
