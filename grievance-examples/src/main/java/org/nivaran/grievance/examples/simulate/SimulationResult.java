package org.nivaran.grievance.examples.simulate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.GradingPeriod;

/**
 * What a {@link Simulation} run came to. The complaint counts are those of the grading: complaints
 * registered, disposed and pending in the simulated period, read off the event log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the simulated days, from the first midnight to the midnight after the last day
 * @param seed the seed the run drew everything from
 * @param grading the grading of departments and districts for the period
 * @param received complaints registered
 * @param disposed complaints closed or rejected
 * @param disposedWithinSla of those, disposed within their SLA and never escalated
 * @param pending complaints still open at the end
 * @param pendingBeyondSla of those, waiting on a post whose time had run out
 * @param satisfied verification calls where the citizen was satisfied
 * @param dissatisfied verification calls where the citizen was not (each reopened the complaint)
 * @param unreachable verification calls that reached nobody (each tried again a day later)
 * @param returned replies returned by the call centre's reviewer as of poor quality
 * @param fake complaints rejected as fake
 * @param duplicates repeat calls linked to the open complaint they repeat
 * @param withdrawn complaints withdrawn by the caller
 * @param escalations escalations by the level they reached ({@code L2} counts moves from L1 to L2)
 * @param stuck complaints whose escalation was blocked (a vacant post above), still waiting at the end
 * @param outboxDelivered notifications the outbox relay delivered
 * @param helpline priorities, first responses, additional charges and special closures
 * @param state the complaints of each district (a tenant of the one store), with a place, and from
 *     the Jan Sunwai portal
 * @param report where the HTML report was written
 */
public record SimulationResult(
    GradingPeriod period,
    long seed,
    GradingReport grading,
    long received,
    long disposed,
    long disposedWithinSla,
    long pending,
    long pendingBeyondSla,
    long satisfied,
    long dissatisfied,
    long unreachable,
    long returned,
    long fake,
    long duplicates,
    long withdrawn,
    SortedMap<Level, Long> escalations,
    long stuck,
    long outboxDelivered,
    HelplineFigures helpline,
    StateFigures state,
    Path report) {

  /**
   * Copies the map of escalations and checks that nothing is missing.
   *
   * @param period the simulated days
   * @param seed the seed
   * @param grading the grading
   * @param received complaints registered
   * @param disposed complaints closed or rejected
   * @param disposedWithinSla of those, disposed within their SLA
   * @param pending complaints still open at the end
   * @param pendingBeyondSla of those, waiting beyond their SLA
   * @param satisfied citizens satisfied
   * @param dissatisfied citizens not satisfied
   * @param unreachable verification calls that reached nobody
   * @param returned replies returned as of poor quality
   * @param fake complaints rejected as fake
   * @param duplicates repeat calls linked to the open complaint they repeat
   * @param withdrawn complaints withdrawn
   * @param escalations escalations by the level they reached
   * @param stuck complaints whose escalation was blocked, still waiting at the end
   * @param outboxDelivered notifications delivered
   * @param helpline the helpline rules' figures
   * @param state the districts', places' and portal's figures
   * @param report where the HTML report was written
   */
  public SimulationResult {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(grading, "grading");
    escalations = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(escalations, "escalations")));
    Objects.requireNonNull(helpline, "helpline");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(report, "report");
  }

  /**
   * The escalations that reached a level.
   *
   * @param level the level reached, e.g. {@code Level.L2}
   * @return how many
   */
  public long escalationsTo(Level level) {
    return escalations.getOrDefault(level, 0L);
  }

  /**
   * Complaints disposed within their SLA, over those disposed.
   *
   * @return the rate, or empty if none was disposed
   */
  public Optional<Double> withinSlaRate() {
    return disposed == 0 ? Optional.empty() : Optional.of((double) disposedWithinSla / disposed);
  }

  /**
   * Satisfied verification calls, over those that reached the citizen.
   *
   * @return the rate, or empty if no call reached anyone
   */
  public Optional<Double> satisfactionRate() {
    long answered = satisfied + dissatisfied;
    return answered == 0 ? Optional.empty() : Optional.of((double) satisfied / answered);
  }
}
