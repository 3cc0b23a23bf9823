package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The approval of a waiting special-closure request moves up once per deadline passed, never
 * early, each move stamped at its deadline; a late sweep leaves the same log as timely ones; and
 * the due instant the stores index is always the earliest pending deadline. On the district's
 * office calendar (Holi included), with an approval budget of 5 office hours, a request made at
 * a random minute of the week of 18 March 2024.
 */
class SpecialClosureWaitProperties {
  private static final SpecialClosurePolicy POLICY = SpecialClosurePolicy.builder()
      .approvalWithin(SlaBudget.openTime(Duration.ofHours(5)), "OFFICE").build();
  private static final Instant WEEK = ist(2024, 3, 18, 0, 0);
  /** The AE's complaint climbs EE, SE, CE for the approval; above the CE there is none. */
  private static final List<PostId> CHAIN = List.of(District.SE, District.CE);

  private record Run(Grievances g, Complaint requested) {}

  private static Run requestedAt(Instant at, MutableClock clock) {
    clock.set(at);
    Grievances g = District.grievances(new InMemoryComplaintStore(), clock).specialClosurePolicy(POLICY).build();
    Complaint c = g.register(
        Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), Actor.agent("A-1"));
    c = g.execute(c.id(), new ComplaintCommand.RequestSpecialClosure(SpecialClosureReason.PROHIBITED_SUBJECT, "निषिद्ध विषय"),
        Actor.officer("OFF-AE-1", District.AE));
    return new Run(g, c);
  }

  @Property(tries = 200)
  void the_approval_moves_up_once_per_deadline_passed_each_stamped_at_it_and_a_late_sweep_changes_nothing(
      @ForAll @IntRange(min = 0, max = 7 * 24 * 60 - 1) int requestMinute,
      @ForAll @IntRange(min = 0, max = 4 * 24 * 60) int firstSweepAfter,
      @ForAll @IntRange(min = 0, max = 4 * 24 * 60) int secondSweepAfter) {
    Instant requestAt = WEEK.plus(Duration.ofMinutes(requestMinute));
    Instant first = requestAt.plus(Duration.ofMinutes(firstSweepAfter));
    Instant second = first.plus(Duration.ofMinutes(secondSweepAfter));
    // the deadlines, worked out from the policy alone: each approver has the whole budget from the last
    List<Instant> deadlines = new ArrayList<>();
    Instant from = requestAt;
    for (int i = 0; i <= CHAIN.size(); i++) {
      from = POLICY.approvalDeadline(District.OFFICE, from);
      deadlines.add(from);
    }

    MutableClock clock = new MutableClock(requestAt);
    Run timely = requestedAt(requestAt, clock);
    assertThat(timely.requested().specialClosureDueAt()).contains(deadlines.get(0));
    clock.set(first);
    timely.g().escalator().sweep();
    clock.set(second);
    timely.g().escalator().sweep();
    Run late = requestedAt(requestAt, clock);
    clock.set(second);
    late.g().escalator().sweep();

    Complaint after = timely.g().get(timely.requested().id());
    List<ComplaintEvent> log = timely.g().history(after.id());
    List<ComplaintEvent> appended = log.subList((int) timely.requested().version(), log.size());
    long passed = deadlines.stream().filter(d -> !d.isAfter(second)).count();
    boolean levelRanOut = after.post().filter(District.AE::equals).isEmpty();
    Statistics.label("deadlines passed").collect(levelRanOut ? "L1 ran out" : String.valueOf(passed));
    if (!levelRanOut) {
      List<Instant> stamps = appended.stream().map(ComplaintEvent::occurredAt).toList();
      assertThat(stamps).containsExactlyElementsOf(deadlines.subList(0, (int) passed));
      for (int i = 0; i < passed && i < CHAIN.size(); i++) {
        assertThat(appended.get(i)).isInstanceOfSatisfying(ComplaintEvent.SpecialClosureDueSet.class, (e) -> {
          assertThat(e.dueAt()).isAfter(e.occurredAt());
        });
      }
      Optional<PostId> approver = passed == 0 ? Optional.empty() : Optional.of(CHAIN.get((int) Math.min(passed, 2) - 1));
      assertThat(after.specialClosureRequest().flatMap(r -> r.approver())).isEqualTo(approver);
      assertThat(after.flags().contains(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE)).isEqualTo(passed > CHAIN.size());
      assertThat(after.specialClosureDueAt())
          .isEqualTo(passed > CHAIN.size() ? Optional.empty() : Optional.of(deadlines.get((int) passed)));
    }
    // the due instant is the earliest pending deadline, and a late sweep leaves the same log
    assertThat(after.dueAt()).isEqualTo(Stream.of(after.slaDueAt(), after.firstResponseDueAt(), after.specialClosureDueAt())
        .flatMap(Optional::stream).min(Instant::compareTo));
    List<ComplaintEvent> lateLog = late.g().history(late.requested().id());
    assertThat(lateLog).isEqualTo(log);
    assertThat(Lifecycle.replay(log)).isEqualTo(after);
  }
}
