package org.nivaran.grievance.complaint;

import static org.nivaran.grievance.complaint.Status.REGISTERED;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
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
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;

/**
 * What each event does to a complaint's state: the status from {@link Lifecycle}'s table, and the
 * assignment, resolution, closure, counts, flags, SLA timer and special-closure request the event
 * carries (a request lapses on a move to another post, a reply filed, or leaving the open states;
 * its {@code SPECIAL_CLOSURE_OVERDUE} flag clears with it, or when it is refused). It applies an
 * event {@link LogValidation} has already accepted.
 */
final class EventApplier {
  private EventApplier() {}

  /** The complaint as its registration leaves it, version 1. */
  static Complaint start(ComplaintRegistered registered) {
    return Complaint.builder()
        .id(registered.complaintId())
        .tenant(registered.tenant())
        .references(registered.references())
        .kind(registered.kind())
        .channel(registered.channel())
        .citizen(registered.citizen())
        .categoryCode(registered.categoryCode())
        .jurisdictionCode(registered.jurisdictionCode())
        .description(registered.description())
        .attachments(registered.attachments())
        .priority(registered.priority())
        .location(registered.location())
        .status(REGISTERED)
        .registeredAt(registered.occurredAt())
        .updatedAt(registered.occurredAt())
        .version(1)
        .build();
  }

  /** The complaint after the next event of its log. */
  static Complaint apply(Complaint complaint, ComplaintEvent event) {
    Complaint.Builder c =
        Complaint.builder()
            .from(complaint)
            .status(statusAfter(complaint, event))
            .updatedAt(event.occurredAt())
            .version(event.sequence());
    Instant at = event.occurredAt();
    if (event instanceof ComplaintAssigned e) {
      moveTo(c, e.assignment());
    } else if (event instanceof InformationProvided e) {
      c.addAllAttachments(e.attachments());
    } else if (event instanceof ResolutionFiled e) {
      PostId post = Lifecycle.assignmentOf(complaint).post();
      c.resolution(new Resolution(e.reply(), e.attachments(), post, at)).unreachableAttempts(0)
          .specialClosureRequest(Optional.empty());
      c.flags(complaint.flags().stream().filter(f -> !f.isEscalationFlag() && f != ComplaintFlag.SPECIAL_CLOSURE_OVERDUE)
          .toList());
    } else if (event instanceof ReplyReturned) {
      c.returnCount(complaint.returnCount() + 1);
    } else if (event instanceof CitizenSatisfied e) {
      c.rating(e.rating()).closure(new Closure(ClosureKind.SATISFIED, e.remark(), Optional.empty(), at));
    } else if (event instanceof CitizenDissatisfied e) {
      c.rating(e.rating()).reopenCount(complaint.reopenCount() + 1);
      clearEscalationFlags(c, complaint);
    } else if (event instanceof CitizenUnreachable) {
      c.unreachableAttempts(complaint.unreachableAttempts() + 1);
    } else if (event instanceof ComplaintEscalated e) {
      moveTo(c, e.to());
    } else if (event instanceof ComplaintTransferred e) {
      moveTo(c, e.to()).transferCount(complaint.transferCount() + 1);
    } else if (event instanceof ComplaintReassigned e) {
      moveTo(c, e.to());
    } else if (event instanceof ComplaintRejected e) {
      c.closure(new Closure(e.reason().closureKind(), Optional.of(e.remark()), e.duplicateOf(), at));
    } else if (event instanceof ComplaintSpeciallyClosed e) {
      c.closure(new Closure(ClosureKind.SPECIAL_CLOSURE, Optional.of(e.reason()), Optional.empty(), at));
    } else if (event instanceof ComplaintWithdrawn e) {
      c.closure(new Closure(ClosureKind.WITHDRAWN, e.reason(), Optional.empty(), at));
    } else if (event instanceof ComplaintReopened) {
      c.closure(Optional.empty()).reopenCount(complaint.reopenCount() + 1);
      clearEscalationFlags(c, complaint);
    } else if (event instanceof ComplaintEvent.ComplaintAppealed e) {
      moveTo(c, e.to());
    } else if (event instanceof ComplaintEvent.DuplicateLinked e) {
      c.addAllAttachments(e.attachments());
      // the sources it holds keep their ids; a log written by hand may name one again
      e.references().stream()
          .filter(r -> complaint.references().stream().noneMatch(h -> h.source().equals(r.source())))
          .forEach(c::addReferences);
    } else if (event instanceof ComplaintEvent.ComplaintClosedUnverified e) {
      c.closure(new Closure(e.kind(), Optional.of(e.remark()), Optional.empty(), at));
    } else if (event instanceof ComplaintEvent.SpecialClosureRequested e) {
      Optional<String> requester = e.actor() instanceof Actor.Officer o ? Optional.of(o.officerId()) : Optional.empty();
      c.specialClosureRequest(new SpecialClosureRequest(e.reason(), e.remark(), Lifecycle.assignmentOf(complaint).post(), at,
          Optional.empty(), Optional.empty(), requester));
    } else if (event instanceof ComplaintEvent.SpecialClosureRefused) {
      c.specialClosureRequest(Optional.empty());
      c.flags(complaint.flags().stream().filter(f -> f != ComplaintFlag.SPECIAL_CLOSURE_OVERDUE).toList());
    } else if (event instanceof ComplaintEvent.SpecialClosureDueSet e) {
      c.specialClosureRequest(complaint.specialClosureRequest().map(r -> r.due(e.approver(), e.dueAt())));
    } else if (event instanceof ComplaintFlagged e) {
      c.addFlags(e.flag());
      if (e.flag() == ComplaintFlag.FIRST_RESPONSE_MISSED) {
        c.firstResponse(complaint.firstResponse().map(FirstResponse::actedOn));
      } else if (e.flag() == ComplaintFlag.SPECIAL_CLOSURE_OVERDUE) {
        c.specialClosureRequest(complaint.specialClosureRequest().map(SpecialClosureRequest::stopped));
      }
    } else if (event instanceof ComplaintEvent.FlagCleared e) {
      c.flags(complaint.flags().stream().filter(f -> f != e.flag()).toList());
    } else if (event instanceof ComplaintEvent.FirstResponseDueSet e) {
      c.firstResponse(FirstResponse.due(e.dueAt()));
    } else if (event instanceof ComplaintEvent.ContactRecorded) {
      c.firstResponse(complaint.firstResponse().map(f -> f.contacted(at)));
    } else if (event instanceof SlaTimerSet e) {
      c.sla(e.timer());
    } else if (event instanceof ComplaintEvent.PriorityChanged e) {
      c.priority(e.to());
    }
    // WorkStarted and InformationRequested change the status alone; ReplyAccepted changes
    // nothing but the version; SpecialClosureApproved keeps the request until the closure after it.
    if (!statusAfter(complaint, event).isOpen()) {
      c.flags(Set.of()).specialClosureRequest(Optional.empty());
    }
    return c.build();
  }

  private static Status statusAfter(Complaint complaint, ComplaintEvent event) {
    return Lifecycle.target(Lifecycle.commandOf(event)).orElse(complaint.status());
  }

  /** A move to another post: the new level's clock is set by a later event; all flags clear. */
  private static Complaint.Builder moveTo(Complaint.Builder c, Assignment to) {
    return c.assignment(to).sla(Optional.empty()).flags(Set.of()).specialClosureRequest(Optional.empty());
  }

  private static void clearEscalationFlags(Complaint.Builder c, Complaint before) {
    c.flags(before.flags().stream().filter(f -> !f.isEscalationFlag()).toList());
  }
}
