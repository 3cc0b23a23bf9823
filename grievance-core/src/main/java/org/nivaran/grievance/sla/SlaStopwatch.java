package org.nivaran.grievance.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.internal.Texts;

/**
 * The SLA clock of one level: a budget of open time, consumed while the clock runs and not while
 * it is paused (the complaint awaits the citizen). At any instant it tells the open time
 * {@link #consumed consumed}, the {@link #remaining remaining} budget (negative once overdue) and,
 * while running, the {@link #deadline() deadline}.
 *
 * <pre>{@code
 * SlaStopwatch clock = SlaStopwatch.start(office, SlaBudget.workingDays(7), assignedAt);
 * clock = clock.pause(documentsAskedAt);       // awaiting the citizen
 * clock = clock.resume(documentsReceivedAt);   // the deadline moves by the open time lost
 * Instant due = clock.deadline().orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #pause} and {@link #resume} return new clocks.
 */
public final class SlaStopwatch {
  private final BusinessCalendar calendar;
  private final Duration budget;
  private final Duration consumedBefore;
  private final Instant since;
  private final boolean running;
  /** When the budget ran out, once known to lie before {@link #since}; else null. */
  private final Instant breachedAt;
  /** The instant the budget is counted from (see {@link #started()}). */
  private final Instant started;

  private SlaStopwatch(
      BusinessCalendar calendar, Duration budget, Duration consumedBefore, Instant since, boolean running, Instant breachedAt,
      Instant started) {
    this.calendar = calendar;
    this.budget = budget;
    this.consumedBefore = consumedBefore;
    this.since = since;
    this.running = running;
    this.breachedAt = breachedAt;
    this.started = started;
  }

  /**
   * Starts a clock.
   *
   * @param calendar the calendar its time is counted on
   * @param budget the time allowed
   * @param at when it starts
   * @return a running clock
   */
  public static SlaStopwatch start(BusinessCalendar calendar, SlaBudget budget, Instant at) {
    Texts.required(calendar, "calendar");
    Texts.required(budget, "budget");
    Texts.required(at, "at");
    return new SlaStopwatch(calendar, budget.openTimeFrom(calendar, at), Duration.ZERO, at, true, null, at);
  }

  /**
   * Pauses the clock.
   *
   * @param at when, not before the clock last started or resumed
   * @return the paused clock
   * @throws IllegalStateException if it is paused already
   */
  public SlaStopwatch pause(Instant at) {
    if (!running) {
      throw new IllegalStateException("the SLA clock is paused already (since " + since + ")");
    }
    Duration consumed = consumed(checkNotBefore(at));
    Instant breach = breachedAt;
    if (breach == null && consumed.compareTo(budget) >= 0) {
      breach = calendar.plus(since, budget.minus(consumedBefore));
    }
    return new SlaStopwatch(calendar, budget, consumed, at, false, breach, started);
  }

  /**
   * Resumes a paused clock.
   *
   * @param at when, not before it was paused
   * @return the running clock
   * @throws IllegalStateException if it is running
   */
  public SlaStopwatch resume(Instant at) {
    if (running) {
      throw new IllegalStateException("the SLA clock is running already (since " + since + ")");
    }
    return new SlaStopwatch(calendar, budget, consumedBefore, checkNotBefore(at), true, breachedAt, started);
  }

  /**
   * Whether the clock is running.
   *
   * @return true if running, false if paused
   */
  public boolean isRunning() {
    return running;
  }

  /**
   * The open time allowed in all.
   *
   * @return the budget as open time
   */
  public Duration budget() {
    return budget;
  }

  /**
   * The open time consumed by {@code at}.
   *
   * @param at an instant not before the clock last started, resumed or paused
   * @return the open time consumed
   */
  public Duration consumed(Instant at) {
    checkNotBefore(at);
    return running ? consumedBefore.plus(calendar.between(since, at)) : consumedBefore;
  }

  /**
   * The budget left at {@code at}; negative once overdue.
   *
   * @param at the instant
   * @return the remaining open time
   */
  public Duration remaining(Instant at) {
    return budget.minus(consumed(at));
  }

  /**
   * Whether the budget is spent at {@code at}: a deadline that is exactly a closing time is
   * breached from that instant on.
   *
   * @param at the instant
   * @return true if no budget remains
   */
  public boolean isBreached(Instant at) {
    Duration left = remaining(at);
    return left.isNegative() || left.isZero();
  }

  /**
   * The instant the budget runs out. Once it has run out, the instant it did, whether the clock
   * runs or is paused; before that, the instant it will while the clock runs, and empty while it is
   * paused (the deadline then depends on when it resumes).
   *
   * @return the deadline
   */
  public Optional<Instant> deadline() {
    if (breachedAt != null) {
      return Optional.of(breachedAt);
    }
    return running ? Optional.of(calendar.plus(since, budget.minus(consumedBefore))) : Optional.empty();
  }

  /**
   * The open time the clock has run past its budget by {@code at}: zero before the deadline; time
   * while paused never counts.
   *
   * @param at an instant not before the clock last started, resumed or paused
   * @return the open time consumed beyond the budget, never negative
   */
  public Duration overrun(Instant at) {
    Duration over = consumed(at).minus(budget);
    return over.isNegative() ? Duration.ZERO : over;
  }

  /**
   * The clock of whoever takes over once this clock's budget has run out: the next level after an
   * escalation, or the same level again. Time spent waiting on the citizen never counts against
   * either clock:
   *
   * <ul>
   *   <li>not yet run out at {@code at} (an early hand-over): the new clock starts at {@code at};
   *   <li>ran out while running, and has run ever since: the new clock starts at the instant this
   *       one ran out (its budget counted from there), so a late hand-over does not push later
   *       deadlines back;
   *   <li>paused after it ran out (the citizen was asked after the deadline): the new clock counts
   *       from the instant this one ran out, as if it had been paused while this one was, so it
   *       is charged with the open time this clock ran past its deadline ({@link #overrun}) and
   *       not with the wait. It runs from {@code at}. If that overrun already spends the new
   *       budget, its breach is the instant the overrun reached it; when this clock paused more
   *       than once after its deadline, the pauses are not kept apart, and the earliest instant
   *       it can have been is taken.
   * </ul>
   *
   * <pre>{@code
   * // L1 ran out Wed 18:00; asked the citizen Thu 12:00 (2 office hours late), answered Mon 15:00
   * SlaStopwatch l2 = l1.handOver(SlaBudget.workingDays(2), mondayAt15);
   * l2.consumed(mondayAt15);   // PT2H: the two late hours, not the 19 hours waited
   * }</pre>
   *
   * @param next the new clock's budget, on this clock's calendar
   * @param at when the hand-over takes effect, not before the clock last started, resumed or paused
   * @return a running clock
   */
  public SlaStopwatch handOver(SlaBudget next, Instant at) {
    Texts.required(next, "next");
    checkNotBefore(at);
    if (!isBreached(at)) {
      return start(calendar, next, at);
    }
    if (breachedAt == null) { // ran out while running, and has run ever since
      return start(calendar, next, running ? deadline().orElseThrow() : at);
    }
    Instant ranOut = breachedAt;
    Duration nextBudget = next.openTimeFrom(calendar, ranOut);
    Duration carried = overrun(at);
    if (carried.compareTo(nextBudget) < 0) {
      return new SlaStopwatch(calendar, nextBudget, carried, at, true, null, ranOut);
    }
    Duration lateBeforeSince = consumedBefore.minus(budget); // run past the deadline before `since`
    Instant nextRanOut = running && lateBeforeSince.compareTo(nextBudget) < 0
        ? calendar.plus(since, nextBudget.minus(lateBeforeSince))
        : calendar.plus(ranOut, nextBudget);
    return new SlaStopwatch(calendar, nextBudget, carried, at, true, nextRanOut, ranOut);
  }

  /**
   * The instant the budget is counted from: when the clock started, or, for a clock {@linkplain
   * #handOver handed over} after the old one ran out, the instant it ran out. Pauses never move it.
   *
   * @return the start of the budget
   */
  public Instant started() {
    return started;
  }

  /**
   * The clock with another budget, as a change of the complaint's priority leaves it: the budget
   * as it would have been had it applied since the clock {@linkplain #started() started}, with
   * the same start, the same pauses and the same open time consumed.
   *
   * <ul>
   *   <li>not spent at {@code at} under the new budget: the deadline is the start plus the new
   *       budget in open time, moved on by the open time the pauses took (a paused clock stays
   *       paused, with no deadline until it resumes);
   *   <li>spent at {@code at}, while the old budget was not: the clock is due at once. Its budget
   *       becomes the open time consumed by {@code at} and its deadline is {@code at} itself, open
   *       or not, never an instant before the change that the old budget had not yet reached: a
   *       level taken over after this deadline counts its budget from the change;
   *   <li>spent at {@code at} under both budgets: the clock is kept as it is, its deadline already
   *       past.
   * </ul>
   *
   * <pre>{@code
   * // started Mon 10:00 with 7 working days; raised to 2 working days on Wed 11:00
   * clock.retime(SlaBudget.workingDays(2), wednesdayAt11).deadline();   // the close of the 2nd day
   * }</pre>
   *
   * @param next the new budget, on this clock's calendar
   * @param at when the change takes effect, not before the clock last started, resumed or paused
   * @return the clock with the new budget
   */
  public SlaStopwatch retime(SlaBudget next, Instant at) {
    Texts.required(next, "next");
    checkNotBefore(at);
    Duration nextBudget = next.openTimeFrom(calendar, started);
    SlaStopwatch retimed = new SlaStopwatch(calendar, nextBudget, consumedBefore, since, running, null, started);
    if (!retimed.isBreached(at)) {
      return retimed;
    }
    if (isBreached(at)) {
      return this;
    }
    Duration spent = consumed(at); // due at once: the budget is what is spent, and it ran out at the change
    return new SlaStopwatch(calendar, spent, spent, at, running, at, started);
  }

  // Package-private access for SlaTimer, the stored form of a clock.

  static SlaStopwatch restore(
      BusinessCalendar calendar, Duration budget, Duration consumedBefore, Instant since, boolean running, Instant breachedAt,
      Instant started) {
    return new SlaStopwatch(calendar, budget, consumedBefore, since, running, breachedAt, started);
  }

  Duration consumedBefore() {
    return consumedBefore;
  }

  Instant since() {
    return since;
  }


  private Instant checkNotBefore(Instant at) {
    Objects.requireNonNull(at, "at");
    if (at.isBefore(since)) {
      throw new InvalidInputException("at", "must not be before " + since + " (was " + at + ")");
    }
    return at;
  }

  @Override
  public String toString() {
    return "SlaStopwatch[" + (running ? "running" : "paused") + " since " + since + ", consumed " + consumedBefore
        + " before that, budget " + budget + ", calendar " + calendar.id() + "]";
  }
}
