package org.nivaran.grievance.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * jqwik arbitraries for the JSON tests, beyond the shared {@link ComplaintArbitraries}: SLA
 * budgets, policies and timers with random values, and event logs whose random walk also
 * reassigns, flags, sets SLA timers and first-response deadlines, records contacts, and asks for
 * special closures (by the officer of the post) and times them, so that complaints carry timers,
 * flags, first responses and timed special-closure requests.
 */
final class SlaJsonArbitraries {
  private SlaJsonArbitraries() {}

  private static final Actor TIMEKEEPER = Actor.system("timekeeper");

  /** A positive duration, from a nanosecond to about 4 years, often whole hours. */
  static Arbitrary<Duration> positiveDurations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(1, 35_000).map(Duration::ofHours),
        Combinators.combine(Arbitraries.longs().between(0, 126_000_000L), Arbitraries.longs().between(0, 999_999_999L))
            .as(Duration::ofSeconds)
            .filter(d -> !d.isZero()));
  }

  static Arbitrary<Duration> nonNegativeDurations() {
    return Arbitraries.oneOf(Arbitraries.just(Duration.ZERO), positiveDurations());
  }

  /** An instant within about 30 years of 2024, sometimes with nanoseconds. */
  static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(-500_000_000L, 500_000_000L),
            Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 999_999_999L)))
        .as((seconds, nanos) -> Fixtures.T0.plusSeconds(seconds).plusNanos(nanos));
  }

  static Arbitrary<Level> levels() {
    return Arbitraries.integers().between(0, 99).map(Level::of);
  }

  static Arbitrary<SlaBudget> budgets() {
    return Arbitraries.oneOf(
        positiveDurations().map(SlaBudget::openTime),
        Arbitraries.integers().between(1, 400).map(SlaBudget::workingDays),
        Arbitraries.just(SlaBudget.lastWorkingDayOfWeek()));
  }

  static Arbitrary<SlaPolicy> policies() {
    return Combinators.combine(
            Arbitraries.of("CG-ENERGY", "UP-1076", "MP.CM_HELPLINE", "RAIPUR-24H", "9"),
            Arbitraries.of("CG-OFFICE", "24X7", "UP.OFFICE_2024"),
            Arbitraries.maps(levels(), budgets()).ofMaxSize(5),
            budgets(),
            Arbitraries.maps(levels(), Arbitraries.maps(Arbitraries.of(Priority.class), budgets()).ofMinSize(1).ofMaxSize(4))
                .ofMaxSize(3))
        .as((id, calendar, byLevel, otherwise, byPriority) -> {
          SlaPolicy.Builder b = SlaPolicy.builder(id, calendar).otherwise(otherwise);
          for (Map.Entry<Level, SlaBudget> level : byLevel.entrySet()) {
            b.level(level.getKey(), level.getValue());
          }
          byPriority.forEach((level, budgets) -> budgets.forEach((p, budget) -> b.level(level, p, budget)));
          return b.build();
        });
  }

  /**
   * Timers at {@code level}, as a clock can leave them: with budget left, running ones have a
   * deadline after {@code since} and paused ones none; overdue ones (budget spent), running or
   * paused, keep the instant the budget ran out, at or before {@code since}.
   */
  static Arbitrary<SlaTimer> timers(Arbitrary<Level> level) {
    return Combinators.combine(
            policies(), level, positiveDurations(), nonNegativeDurations(), instants(), Arbitraries.of(true, false),
            nonNegativeDurations(), Arbitraries.of(true, false))
        .flatAs((policy, l, budget, extra, since, running, gap, overdue) -> nonNegativeDurations().map(back -> {
          Instant started = since.minus(back); // the budget's start, not after since
          if (overdue) {
            return new SlaTimer(
                policy, l, budget, budget.plus(extra), since, running, Optional.of(since.minus(gap)), started);
          }
          java.time.Duration consumed = extra.compareTo(budget) < 0 ? extra : java.time.Duration.ZERO;
          return new SlaTimer(policy, l, budget, consumed, since, running,
              running ? Optional.of(since.plus(gap).plusSeconds(1)) : Optional.empty(), started);
        }));
  }

  static Arbitrary<SlaTimer> timers() {
    return timers(levels());
  }

  /** A command made from the complaint's current state, with the actor issuing it. */
  record Step(Function<Complaint, ComplaintCommand> command, Function<Complaint, Actor> actorOf) {
    Step(Function<Complaint, ComplaintCommand> command, Actor actor) {
      this(command, c -> actor);
    }
  }

  /**
   * The steps of the shared random walk, plus assignments by an agent or the router (so that more
   * walks reach the states that take a timer), reassignments, flags and SLA timers at the
   * complaint's level.
   */
  static Arbitrary<Step> steps() {
    Arbitrary<Step> shared = ComplaintArbitraries.steps().map(s -> new Step(c -> s.command(), s.actor()));
    Arbitrary<Step> reassign = Combinators.combine(
            Arbitraries.of(ComplaintArbitraries.POSTS), Arbitraries.integers().between(0, 4).map(Level::of),
            ComplaintArbitraries.text(80), ComplaintArbitraries.actors())
        .as((post, level, reason, actor) -> new Step(c -> new ComplaintCommand.Reassign(post, level, reason), actor));
    Arbitrary<Step> flag = Combinators.combine(
            Arbitraries.of(ComplaintFlag.class), ComplaintArbitraries.text(80),
            Arbitraries.of(PostId.of("COLLECTOR-RAIPUR"), PostId.of("NODAL-CG")).optional(),
            ComplaintArbitraries.actors())
        .as((f, detail, attention, actor) -> new Step(c -> new ComplaintCommand.Flag(f, detail, attention), actor));
    Arbitrary<Step> assign = Combinators.combine(
            Arbitraries.of(ComplaintArbitraries.POSTS), Arbitraries.of(ComplaintArbitraries.DEPARTMENTS),
            Arbitraries.integers().between(0, 4).map(Level::of), Arbitraries.of(Fixtures.AGENT, Fixtures.ROUTER))
        .as((post, department, level, actor) -> new Step(c -> new ComplaintCommand.Assign(post, department, level), actor));
    Arbitrary<Step> timer = timers(Arbitraries.just(Level.L1))
        .map(t -> new Step(
            c -> new ComplaintCommand.SetSlaTimer(c.level().map(l -> withLevel(t, l)).orElse(t)), TIMEKEEPER));
    Arbitrary<Step> firstResponseDue = instants()
        .map(at -> new Step(c -> new ComplaintCommand.SetFirstResponseDue(at), TIMEKEEPER));
    Arbitrary<Step> contact = Combinators.combine(
            Arbitraries.of(org.nivaran.grievance.complaint.ContactOutcome.class), ComplaintArbitraries.text(80).optional(),
            Arbitraries.of(Fixtures.AE_OFFICER, Fixtures.EE_OFFICER, Fixtures.TEHSILDAR_OFFICER))
        .as((outcome, remark, officer) -> new Step(c -> new ComplaintCommand.RecordContact(outcome, remark), officer));
    // a change to another priority than the complaint's, by the system (supervisors are in the shared steps)
    Arbitrary<Step> priority = Combinators.combine(
            Arbitraries.integers().between(1, org.nivaran.grievance.sla.Priority.values().length - 1),
            ComplaintArbitraries.text(80))
        .as((shift, reason) -> new Step(c -> new ComplaintCommand.ChangePriority(
            org.nivaran.grievance.sla.Priority.values()[
                (c.priority().ordinal() + shift) % org.nivaran.grievance.sla.Priority.values().length], reason),
            TIMEKEEPER));
    // a special-closure request by an officer who may hold the post, and its approval deadline (moved up or not)
    Arbitrary<Step> closureRequest = Combinators.combine(
            Arbitraries.of(org.nivaran.grievance.complaint.SpecialClosureReason.class), ComplaintArbitraries.text(80))
        .as((reason, remark) -> new Step(c -> new ComplaintCommand.RequestSpecialClosure(reason, remark),
            c -> c.post().<Actor>map(p -> Actor.officer("OFF-OF-POST", p)).orElse(Fixtures.AE_OFFICER)));
    Arbitrary<Step> closureDue = Combinators.combine(
            Arbitraries.of(PostId.of("EE-RAIPUR"), PostId.of("SE-RAIPUR")).optional(), instants())
        .as((approver, at) -> new Step(c -> new ComplaintCommand.SetSpecialClosureDue(approver, at), TIMEKEEPER));
    return Arbitraries.frequencyOf(Tuple.of(4, shared), Tuple.of(1, assign), Tuple.of(2, reassign), Tuple.of(2, flag),
        Tuple.of(3, timer), Tuple.of(1, firstResponseDue), Tuple.of(1, contact), Tuple.of(1, priority),
        Tuple.of(1, closureRequest), Tuple.of(2, closureDue));
  }

  private static SlaTimer withLevel(SlaTimer t, Level level) {
    return new SlaTimer(t.policy(), level, t.budget(), t.consumed(), t.since(), t.running(), t.deadline(), t.started());
  }

  /**
   * An event log grown by a random walk like {@link ComplaintArbitraries#histories()}, with the
   * steps of {@link #steps()}, keeping those {@link Lifecycle#decide} accepts.
   */
  static Arbitrary<List<ComplaintEvent>> histories() {
    return Combinators.combine(ComplaintArbitraries.staffRequests(), steps().list().ofMaxSize(30))
        .as((request, steps) -> ComplaintArbitraries.walkBy(
            request, steps.stream().map(Step::command).toList(), steps.stream().map(Step::actorOf).toList()));
  }
}
