package org.nivaran.grievance.complaint;

import java.util.Optional;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintSpeciallyClosed;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;

/**
 * Whether a stored event may follow a complaint's state: it belongs to the complaint, comes next in
 * its log, and is one {@link Lifecycle#decide} could have produced. An event that is not is refused
 * with a {@link GrievanceException}, as a sign the log is corrupt.
 */
final class LogValidation {
  private LogValidation() {}

  /** Refuses a registration that is not the first event of its log. */
  static void checkFirst(ComplaintRegistered registered) {
    if (registered.sequence() != 1) {
      throw new GrievanceException(
          "complaint " + registered.complaintId() + ": registration must be event 1, was " + registered.sequence());
    }
  }

  /** Refuses an event of another complaint, one out of sequence, or one that cannot follow the state. */
  static void checkNext(Complaint complaint, ComplaintEvent event) {
    if (!event.complaintId().equals(complaint.id())) {
      throw new GrievanceException(
          "event for complaint " + event.complaintId() + " applied to complaint " + complaint.id());
    }
    if (event.sequence() != complaint.version() + 1) {
      throw new GrievanceException(
          "complaint " + complaint.id() + " is at version " + complaint.version()
              + "; the next event must have sequence " + (complaint.version() + 1) + ", was " + event.sequence());
    }
    checkFact(complaint, event);
  }

  /**
   * Refuses a closure by {@link Lifecycle#SPECIAL_CLOSURE} that does not complete an approval: no
   * command makes one, only {@link Lifecycle#decide} after a {@link ComplaintEvent.SpecialClosureApproved},
   * at the same instant, with the pending request's reason.
   */
  private static void checkApprovedClosure(Complaint c, ComplaintSpeciallyClosed s) {
    boolean completesApproval = Lifecycle.allows(c.status(), CommandType.SPECIAL_CLOSE)
        && c.updatedAt().equals(s.occurredAt())
        && c.specialClosureRequest().filter(r -> r.closureReason().equals(s.reason())).isPresent();
    if (!completesApproval) {
      throw new GrievanceException("complaint " + c.id() + " event " + s.sequence() + " closes it specially by "
          + s.actor() + " without an approval of a pending request just before it; the log is corrupt");
    }
  }

  /**
   * Refuses an event that {@link Lifecycle#decide} could not have produced from {@code c}: a command
   * the table does not allow in the current state or by the event's role, or an escalation or
   * transfer that does not start from the current assignment (an escalation must also go exactly one
   * level up within the department).
   */
  private static void checkFact(Complaint c, ComplaintEvent event) {
    CommandType type = Lifecycle.commandOf(event);
    if (event instanceof ComplaintSpeciallyClosed s && s.actor().equals(Lifecycle.SPECIAL_CLOSURE)) {
      checkApprovedClosure(c, s);
      return;
    }
    if (!Lifecycle.allows(c.status(), type) || !Lifecycle.rolesFor(type).contains(event.actor().role())) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " (" + type + " by " + event.actor().role()
              + ") cannot follow state " + c.status() + "; the log is corrupt");
    }
    Assignment from = null;
    Assignment to = null;
    if (event instanceof ComplaintEscalated e) {
      from = e.from();
      to = e.to();
      if (!to.level().equals(from.level().next()) || !to.department().equals(from.department())) {
        throw new GrievanceException(
            "complaint " + c.id() + " event " + event.sequence() + " escalates " + from.level() + " " + from.department()
                + " to " + to.level() + " " + to.department() + "; an escalation goes one level up within the department");
      }
    } else if (event instanceof ComplaintTransferred e) {
      from = e.from();
      to = e.to();
    } else if (event instanceof ComplaintEvent.ComplaintAppealed e) {
      from = e.from();
      to = e.to();
    } else if (event instanceof ComplaintReassigned e) {
      from = e.from();
      to = e.to();
      if (!to.department().equals(from.department()) || to.post().equals(from.post())) {
        throw new GrievanceException(
            "complaint " + c.id() + " event " + event.sequence() + " reassigns " + from.post() + " " + from.department()
                + " to " + to.post() + " " + to.department() + "; a reassignment moves to another post of the same department");
      }
    } else if (event instanceof ComplaintEvent.FirstResponseDueSet && c.firstResponse().isPresent()) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " sets the first-response deadline, which is set already;"
              + " the log is corrupt");
    } else if (event instanceof ComplaintEvent.PriorityChanged e && e.from() != c.priority()) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " changes the priority from " + e.from()
              + " but it is " + c.priority() + "; the log is corrupt");
    } else if (event instanceof ComplaintFlagged e && c.flags().contains(e.flag())) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " sets " + e.flag() + ", which is set already; the log is corrupt");
    } else if (event instanceof ComplaintEvent.FlagCleared e && !c.flags().contains(e.flag())) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " clears " + e.flag() + ", which is not set; the log is corrupt");
    }
    boolean pending = c.specialClosureRequest().isPresent();
    if ((event instanceof ComplaintEvent.SpecialClosureRequested && pending)
        || ((event instanceof ComplaintEvent.SpecialClosureApproved || event instanceof ComplaintEvent.SpecialClosureRefused
            || event instanceof ComplaintEvent.SpecialClosureDueSet) && !pending)) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " (" + type + ") cannot follow a state "
              + (pending ? "with" : "without") + " a pending special-closure request; the log is corrupt");
    }
    if (from != null && !c.assignment().equals(Optional.of(from))) {
      throw new GrievanceException(
          "complaint " + c.id() + " event " + event.sequence() + " moves it from " + from
              + " but it is at " + c.assignment().map(Object::toString).orElse("no post") + "; the log is corrupt");
    }
  }
}
