package org.nivaran.grievance.report;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.report.TwoDistricts.AE_DHAR_OFFICER;
import static org.nivaran.grievance.report.TwoDistricts.AGENT;
import static org.nivaran.grievance.report.TwoDistricts.DHAR_WARD;
import static org.nivaran.grievance.report.TwoDistricts.IST;
import static org.nivaran.grievance.report.TwoDistricts.ist;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The edges of the rules on {@link ComplaintFacts}, one complaint at a time: the period's bounds,
 * a reply exactly at the deadline, a deadline exactly at the end, reopenings and special closures.
 * Every complaint is energy in Dhar, assigned at L1 with 7 × 24 hours (no sweeps run).
 */
class EventLogGradingSourceTest {
  static final GradingPeriod MARCH = GradingPeriod.of(YearMonth.of(2024, 3), IST);
  static final Actor CITIZEN = Fixtures.CITIZEN;
  /** The Executive Engineer of Dhar, as the directory has them: energy's supervisor in the district. */
  static final Actor EE_DHAR_SUPERVISOR = Actor.supervisor("OFF-EE-DHAR", TwoDistricts.EE_DHAR);

  private final MutableClock clock = new MutableClock(ist(2024, 2, 1, 9, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances grievances = TwoDistricts.grievances(store, clock);

  private ComplaintId register(Instant at) {
    clock.set(at);
    return grievances.register(
        Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode(DHAR_WARD).build(), AGENT).id();
  }

  private void run(Instant at, ComplaintId id, ComplaintCommand command, Actor actor) {
    clock.set(at);
    grievances.execute(id, command, actor);
  }

  private static final ComplaintCommand REPLY = new ComplaintCommand.Resolve("ठीक कर दिया", List.of());
  private static final ComplaintCommand SATISFIED = new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.empty());

  private List<ComplaintFacts> march() {
    return EventLogGradingSource.of(store).facts(MARCH);
  }

  private ComplaintFacts marchFactsOf(ComplaintId id) {
    return march().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void the_period_is_half_open_registration_at_from_counts_and_anything_at_to_does_not() {
    ComplaintId before = register(ist(2024, 2, 20, 10, 0));
    ComplaintId atFrom = register(MARCH.from());
    ComplaintId atTo = register(MARCH.to());
    run(MARCH.to(), before, REPLY, AE_DHAR_OFFICER);

    assertThat(march()).extracting(ComplaintFacts::id).containsExactly(before, atFrom);
    assertThat(marchFactsOf(atFrom).receivedIn(MARCH)).isTrue();
    ComplaintFacts b = marchFactsOf(before);
    assertThat(b.receivedIn(MARCH)).isFalse();
    // the reply at `to` is after the end: still assigned, no reply counted, and due since 27 Feb
    assertThat(b.status()).isEqualTo(Status.ASSIGNED);
    assertThat(b.replies()).isZero();
    assertThat(b.beyondSla()).isTrue();
    assertThat(atTo).isNotNull();
  }

  @Test
  void a_reply_exactly_at_the_deadline_is_late_and_one_a_second_before_is_in_time() {
    ComplaintId late = register(ist(2024, 3, 1, 10, 0));
    ComplaintId inTime = register(ist(2024, 3, 1, 10, 0));
    run(ist(2024, 3, 8, 10, 0).minusSeconds(1), inTime, REPLY, AE_DHAR_OFFICER);
    run(ist(2024, 3, 8, 10, 0), late, REPLY, AE_DHAR_OFFICER); // due 1 Mar 10:00 + 7 days
    run(ist(2024, 3, 9, 10, 0), late, SATISFIED, AGENT);
    run(ist(2024, 3, 9, 10, 0), inTime, SATISFIED, AGENT);

    assertThat(marchFactsOf(late).withinSla()).isFalse();
    assertThat(marchFactsOf(inTime).withinSla()).isTrue();
    assertThat(marchFactsOf(late).disposedAt()).contains(ist(2024, 3, 9, 10, 0));
  }

  @Test
  void a_deadline_exactly_at_the_end_is_beyond_sla_and_one_a_second_later_is_not() {
    ComplaintId atEnd = register(ist(2024, 3, 25, 0, 0)); // due 1 Apr 00:00 IST, the end of March
    ComplaintId after = register(ist(2024, 3, 25, 0, 0).plusSeconds(1));

    assertThat(marchFactsOf(atEnd).beyondSla()).isTrue();
    assertThat(marchFactsOf(atEnd).level()).contains(Level.L1);
    assertThat(marchFactsOf(after).beyondSla()).isFalse();
  }

  @Test
  void a_complaint_closed_and_reopened_inside_the_period_is_pending_not_disposed() {
    ComplaintId id = register(ist(2024, 3, 2, 10, 0));
    run(ist(2024, 3, 3, 10, 0), id, REPLY, AE_DHAR_OFFICER);
    run(ist(2024, 3, 4, 10, 0), id, SATISFIED, CITIZEN);
    run(ist(2024, 3, 10, 10, 0), id, new ComplaintCommand.Reopen("फिर से खराब"), CITIZEN);

    ComplaintFacts f = marchFactsOf(id);

    assertThat(f.status()).isEqualTo(Status.REOPENED);
    assertThat(f.pending()).isTrue();
    assertThat(f.disposedAt()).isEmpty();
    assertThat(f.withinSla()).isFalse();
    assertThat(List.of(f.replies(), f.satisfied(), f.reopens())).containsExactly(1, 1, 1);
  }

  @Test
  void a_complaint_closed_before_the_period_and_closed_again_inside_it_is_disposed_at_the_second_closing() {
    ComplaintId id = register(ist(2024, 2, 20, 10, 0));
    run(ist(2024, 2, 21, 10, 0), id, REPLY, AE_DHAR_OFFICER);
    run(ist(2024, 2, 22, 10, 0), id, SATISFIED, CITIZEN);
    run(ist(2024, 3, 2, 10, 0), id, new ComplaintCommand.Reopen("फिर से खराब"), CITIZEN); // clock restarts: due 9 Mar
    run(ist(2024, 3, 3, 10, 0), id, REPLY, AE_DHAR_OFFICER);
    run(ist(2024, 3, 4, 10, 0), id, SATISFIED, CITIZEN);

    assertThat(marchFactsOf(id)).isEqualTo(new ComplaintFacts(
        id, DHAR_WARD, Optional.of("ENERGY"), Optional.of(Level.L1), ist(2024, 2, 20, 10, 0), Status.CLOSED,
        Optional.of(ist(2024, 3, 4, 10, 0)), true, false, 1, 0, 1, 0, 1));
  }

  @Test
  void a_special_closure_without_a_reply_is_a_disposal_judged_by_its_own_time() {
    ComplaintId early = register(ist(2024, 3, 1, 10, 0));
    ComplaintId late = register(ist(2024, 3, 1, 10, 0));
    run(ist(2024, 3, 5, 10, 0), early, new ComplaintCommand.SpecialClose("sub judice"), EE_DHAR_SUPERVISOR);
    run(ist(2024, 3, 12, 10, 0), late, new ComplaintCommand.SpecialClose("sub judice"), EE_DHAR_SUPERVISOR);

    assertThat(marchFactsOf(early).disposedAt()).contains(ist(2024, 3, 5, 10, 0));
    assertThat(marchFactsOf(early).withinSla()).isTrue();
    assertThat(marchFactsOf(late).disposedAt()).contains(ist(2024, 3, 12, 10, 0));
    assertThat(marchFactsOf(late).withinSla()).isFalse(); // due 8 Mar
  }

  @Test
  void a_complaint_withdrawn_before_the_period_has_no_facts_and_one_withdrawn_inside_is_neither_disposed_nor_pending() {
    ComplaintId february = register(ist(2024, 2, 20, 10, 0));
    run(ist(2024, 2, 21, 10, 0), february, new ComplaintCommand.Withdraw(Optional.empty()), CITIZEN);
    ComplaintId march = register(ist(2024, 2, 25, 10, 0));
    run(ist(2024, 3, 1, 10, 0), march, new ComplaintCommand.Withdraw(Optional.empty()), CITIZEN);

    assertThat(march()).extracting(ComplaintFacts::id).containsExactly(march);
    ComplaintFacts f = marchFactsOf(march);
    assertThat(f.disposedAt()).isEmpty();
    assertThat(f.pending()).isFalse();
    assertThat(f.receivedIn(MARCH)).isFalse();
  }

  @Test
  void the_source_reads_the_store_each_time_it_is_asked() {
    EventLogGradingSource source = EventLogGradingSource.of(store);
    assertThat(source.facts(MARCH)).isEmpty();

    register(ist(2024, 3, 2, 10, 0));

    assertThat(source.facts(MARCH)).hasSize(1);
    assertThat(EventLogGradingSource.over(() -> store.histories(TenantId.DEFAULT)).facts(MARCH)).isEqualTo(source.facts(MARCH));
  }
}
