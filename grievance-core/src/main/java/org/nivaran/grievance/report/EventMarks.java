package org.nivaran.grievance.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * What an event says by itself about the state it leaves: the status it moves to, the post it
 * moves to, and what it does to the SLA clock. A store that keeps these beside each event row can
 * answer "what was the complaint's status, post and deadline at instant T" with a query, without
 * reading event payloads: the status at T is the status of the last event before T that sets one,
 * and likewise for the post and the clock. The JDBC store keeps them for its grading queries.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status the event moves to; empty for events that keep the status
 * @param movedTo the assignment the event moves the complaint to; empty if it does not move it
 * @param clockChanged whether the event sets or clears the SLA clock (a clock event, or a move,
 *     which clears it until the next clock event)
 * @param deadline when {@code clockChanged}, the deadline of the clock it leaves (see
 *     {@link SlaTimer#deadline()}); for a {@link ComplaintEvent.FirstResponseDueSet}, which leaves
 *     the clock alone, the first-response deadline it records; empty otherwise
 */
public record EventMarks(
    Optional<Status> status, Optional<Assignment> movedTo, boolean clockChanged, Optional<Instant> deadline) {

  /**
   * Checks the fields.
   *
   * @param status the status the event moves to; empty for events that keep the status
   * @param movedTo the assignment the event moves the complaint to; empty if it does not move it
   * @param clockChanged whether the event sets or clears the SLA clock
   * @param deadline when {@code clockChanged}, the deadline of the clock it leaves; for a
   *     first-response deadline, that deadline
   */
  public EventMarks {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(movedTo, "movedTo");
    Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * The marks of an event.
   *
   * @param event the event
   * @return its marks
   */
  public static EventMarks of(ComplaintEvent event) {
    Objects.requireNonNull(event, "event");
    Optional<Status> status = Lifecycle.target(Lifecycle.commandOf(event));
    Optional<Assignment> movedTo = Lifecycle.movedTo(event);
    if (event instanceof ComplaintEvent.SlaTimerSet t) {
      return new EventMarks(status, movedTo, true, t.timer().deadline());
    }
    if (event instanceof ComplaintEvent.FirstResponseDueSet d) {
      return new EventMarks(status, movedTo, false, Optional.of(d.dueAt()));
    }
    return new EventMarks(status, movedTo, movedTo.isPresent(), Optional.empty());
  }
}
