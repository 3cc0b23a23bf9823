package org.nivaran.grievance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;

/**
 * The arithmetic of {@link SlaTimer#retime} on the London office calendar of {@link
 * PriorityRetimingTest} (holidays, weekends and a change of clocks): a clock started at a random
 * instant, perhaps paused, re-timed at random later instants.
 */
class PriorityRetimingProperties {
  static final BusinessCalendar OFFICE = PriorityRetimingTest.OFFICE;
  static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

  /** A policy whose budgets are ordered: urgent ≤ high ≤ normal ≤ low, in working days or in open hours. */
  record Ladder(SlaPolicy policy) {}

  /** A clock of {@code priority} started at {@code start}, paused at {@code pause} if given, and two later instants. */
  record Scenario(Ladder ladder, Priority priority, Instant start, Optional<Instant> pause, Instant first, Instant second) {
    SlaTimer timer() {
      SlaTimer t = SlaTimer.start(ladder.policy(), Level.L1, priority, OFFICE, start);
      return pause.map(p -> t.pause(OFFICE, p)).orElse(t);
    }
  }

  @Provide
  Arbitrary<Ladder> ladders() {
    Arbitrary<Ladder> days = Arbitraries.integers().between(1, 12).list().ofSize(4).map(d -> {
      List<Integer> sorted = d.stream().sorted().toList();
      return new Ladder(policy(
          SlaBudget.workingDays(sorted.get(0)), SlaBudget.workingDays(sorted.get(1)),
          SlaBudget.workingDays(sorted.get(2)), SlaBudget.workingDays(sorted.get(3))));
    });
    Arbitrary<Ladder> hours = Arbitraries.integers().between(1, 120).list().ofSize(4).map(h -> {
      List<Integer> sorted = h.stream().sorted().toList();
      return new Ladder(policy(open(sorted.get(0)), open(sorted.get(1)), open(sorted.get(2)), open(sorted.get(3))));
    });
    return Arbitraries.oneOf(days, hours);
  }

  private static SlaBudget open(int hours) {
    return SlaBudget.openTime(Duration.ofHours(hours));
  }

  private static SlaPolicy policy(SlaBudget urgent, SlaBudget high, SlaBudget normal, SlaBudget low) {
    return SlaPolicy.builder("ORDERED", OFFICE.id())
        .level(Level.L1, Priority.URGENT, urgent)
        .level(Level.L1, Priority.HIGH, high)
        .level(Level.L1, Priority.LOW, low)
        .level(Level.L1, normal)
        .otherwise(SlaBudget.workingDays(7))
        .build();
  }

  private static Arbitrary<Duration> minutes(int max) {
    return Arbitraries.integers().between(0, max).map(Duration::ofMinutes);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            ladders(), Arbitraries.of(Priority.class), minutes(300 * 24 * 60), minutes(20 * 24 * 60).optional(),
            minutes(20 * 24 * 60), minutes(20 * 24 * 60))
        .as((ladder, priority, start, pause, first, second) -> {
          Instant s = FROM.plus(start);
          Optional<Instant> p = pause.map(s::plus);
          Instant t1 = p.orElse(s).plus(first);
          return new Scenario(ladder, priority, s, p, t1, t1.plus(second));
        });
  }

  @Property(tries = 400)
  void changing_a_to_b_and_back_to_a_gives_back_the_first_deadline(
      @ForAll("scenarios") Scenario s, @ForAll Priority other) {
    Assume.that(other != s.priority());
    SlaTimer a = s.timer();
    Assume.that(!a.clock(OFFICE).isBreached(s.second()));

    SlaTimer back = a.retime(other, OFFICE, s.first()).retime(s.priority(), OFFICE, s.second());

    assertThat(back.deadline()).isEqualTo(a.deadline());
    assertThat(back.budget()).isEqualTo(a.budget());
    assertThat(back.running()).isEqualTo(a.running());
    assertThat(back.started()).isEqualTo(a.started());
    assertThat(back.clock(OFFICE).remaining(s.second())).isEqualTo(a.clock(OFFICE).remaining(s.second()));
  }

  @Property(tries = 400)
  void raising_the_priority_never_moves_a_deadline_later_nor_leaves_more_time(
      @ForAll("scenarios") Scenario s, @ForAll Priority higher) {
    Assume.that(higher.isMoreUrgentThan(s.priority()));
    SlaTimer before = s.timer();

    SlaTimer after = before.retime(higher, OFFICE, s.first());

    assertThat(after.clock(OFFICE).remaining(s.first())).isLessThanOrEqualTo(before.clock(OFFICE).remaining(s.first()));
    if (before.deadline().isPresent() && after.deadline().isPresent()) {
      assertThat(after.deadline().get()).isBeforeOrEqualTo(before.deadline().get());
    }
    assertThat(after.running()).isEqualTo(before.running());
  }

  @Property(tries = 400)
  void a_retimed_deadline_lies_before_the_change_only_when_the_old_one_did(
      @ForAll("scenarios") Scenario s, @ForAll Priority to) {
    Assume.that(to != s.priority());
    SlaTimer before = s.timer();

    SlaTimer after = before.retime(to, OFFICE, s.first());

    boolean wasOverdue = before.clock(OFFICE).isBreached(s.first());
    if (after.deadline().filter(d -> d.isBefore(s.first())).isPresent()) {
      assertThat(wasOverdue).isTrue();
      assertThat(after).isEqualTo(before);
    }
    if (!wasOverdue) {
      // the new budget counted from the same start, or all that is spent when that is less
      Duration fresh = s.ladder().policy().budgetAt(Level.L1, to).openTimeFrom(OFFICE, s.start());
      Duration spent = before.clock(OFFICE).consumed(s.first());
      assertThat(after.budget()).isEqualTo(fresh.compareTo(spent) > 0 ? fresh : spent);
      assertThat(after.clock(OFFICE).consumed(s.first())).isEqualTo(spent);
    }
  }
}
