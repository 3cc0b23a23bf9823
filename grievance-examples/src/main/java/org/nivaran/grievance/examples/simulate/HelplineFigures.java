package org.nivaran.grievance.examples.simulate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.sla.Priority;

/**
 * What a {@link Simulation} run came to under the helpline's rules: priorities, first response,
 * additional charges and two-person special closure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byPriority the complaints registered in the period, by their priority at the end, every
 *     priority present (zero if none)
 * @param prioritiesRaised priorities raised by a supervisor ({@code PriorityChanged} events)
 * @param firstResponsesDue first responses due in the period (the grading's figure, summed over
 *     the departments)
 * @param firstResponsesInTime of those, made by their deadline
 * @param firstResponsesMissed complaints the escalator flagged {@code FIRST_RESPONSE_MISSED}
 * @param contactsRecorded contacts officers recorded ({@code ContactRecorded} events)
 * @param notReachable of those, calls where the citizen could not be reached
 * @param chargesGiven additional charges of vacant posts given by a supervisor
 * @param chargesEnded of those, ended: by the supervisor, or because a successor joined
 * @param actsUnderCharge commands officers carried out from a vacant post they held the charge of
 * @param complaintsUnderCharge the complaints those commands were on
 * @param leftWaiting complaints still waiting at the end on a post with nobody to answer for it
 * @param specialClosuresRequested special closures requested by L1 officers
 * @param specialClosuresApproved of those, approved from the post above (each closed its complaint)
 * @param specialClosuresRefused of those, refused from the post above (the officer worked on)
 */
public record HelplineFigures(
    Map<Priority, PriorityCount> byPriority,
    long prioritiesRaised,
    long firstResponsesDue,
    long firstResponsesInTime,
    long firstResponsesMissed,
    long contactsRecorded,
    long notReachable,
    long chargesGiven,
    long chargesEnded,
    long actsUnderCharge,
    long complaintsUnderCharge,
    long leftWaiting,
    long specialClosuresRequested,
    long specialClosuresApproved,
    long specialClosuresRefused) {

  /**
   * Copies the map, in the priorities' order, with every priority in it.
   *
   * @param byPriority complaints by priority
   * @param prioritiesRaised priorities raised
   * @param firstResponsesDue first responses due
   * @param firstResponsesInTime made in time
   * @param firstResponsesMissed flagged as missed
   * @param contactsRecorded contacts recorded
   * @param notReachable contacts that did not reach the citizen
   * @param chargesGiven additional charges given
   * @param chargesEnded additional charges ended
   * @param actsUnderCharge commands under an additional charge
   * @param complaintsUnderCharge complaints worked under an additional charge
   * @param leftWaiting complaints waiting on a post with nobody to answer for it at the end
   * @param specialClosuresRequested special closures requested
   * @param specialClosuresApproved approved
   * @param specialClosuresRefused refused
   */
  public HelplineFigures {
    EnumMap<Priority, PriorityCount> all = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      all.put(p, Objects.requireNonNull(byPriority, "byPriority").getOrDefault(p, new PriorityCount(0, 0, 0)));
    }
    byPriority = Collections.unmodifiableMap(all);
  }

  /**
   * First responses made in time, over those due.
   *
   * @return the rate, or empty if none was due
   */
  public Optional<Double> firstResponseRate() {
    return firstResponsesDue == 0 ? Optional.empty() : Optional.of((double) firstResponsesInTime / firstResponsesDue);
  }

  /**
   * The complaints of one priority.
   *
   * @param received registered in the period
   * @param disposed closed or rejected in the period
   * @param disposedWithinSla of those, within their SLA
   */
  public record PriorityCount(long received, long disposed, long disposedWithinSla) {
    /**
     * Disposed within SLA, over disposed.
     *
     * @return the rate, or empty if none was disposed
     */
    public Optional<Double> withinSlaRate() {
      return disposed == 0 ? Optional.empty() : Optional.of((double) disposedWithinSla / disposed);
    }
  }
}
