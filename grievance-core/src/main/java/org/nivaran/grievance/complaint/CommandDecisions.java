package org.nivaran.grievance.complaint;

import java.time.Instant;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Escalate;
import org.nivaran.grievance.complaint.ComplaintCommand.Flag;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Reassign;
import org.nivaran.grievance.complaint.ComplaintCommand.RecordUnreachable;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.Reopen;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.SetSlaTimer;
import org.nivaran.grievance.complaint.ComplaintCommand.SpecialClose;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Transfer;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenDissatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenSatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenUnreachable;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintAssigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRejected;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReopened;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintSpeciallyClosed;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintTransferred;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.ComplaintEvent.WorkStarted;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The event each command yields, once {@link Lifecycle} has checked the state and the actor: the
 * command's data copied into its event, and checked against the complaint where it must move it
 * somewhere new or name another complaint.
 */
final class CommandDecisions {
  private CommandDecisions() {}

  /** The first event of a complaint, from a request already checked. */
  static ComplaintRegistered registered(
      TenantId tenant, ComplaintId id, RegisterComplaint request, Actor actor, Instant now, Priority categoryDefault) {
    return new ComplaintRegistered(
        id, 1, now, actor, request.kind(), request.channel(), request.citizen(),
        request.categoryCode(), request.jurisdictionCode(), request.description(),
        request.attachments(), request.idempotencyKey(), request.priority().orElse(categoryDefault),
        request.location(), tenant, request.references());
  }

  /**
   * The event a command yields on complaint {@code c}, numbered {@code seq}.
   *
   * @throws InvalidInputException if the command's data does not fit the complaint
   */
  static ComplaintEvent event(
      Complaint c, ComplaintCommand command, Actor actor, Instant now, ComplaintId id, long seq) {
    if (command instanceof Assign a) {
      return new ComplaintAssigned(id, seq, now, actor, new Assignment(a.post(), a.department(), a.level(), now));
    } else if (command instanceof StartWork) {
      return new WorkStarted(id, seq, now, actor);
    } else if (command instanceof RequestInformation r) {
      return new InformationRequested(id, seq, now, actor, r.note());
    } else if (command instanceof ProvideInformation p) {
      return new InformationProvided(id, seq, now, actor, p.note(), p.attachments());
    } else if (command instanceof Resolve r) {
      return new ResolutionFiled(id, seq, now, actor, r.reply(), r.attachments());
    } else if (command instanceof ReturnReply r) {
      return new ReplyReturned(id, seq, now, actor, r.reason());
    } else if (command instanceof ConfirmSatisfied s) {
      return new CitizenSatisfied(id, seq, now, actor, s.rating(), s.remark());
    } else if (command instanceof ReportDissatisfied d) {
      return new CitizenDissatisfied(id, seq, now, actor, d.rating(), d.reason());
    } else if (command instanceof RecordUnreachable u) {
      return new CitizenUnreachable(id, seq, now, actor, u.remark());
    } else if (command instanceof Escalate e) {
      Assignment from = Lifecycle.assignmentOf(c);
      if (from.post().equals(e.toPost())) {
        throw new InvalidInputException("toPost", "must differ from the current post " + from.post());
      }
      Assignment to = new Assignment(e.toPost(), from.department(), from.level().next(), now);
      return new ComplaintEscalated(id, seq, now, actor, from, to, e.reason());
    } else if (command instanceof Transfer t) {
      Assignment from = Lifecycle.assignmentOf(c);
      if (from.department().equals(t.toDepartment())) {
        throw new InvalidInputException(
            "toDepartment", "must differ from the current department '" + from.department() + "'");
      }
      Assignment to = new Assignment(t.toPost(), t.toDepartment(), t.level(), now);
      return new ComplaintTransferred(id, seq, now, actor, from, to, t.reason());
    } else if (command instanceof Reassign r) {
      Assignment from = Lifecycle.assignmentOf(c);
      if (from.post().equals(r.toPost())) {
        throw new InvalidInputException("toPost", "must differ from the current post " + from.post());
      }
      return new ComplaintReassigned(
          id, seq, now, actor, from, new Assignment(r.toPost(), from.department(), r.level(), now), r.reason());
    } else if (command instanceof Flag f) {
      if (c.flags().contains(f.flag())) {
        throw new InvalidInputException("flag", f.flag() + " is set already on complaint " + id);
      }
      return new ComplaintFlagged(id, seq, now, actor, f.flag(), f.detail(), f.attention());
    } else if (command instanceof SetSlaTimer t) {
      Level level = Lifecycle.assignmentOf(c).level();
      if (!t.timer().level().equals(level)) {
        throw new InvalidInputException(
            "timer.level", "must be the complaint's level " + level + " (was " + t.timer().level() + ")");
      }
      return new SlaTimerSet(id, seq, now, actor, t.timer());
    } else if (command instanceof Reject r) {
      if (r.duplicateOf().filter(id::equals).isPresent()) {
        throw new InvalidInputException("duplicateOf", "must name another complaint (was " + id + " itself)");
      }
      return new ComplaintRejected(id, seq, now, actor, r.reason(), r.remark(), r.duplicateOf());
    } else if (command instanceof SpecialClose s) {
      return new ComplaintSpeciallyClosed(id, seq, now, actor, s.reason());
    } else if (command instanceof Withdraw w) {
      return new ComplaintWithdrawn(id, seq, now, actor, w.reason());
    } else if (command instanceof Reopen r) {
      return new ComplaintReopened(id, seq, now, actor, r.reason());
    } else if (command instanceof ComplaintCommand.AcceptReply a) {
      return new ComplaintEvent.ReplyAccepted(id, seq, now, actor, a.remark());
    } else if (command instanceof ComplaintCommand.Appeal a) {
      Assignment from = Lifecycle.assignmentOf(c);
      if (from.post().equals(a.toPost())) {
        throw new InvalidInputException("toPost", "must differ from the current post " + from.post());
      }
      return new ComplaintEvent.ComplaintAppealed(
          id, seq, now, actor, from, new Assignment(a.toPost(), a.toDepartment(), a.level(), now), a.reason());
    } else if (command instanceof ComplaintCommand.CloseUnverified u) {
      return new ComplaintEvent.ComplaintClosedUnverified(id, seq, now, actor, u.kind(), u.remark());
    } else if (command instanceof ComplaintCommand.LinkDuplicate d) {
      return new ComplaintEvent.DuplicateLinked(
          id, seq, now, actor, d.channel(), d.description(), d.attachments(), d.idempotencyKey(),
          d.references().stream().filter(r -> !holdsSource(c, r.source())).toList(), d.caller());
    } else if (command instanceof ComplaintCommand.RequestSpecialClosure r) {
      if (c.specialClosureRequest().isPresent()) {
        throw new InvalidInputException(
            "specialClosureRequest", "a special-closure request is pending already on complaint " + id);
      }
      return new ComplaintEvent.SpecialClosureRequested(id, seq, now, actor, r.reason(), r.remark());
    } else if (command instanceof ComplaintCommand.ApproveSpecialClosure a) {
      return new ComplaintEvent.SpecialClosureApproved(id, seq, now, actor, pending(c).reason(), a.remark());
    } else if (command instanceof ComplaintCommand.RefuseSpecialClosure r) {
      return new ComplaintEvent.SpecialClosureRefused(id, seq, now, actor, pending(c).reason(), r.remark());
    } else if (command instanceof ComplaintCommand.RecordContact r) {
      return new ComplaintEvent.ContactRecorded(id, seq, now, actor, r.outcome(), r.remark());
    } else if (command instanceof ComplaintCommand.SetFirstResponseDue d) {
      if (c.firstResponse().isPresent()) {
        throw new InvalidInputException(
            "dueAt", "the first response of complaint " + id + " is due already at " + c.firstResponse().get().dueAt());
      }
      return new ComplaintEvent.FirstResponseDueSet(id, seq, now, actor, d.dueAt());
    } else if (command instanceof ComplaintCommand.SetSpecialClosureDue d) {
      pending(c);
      return new ComplaintEvent.SpecialClosureDueSet(id, seq, now, actor, d.approver(), d.dueAt());
    } else if (command instanceof ComplaintCommand.ChangePriority p) {
      if (p.to() == c.priority()) {
        throw new SamePriorityException(id, p.to());
      }
      return new ComplaintEvent.PriorityChanged(id, seq, now, actor, c.priority(), p.to(), p.reason());
    } else if (command instanceof ComplaintCommand.ClearFlag f) {
      if (!c.flags().contains(f.flag())) {
        throw new InvalidInputException("flag", f.flag() + " is not set on complaint " + id);
      }
      return new ComplaintEvent.FlagCleared(id, seq, now, actor, f.flag(), f.note());
    }
    throw new AssertionError("unhandled command " + command);
  }

  /** The pending special-closure request an approval or refusal answers. */
  static SpecialClosureRequest pending(Complaint c) {
    return c.specialClosureRequest().orElseThrow(() -> new InvalidInputException(
        "specialClosureRequest", "no special-closure request is pending on complaint " + c.id()));
  }

  /** Whether the complaint holds a reference from this source already. */
  private static boolean holdsSource(Complaint c, String source) {
    return c.references().stream().anyMatch(h -> h.source().equals(source));
  }
}
