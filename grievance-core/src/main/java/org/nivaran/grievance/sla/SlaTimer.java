package org.nivaran.grievance.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.internal.Texts;

/**
 * The SLA clock of a complaint's current level in its stored form: the {@linkplain #policy()
 * policy in force} (recorded when the complaint was first assigned, so that a later change of the
 * configuration never rewrites a running complaint's deadlines), the level, the level's budget of
 * open time, the open time consumed before {@link #since()}, whether the clock runs, and the
 * {@linkplain #deadline() deadline} computed when the timer was last set.
 *
 * <p>A timer holds no calendar: the operations that count open time take the calendar named by
 * {@code policy().calendarId()} and refuse another. The recorded deadline lets a store index and
 * query complaints by deadline without any calendar.
 *
 * <pre>{@code
 * SlaTimer t = SlaTimer.start(policy, Level.L1, office, assignedAt);
 * t = t.pause(office, documentsAskedAt).resume(office, documentsReceivedAt);
 * boolean late = t.isBreached(now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param policy the SLA policy in force for the complaint
 * @param level the level whose time this clock counts
 * @param budget the level's budget in open time of the policy's calendar
 * @param consumed the open time consumed before {@code since}
 * @param since when the clock last started, paused or resumed
 * @param running whether the clock runs
 * @param deadline while running, when the budget runs out; while paused, when it ran out if it
 *     has, else empty
 * @param started the instant the budget is counted from ({@link SlaStopwatch#started()}), not after
 *     {@code since}; a {@linkplain #retime change of priority} counts the new budget from it
 */
public record SlaTimer(
    SlaPolicy policy, Level level, Duration budget, Duration consumed, Instant since, boolean running,
    Optional<Instant> deadline, Instant started) {

  /**
   * Checks the parts.
   *
   * @param policy the SLA policy in force for the complaint
   * @param level the level whose time this clock counts
   * @param budget the level's budget in open time of the policy's calendar
   * @param consumed the open time consumed before {@code since}
   * @param since when the clock last started, paused or resumed
   * @param running whether the clock runs
   * @param deadline while running, when the budget runs out; while paused, when it ran out if it
   *     has, else empty
   * @param started the instant the budget is counted from, not after {@code since}
   *
   * @throws InvalidInputException if a part is missing, the budget is not positive, the consumed
   *     time is negative, a running timer has no deadline, a deadline lies at or before {@code since}
   *     while the budget is not spent, or {@code started} lies after {@code since}
   */
  public SlaTimer {
    Texts.required(policy, "policy");
    Texts.required(level, "level");
    Texts.required(budget, "budget");
    Texts.required(consumed, "consumed");
    Texts.required(since, "since");
    Texts.required(deadline, "deadline");
    if (budget.isNegative() || budget.isZero()) {
      throw new InvalidInputException("budget", "must be positive (was " + budget + ")");
    }
    if (consumed.isNegative()) {
      throw new InvalidInputException("consumed", "must not be negative (was " + consumed + ")");
    }
    if (running && deadline.isEmpty()) {
      throw new InvalidInputException("deadline", "is required while the clock runs");
    }
    if (deadline.filter(d -> !d.isAfter(since)).isPresent() && consumed.compareTo(budget) < 0) {
      throw new InvalidInputException(
          "deadline", "may lie at or before since (" + since + ") only once the budget is spent (consumed " + consumed
              + " of " + budget + ")");
    }
    Texts.required(started, "started");
    if (started.isAfter(since)) {
      throw new InvalidInputException("started", "must not be after since (" + since + ") (was " + started + ")");
    }
  }

  /**
   * A timer whose budget is counted from {@code since}: the stored form written before timers
   * recorded their start (a JSON document without {@code started}), and a shorthand for tests.
   *
   * @param policy the SLA policy in force for the complaint
   * @param level the level whose time this clock counts
   * @param budget the level's budget in open time of the policy's calendar
   * @param consumed the open time consumed before {@code since}
   * @param since when the clock last started, paused or resumed, taken as its start
   * @param running whether the clock runs
   * @param deadline while running, when the budget runs out; while paused, when it ran out if it
   *     has, else empty
   * @throws InvalidInputException as the canonical constructor
   */
  public SlaTimer(
      SlaPolicy policy, Level level, Duration budget, Duration consumed, Instant since, boolean running,
      Optional<Instant> deadline) {
    this(policy, level, budget, consumed, since, running, deadline, since);
  }

  /**
   * Starts the clock of a level: its budget from the policy, counted from {@code at}.
   *
   * @param policy the policy in force
   * @param level the level
   * @param calendar the policy's calendar
   * @param at when the level's time starts
   * @return a running timer
   * @throws InvalidInputException if the calendar is not the policy's
   */
  public static SlaTimer start(SlaPolicy policy, Level level, BusinessCalendar calendar, Instant at) {
    return start(policy, level, Priority.NORMAL, calendar, at);
  }

  /**
   * Starts the clock of a level for a complaint of a priority: its budget from the policy
   * ({@link SlaPolicy#budgetAt(Level, Priority)}), counted from {@code at}.
   *
   * @param policy the policy in force
   * @param level the level
   * @param priority the complaint's priority
   * @param calendar the policy's calendar
   * @param at when the level's time starts
   * @return a running timer
   * @throws InvalidInputException if the calendar is not the policy's
   */
  public static SlaTimer start(SlaPolicy policy, Level level, Priority priority, BusinessCalendar calendar, Instant at) {
    Texts.required(policy, "policy");
    Texts.required(level, "level");
    Texts.required(priority, "priority");
    checkCalendar(policy, calendar);
    return of(policy, level, SlaStopwatch.start(calendar, policy.budgetAt(level, priority), at));
  }

  /**
   * Pauses the clock (the complaint waits on the citizen or on verification).
   *
   * @param calendar the policy's calendar
   * @param at when the clock stops
   * @return the paused timer
   * @throws IllegalStateException if paused already
   * @throws InvalidInputException if {@code at} lies before {@link #since()} or the calendar is not
   *     the policy's
   */
  public SlaTimer pause(BusinessCalendar calendar, Instant at) {
    return of(policy, level, clock(calendar).pause(at));
  }

  /**
   * Resumes the clock with the budget left when it paused.
   *
   * @param calendar the policy's calendar
   * @param at when the clock starts again
   * @return the running timer
   * @throws IllegalStateException if running already
   * @throws InvalidInputException if {@code at} lies before {@link #since()} or the calendar is not
   *     the policy's
   */
  public SlaTimer resume(BusinessCalendar calendar, Instant at) {
    return of(policy, level, clock(calendar).resume(at));
  }

  /**
   * The clock of the level that takes the complaint over once this level's time has run out (the
   * level above after an escalation, or this level again for a ladder that restarts its top rung),
   * with its budget from the same policy: {@link SlaStopwatch#handOver}. Time spent waiting on the
   * citizen counts against neither level.
   *
   * @param level the level taking over
   * @param calendar the policy's calendar
   * @param at when the hand-over takes effect, not before {@link #since()}
   * @return a running timer
   * @throws InvalidInputException if {@code at} lies before {@link #since()} or the calendar is not
   *     the policy's
   */
  public SlaTimer handOver(Level level, BusinessCalendar calendar, Instant at) {
    return handOver(level, Priority.NORMAL, calendar, at);
  }

  /**
   * {@link #handOver(Level, BusinessCalendar, Instant)} for a complaint of a priority: the level
   * taking over gets its budget for that priority ({@link SlaPolicy#budgetAt(Level, Priority)}).
   *
   * @param level the level taking over
   * @param priority the complaint's priority
   * @param calendar the policy's calendar
   * @param at when the hand-over takes effect, not before {@link #since()}
   * @return a running timer
   * @throws InvalidInputException if {@code at} lies before {@link #since()} or the calendar is not
   *     the policy's
   */
  public SlaTimer handOver(Level level, Priority priority, BusinessCalendar calendar, Instant at) {
    Texts.required(level, "level");
    Texts.required(priority, "priority");
    return of(policy, level, clock(calendar).handOver(policy.budgetAt(level, priority), at));
  }

  /**
   * The clock after the complaint's priority changes ({@link SlaStopwatch#retime}): the level's
   * budget becomes the policy's budget for the new priority, as it would have been had the new
   * priority applied since the clock {@linkplain #started() started}: same start, same pauses,
   * same open time consumed. If that budget is already spent at {@code at} the clock is due at
   * once (its deadline is {@code at}), unless its deadline had already passed, in which case it is
   * kept as it is.
   *
   * @param priority the new priority
   * @param calendar the policy's calendar
   * @param at when the change takes effect, not before {@link #since()}
   * @return the re-timed timer
   * @throws InvalidInputException if {@code at} lies before {@link #since()} or the calendar is not
   *     the policy's
   */
  public SlaTimer retime(Priority priority, BusinessCalendar calendar, Instant at) {
    Texts.required(priority, "priority");
    return of(policy, level, clock(calendar).retime(policy.budgetAt(level, priority), at));
  }

  /**
   * Whether the level's budget is spent at an instant: the deadline is known and not after it.
   *
   * @param at the instant, not before {@link #since()} for a meaningful answer
   * @return whether breached
   */
  public boolean isBreached(Instant at) {
    Texts.required(at, "at");
    return deadline.filter(d -> !at.isBefore(d)).isPresent();
  }

  /**
   * The clock as an {@link SlaStopwatch}, to ask for consumed and remaining time at any instant.
   *
   * @param calendar the policy's calendar
   * @return the clock
   * @throws InvalidInputException if the calendar is not the policy's
   */
  public SlaStopwatch clock(BusinessCalendar calendar) {
    checkCalendar(policy, calendar);
    Instant breachedAt = deadline.filter(d -> !running || !d.isAfter(since)).orElse(null);
    return SlaStopwatch.restore(calendar, budget, consumed, since, running, breachedAt, started);
  }

  private static SlaTimer of(SlaPolicy policy, Level level, SlaStopwatch clock) {
    return new SlaTimer(
        policy, level, clock.budget(), clock.consumedBefore(), clock.since(), clock.isRunning(), clock.deadline(),
        clock.started());
  }

  private static void checkCalendar(SlaPolicy policy, BusinessCalendar calendar) {
    Texts.required(calendar, "calendar");
    if (!calendar.id().equals(policy.calendarId())) {
      throw new InvalidInputException(
          "calendar", "must be the policy's calendar '" + policy.calendarId() + "' (was '" + calendar.id() + "')");
    }
  }
}
