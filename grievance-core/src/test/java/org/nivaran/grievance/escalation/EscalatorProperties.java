package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The escalator, run any number of times at any instants among registrations and resolutions,
 * never escalates a complaint twice for the same level, never before the level's deadline, never
 * once it is resolved; and, swept far enough into the future, every unresolved complaint reaches
 * the top of its ladder.
 */
class EscalatorProperties {

  sealed interface Op permits Advance, Sweep, Register, Resolve {}

  record Advance(Duration by) implements Op {}

  record Sweep() implements Op {}

  record Register(String category, String jurisdiction) implements Op {}

  record Resolve(int pick) implements Op {}

  @Provide
  Arbitrary<List<Op>> scripts() {
    Arbitrary<Op> advance = Arbitraries.integers().between(1, 14 * 24 * 60).map(m -> new Advance(Duration.ofMinutes(m)));
    Arbitrary<Op> sweep = Arbitraries.just(new Sweep());
    Arbitrary<Op> register = Combinators.combine(
            Arbitraries.of("ENERGY.SUPPLY", "REVENUE.LAND", "JAL.PIPE"),
            Arbitraries.of("WARD-12", "RAIPUR-TEHSIL", "RAIPUR"))
        .as(Register::new);
    Arbitrary<Op> resolve = Arbitraries.integers().between(0, 99).map(Resolve::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, advance), net.jqwik.api.Tuple.of(4, sweep),
            net.jqwik.api.Tuple.of(3, register), net.jqwik.api.Tuple.of(1, resolve))
        .list().ofMinSize(5).ofMaxSize(40);
  }

  @Property(tries = 150)
  void escalations_happen_once_per_level_never_early_never_after_resolution(@ForAll("scripts") List<Op> script) {
    MutableClock clock = new MutableClock(EscalationEndToEndTest.ist(2024, 3, 18, 9, 0));
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances grievances = Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", District.IST))
        .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(District.POLICIES)
        .build();
    Escalator escalator = grievances.escalator();
    List<Complaint> registered = new ArrayList<>();
    for (Op op : script) {
      if (op instanceof Advance a) {
        clock.advance(a.by());
      } else if (op instanceof Sweep) {
        escalator.sweep();
      } else if (op instanceof Register r) {
        registered.add(grievances.register(
            Fixtures.requestBuilder().categoryCode(r.category()).jurisdictionCode(r.jurisdiction()).build(),
            Actor.agent("AGENT-1")));
      } else if (op instanceof Resolve r && !registered.isEmpty()) {
        Complaint c = grievances.get(registered.get(r.pick() % registered.size()).id());
        if (c.status() == Status.ASSIGNED) {
          PostId post = c.post().orElseThrow();
          String holder = grievances.directory().orElseThrow().posts().get(post).holder().orElseThrow().id();
          grievances.execute(c.id(), new ComplaintCommand.Resolve("done", List.of()), Actor.officer(holder, post));
        }
      }
    }
    for (Complaint c : registered) {
      checkHistory(grievances.history(c.id()));
    }

    // far enough ahead, every unresolved complaint has climbed to the top or is stuck
    for (int i = 0; i < 8; i++) {
      clock.advance(Duration.ofDays(30));
      escalator.sweep();
    }
    for (Complaint c : registered) {
      Complaint now = grievances.get(c.id());
      checkHistory(grievances.history(c.id()));
      if (now.status() == Status.REGISTERED) { // no post for its category there
        assertThat(now.flags()).containsExactly(org.nivaran.grievance.complaint.ComplaintFlag.UNROUTED);
      } else if (now.status() == Status.ASSIGNED) {
        assertThat(now.flags()).as("%s at %s", now.id(), now.post()).isNotEmpty();
        assertThat(now.dueAt()).isEmpty();
      }
      Statistics.label("end state").collect(now.status() + " " + now.level().map(Object::toString).orElse("-") + " " + now.flags());
    }
  }

  /** Checks one complaint's log against the three promises. */
  private static void checkHistory(List<ComplaintEvent> history) {
    Optional<SlaTimer> timer = Optional.empty();
    boolean resolved = false;
    Level lastEscalatedFrom = null;
    for (ComplaintEvent e : history) {
      if (e instanceof ComplaintEvent.ComplaintEscalated esc) {
        assertThat(resolved).as("escalated after resolution: %s", e).isFalse();
        Instant deadline = timer.flatMap(SlaTimer::deadline).orElseThrow();
        assertThat(esc.occurredAt()).as("escalated before the deadline %s", deadline).isAfterOrEqualTo(deadline);
        assertThat(timer.orElseThrow().level()).isEqualTo(esc.from().level());
        if (lastEscalatedFrom != null) {
          assertThat(esc.from().level()).as("escalated twice from one level").isGreaterThan(lastEscalatedFrom);
        }
        lastEscalatedFrom = esc.from().level();
      } else if (e instanceof ComplaintEvent.ComplaintFlagged f && f.actor().equals(Actor.system("escalator"))) {
        assertThat(resolved).isFalse();
        assertThat(f.occurredAt()).isAfterOrEqualTo(timer.flatMap(SlaTimer::deadline).orElseThrow());
      } else if (e instanceof ComplaintEvent.SlaTimerSet t) {
        timer = Optional.of(t.timer());
      } else if (e instanceof ComplaintEvent.ResolutionFiled) {
        resolved = true;
      }
    }
  }

  /** Four escalators sweeping at once escalate each due complaint exactly once. */
  @Test
  void concurrent_sweeps_escalate_each_due_complaint_once() throws Exception {
    MutableClock clock = new MutableClock(EscalationEndToEndTest.ist(2024, 3, 19, 11, 0));
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances grievances = Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", District.IST))
        .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(District.POLICIES)
        .build();
    List<Complaint> complaints = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      complaints.add(grievances.register(
          Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(), Actor.agent("A")));
    }
    clock.set(EscalationEndToEndTest.ist(2024, 4, 1, 10, 0));
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<EscalationReport>> reports = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Escalator escalator = grievances.escalator();
        reports.add(pool.submit(() -> {
          start.await();
          return escalator.sweep();
        }));
      }
      long escalated = 0;
      for (Future<EscalationReport> f : reports) {
        escalated += f.get(60, TimeUnit.SECONDS).count(EscalationReport.Action.ESCALATED);
      }
      assertThat(escalated).isEqualTo(300);
    } finally {
      pool.shutdownNow();
    }
    for (Complaint c : complaints) {
      assertThat(grievances.history(c.id()).stream().filter(e -> e instanceof ComplaintEvent.ComplaintEscalated))
          .hasSize(1);
      assertThat(grievances.get(c.id()).post()).contains(District.EE);
    }
  }
}
