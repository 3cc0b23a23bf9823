package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Something that happened to a complaint. Events are the complaint's audit trail and the source
 * of every report: {@link Lifecycle#evolve} applies one to the previous state, and
 * {@link Lifecycle#replay} rebuilds a complaint from all of them.
 *
 * <p>Every event carries the same envelope: the complaint's id, its {@link #sequence()} (1 for
 * registration, then one more per event, so it equals the complaint's version after applying it),
 * when it happened and who did it. A citizen actor's number, and the citizen of a registration,
 * are masked in {@code toString()} (see {@link org.nivaran.grievance.actor.Masking}). All
 * implementations are immutable records and thread-safe.
 */
public sealed interface ComplaintEvent
    permits ComplaintEvent.ComplaintRegistered,
        ComplaintEvent.ComplaintAssigned,
        ComplaintEvent.WorkStarted,
        ComplaintEvent.InformationRequested,
        ComplaintEvent.InformationProvided,
        ComplaintEvent.ResolutionFiled,
        ComplaintEvent.ReplyReturned,
        ComplaintEvent.CitizenSatisfied,
        ComplaintEvent.CitizenDissatisfied,
        ComplaintEvent.CitizenUnreachable,
        ComplaintEvent.ComplaintEscalated,
        ComplaintEvent.ComplaintTransferred,
        ComplaintEvent.ComplaintReassigned,
        ComplaintEvent.ComplaintFlagged,
        ComplaintEvent.SlaTimerSet,
        ComplaintEvent.ComplaintRejected,
        ComplaintEvent.ComplaintSpeciallyClosed,
        ComplaintEvent.ComplaintWithdrawn,
        ComplaintEvent.ComplaintReopened,
        ComplaintEvent.ReplyAccepted,
        ComplaintEvent.ComplaintAppealed,
        ComplaintEvent.ComplaintClosedUnverified,
        ComplaintEvent.DuplicateLinked,
        ComplaintEvent.SpecialClosureRequested,
        ComplaintEvent.SpecialClosureApproved,
        ComplaintEvent.SpecialClosureRefused,
        ComplaintEvent.ContactRecorded,
        ComplaintEvent.FirstResponseDueSet,
        ComplaintEvent.PriorityChanged,
        ComplaintEvent.SpecialClosureDueSet,
        ComplaintEvent.FlagCleared {

  /**
   * The complaint this event belongs to.
   *
   * @return the id
   */
  ComplaintId complaintId();

  /**
   * The position of this event in the complaint's log, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * When it happened.
   *
   * @return the instant
   */
  Instant occurredAt();

  /**
   * Who did it.
   *
   * @return the actor
   */
  Actor actor();

  /**
   * The complaint was registered.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param kind what was raised
   * @param channel how it arrived
   * @param citizen who raised it
   * @param categoryCode the category code
   * @param jurisdictionCode the jurisdiction code
   * @param description the citizen's account
   * @param attachments documents by reference
   * @param idempotencyKey the caller's idempotency key, if any
   * @param priority the priority it was registered with
   * @param location where it is, if given (empty in events recorded before locations existed)
   * @param tenant whose complaint it is ({@link TenantId#DEFAULT} in events recorded before tenants
   *     existed)
   * @param references its numbers in other systems, at most one per source (empty in events
   *     recorded before references existed)
   */
  record ComplaintRegistered(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Kind kind,
      Channel channel,
      Complainant citizen,
      String categoryCode,
      String jurisdictionCode,
      String description,
      List<Attachment> attachments,
      Optional<String> idempotencyKey,
      Priority priority,
      Optional<Location> location,
      TenantId tenant,
      List<ExternalReference> references)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param kind what was raised
     * @param channel how it arrived
     * @param citizen who raised it
     * @param categoryCode the category code
     * @param jurisdictionCode the jurisdiction code
     * @param description the citizen's account
     * @param attachments documents by reference
     * @param idempotencyKey the caller's idempotency key, if any
     * @param priority the priority it was registered with
     * @param location where it is, if given
     * @param tenant whose complaint it is
     * @param references its numbers in other systems, at most one per source
     */
    public ComplaintRegistered {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(kind, "kind");
      Texts.required(channel, "channel");
      Texts.required(citizen, "citizen");
      Texts.code(categoryCode, "categoryCode");
      Texts.code(jurisdictionCode, "jurisdictionCode");
      checkText(description, "description");
      attachments = List.copyOf(Texts.required(attachments, "attachments"));
      Texts.required(idempotencyKey, "idempotencyKey")
          .ifPresent(k -> Texts.opaque(k, "idempotencyKey", RegisterComplaint.MAX_IDEMPOTENCY_KEY_LENGTH));
      Texts.required(priority, "priority");
      Texts.required(location, "location");
      Texts.required(tenant, "tenant");
      references = ExternalReference.distinctSources(references, "references");
    }

    /**
     * A registration in the {@linkplain TenantId#DEFAULT default tenant} with no external
     * references (the form of events recorded before tenants existed).
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param kind what was raised
     * @param channel how it arrived
     * @param citizen who raised it
     * @param categoryCode the category code
     * @param jurisdictionCode the jurisdiction code
     * @param description the citizen's account
     * @param attachments documents by reference
     * @param idempotencyKey the caller's idempotency key, if any
     * @param priority the priority it was registered with
     * @param location where it is, if given
     */
    public ComplaintRegistered(
        ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Kind kind, Channel channel,
        Complainant citizen, String categoryCode, String jurisdictionCode, String description,
        List<Attachment> attachments, Optional<String> idempotencyKey, Priority priority, Optional<Location> location) {
      this(complaintId, sequence, occurredAt, actor, kind, channel, citizen, categoryCode, jurisdictionCode,
          description, attachments, idempotencyKey, priority, location, TenantId.DEFAULT, List.of());
    }

    /**
     * A registration with no location (the form of events recorded before locations existed).
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param kind what was raised
     * @param channel how it arrived
     * @param citizen who raised it
     * @param categoryCode the category code
     * @param jurisdictionCode the jurisdiction code
     * @param description the citizen's account
     * @param attachments documents by reference
     * @param idempotencyKey the caller's idempotency key, if any
     * @param priority the priority it was registered with
     */
    public ComplaintRegistered(
        ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Kind kind, Channel channel,
        Complainant citizen, String categoryCode, String jurisdictionCode, String description,
        List<Attachment> attachments, Optional<String> idempotencyKey, Priority priority) {
      this(complaintId, sequence, occurredAt, actor, kind, channel, citizen, categoryCode, jurisdictionCode,
          description, attachments, idempotencyKey, priority, Optional.empty());
    }

    /**
     * A registration of {@link Priority#NORMAL} priority (the form of events recorded before
     * priorities existed).
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param kind what was raised
     * @param channel how it arrived
     * @param citizen who raised it
     * @param categoryCode the category code
     * @param jurisdictionCode the jurisdiction code
     * @param description the citizen's account
     * @param attachments documents by reference
     * @param idempotencyKey the caller's idempotency key, if any
     */
    public ComplaintRegistered(
        ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Kind kind, Channel channel,
        Complainant citizen, String categoryCode, String jurisdictionCode, String description,
        List<Attachment> attachments, Optional<String> idempotencyKey) {
      this(complaintId, sequence, occurredAt, actor, kind, channel, citizen, categoryCode, jurisdictionCode,
          description, attachments, idempotencyKey, Priority.NORMAL);
    }

    /**
     * The event for logs and messages: every field, with the citizen masked (see
     * {@link Complainant#toString()}) and the citizen's number and name masked wherever else they
     * appear, e.g. in the description (see {@link org.nivaran.grievance.actor.Masking#scrub}).
     *
     * @return the masked description
     */
    @Override
    public String toString() {
      String plain = "ComplaintRegistered[complaintId=" + complaintId + ", sequence=" + sequence + ", occurredAt="
          + occurredAt + ", actor=" + actor + ", kind=" + kind + ", channel=" + channel + ", citizen=" + citizen
          + ", categoryCode=" + categoryCode + ", jurisdictionCode=" + jurisdictionCode + ", description="
          + description + ", attachments=" + attachments + ", idempotencyKey=" + idempotencyKey
          + ", priority=" + priority + location.map(l -> ", location=" + l).orElse("")
          + (tenant.isDefault() ? "" : ", tenant=" + tenant) + (references.isEmpty() ? "" : ", references=" + references)
          + "]";
      return Masking.scrub(plain, citizen.phone(), citizen.name());
    }
  }

  /**
   * The complaint was assigned to a post.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param assignment the post, department and level
   */
  record ComplaintAssigned(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Assignment assignment)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param assignment the post, department and level
     */
    public ComplaintAssigned {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(assignment, "assignment");
    }
  }

  /**
   * The officer holding the post took the complaint up.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   */
  record WorkStarted(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     */
    public WorkStarted {
      envelope(complaintId, sequence, occurredAt, actor);
    }
  }

  /**
   * The officer asked the citizen for documents or details.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param note what is needed
   */
  record InformationRequested(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String note)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param note what is needed
     */
    public InformationRequested {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(note, "note");
    }
  }

  /**
   * The citizen provided what was asked for.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param note the answer
   * @param attachments documents by reference
   */
  record InformationProvided(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String note,
      List<Attachment> attachments)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param note the answer
     * @param attachments documents by reference
     */
    public InformationProvided {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(note, "note");
      attachments = List.copyOf(Texts.required(attachments, "attachments"));
    }
  }

  /**
   * The officer filed an action-taken reply.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reply what was done
   * @param attachments supporting documents
   */
  record ResolutionFiled(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String reply,
      List<Attachment> attachments)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reply what was done
     * @param attachments supporting documents
     */
    public ResolutionFiled {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(reply, "reply");
      attachments = List.copyOf(Texts.required(attachments, "attachments"));
    }
  }

  /**
   * A reviewer returned the reply as of poor quality.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reason what is wrong with it
   */
  record ReplyReturned(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reason what is wrong with it
     */
    public ReplyReturned {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(reason, "reason");
    }
  }

  /**
   * The citizen confirmed they are satisfied; the complaint closed.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param rating 1 to 5, if given
   * @param remark what they said, if recorded
   */
  record CitizenSatisfied(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Optional<Integer> rating,
      Optional<String> remark)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param rating 1 to 5, if given
     * @param remark what they said, if recorded
     */
    public CitizenSatisfied {
      envelope(complaintId, sequence, occurredAt, actor);
      Ratings.check(rating);
      checkText(remark, "remark");
    }
  }

  /**
   * The citizen is not satisfied; the complaint reopened.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param rating 1 to 5, if given
   * @param reason why
   */
  record CitizenDissatisfied(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Optional<Integer> rating,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param rating 1 to 5, if given
     * @param reason why
     */
    public CitizenDissatisfied {
      envelope(complaintId, sequence, occurredAt, actor);
      Ratings.check(rating);
      checkText(reason, "reason");
    }
  }

  /**
   * A verification call did not reach the citizen.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param remark what happened, if recorded
   */
  record CitizenUnreachable(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Optional<String> remark)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param remark what happened, if recorded
     */
    public CitizenUnreachable {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(remark, "remark");
    }
  }

  /**
   * The complaint moved one level up.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param from where it was
   * @param to where it is now
   * @param reason why
   */
  record ComplaintEscalated(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Assignment from,
      Assignment to,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param from where it was
     * @param to where it is now
     * @param reason why
     */
    public ComplaintEscalated {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(from, "from");
      Texts.required(to, "to");
      checkText(reason, "reason");
    }
  }

  /**
   * The complaint was sent to another department's post.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param from where it was
   * @param to where it is now
   * @param reason why
   */
  record ComplaintTransferred(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Assignment from,
      Assignment to,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param from where it was
     * @param to where it is now
     * @param reason why
     */
    public ComplaintTransferred {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(from, "from");
      Texts.required(to, "to");
      checkText(reason, "reason");
    }
  }

  /**
   * The complaint was rejected.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reason duplicate, out of scope or fake
   * @param remark the explanation
   * @param duplicateOf the complaint it repeats, for a duplicate
   */
  record ComplaintRejected(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      RejectionReason reason,
      String remark,
      Optional<ComplaintId> duplicateOf)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reason duplicate, out of scope or fake
     * @param remark the explanation
     * @param duplicateOf the complaint it repeats, for a duplicate
     */
    public ComplaintRejected {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(reason, "reason");
      checkText(remark, "remark");
      Texts.required(duplicateOf, "duplicateOf");
      if (duplicateOf.isPresent() != (reason == RejectionReason.DUPLICATE)) {
        throw new org.nivaran.grievance.InvalidInputException(
            "duplicateOf", "is required for, and only for, the reason DUPLICATE (reason was " + reason + ")");
      }
    }
  }

  /**
   * A supervisor closed the complaint without the citizen's satisfaction.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reason the recorded reason
   */
  record ComplaintSpeciallyClosed(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reason the recorded reason
     */
    public ComplaintSpeciallyClosed {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(reason, "reason");
    }
  }

  /**
   * The citizen withdrew the complaint.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reason why, if said
   */
  record ComplaintWithdrawn(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Optional<String> reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reason why, if said
     */
    public ComplaintWithdrawn {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(reason, "reason");
    }
  }

  /**
   * A closed complaint was reopened.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param reason why
   */
  record ComplaintReopened(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null and copies lists.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param reason why
     */
    public ComplaintReopened {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(reason, "reason");
    }
  }

  /**
   * Text in an event must pass the checks a command applies (not blank, no control or bidi
   * characters, no unpaired surrogate, within the longest limit); it is kept exactly as given,
   * never rewritten, so a stored log reads back byte for byte.
   */
  /**
   * The complaint was given to another post of its department.
   *
   * @param complaintId the complaint
   * @param sequence the event's position in the complaint's log, from 1
   * @param occurredAt when
   * @param actor who
   * @param from the assignment before
   * @param to the assignment after, in the same department
   * @param reason why
   */
  record ComplaintReassigned(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Assignment from,
      Assignment to,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the event's position in the complaint's log, from 1
     * @param occurredAt when
     * @param actor who
     * @param from the assignment before
     * @param to the assignment after, in the same department
     * @param reason why
     *
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public ComplaintReassigned {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(from, "from");
      Texts.required(to, "to");
      checkText(reason, "reason");
    }
  }

  /**
   * The complaint was marked for attention.
   *
   * @param complaintId the complaint
   * @param sequence the event's position in the complaint's log, from 1
   * @param occurredAt when
   * @param actor who
   * @param flag the flag set
   * @param detail what happened
   * @param attention the post whose holder is asked to attend to it, if any
   */
  record ComplaintFlagged(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      ComplaintFlag flag,
      String detail,
      Optional<PostId> attention)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the event's position in the complaint's log, from 1
     * @param occurredAt when
     * @param actor who
     * @param flag the flag set
     * @param detail what happened
     * @param attention the post whose holder is asked to attend to it, if any
     *
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public ComplaintFlagged {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(flag, "flag");
      checkText(detail, "detail");
      Texts.required(attention, "attention");
    }
  }

  /**
   * The SLA clock of the complaint's level was started, paused or resumed; the timer carries the
   * policy in force and the deadline computed then.
   *
   * @param complaintId the complaint
   * @param sequence the event's position in the complaint's log, from 1
   * @param occurredAt when
   * @param actor who (the system)
   * @param timer the clock after the change
   */
  record SlaTimerSet(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      SlaTimer timer)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the event's position in the complaint's log, from 1
     * @param occurredAt when
     * @param actor who (the system)
     * @param timer the clock after the change
     *
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public SlaTimerSet {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(timer, "timer");
    }
  }

  /**
   * A supervisor (or the system) changed the complaint's priority. When the level's SLA clock
   * runs or is paused, a {@link SlaTimerSet} follows in the same change with the clock re-timed
   * for the new priority ({@link SlaTimer#retime}).
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param from the priority before
   * @param to the priority after, not {@code from}
   * @param reason the recorded reason
   */
  record PriorityChanged(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Priority from, Priority to, String reason)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param from the priority before
     * @param to the priority after, not {@code from}
     * @param reason the recorded reason
     *
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public PriorityChanged {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(from, "from");
      Texts.required(to, "to");
      if (from == to) {
        throw new SamePriorityException(complaintId, to);
      }
      checkText(reason, "reason");
    }
  }

  /**
   * A reviewer accepted the reply as of proper quality.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param remark the reviewer's note, if any
   */
  record ReplyAccepted(ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Optional<String> remark)
      implements ComplaintEvent {
    /**
     * Checks that no field is null.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param remark the reviewer's note, if any
     */
    public ReplyAccepted {
      envelope(complaintId, sequence, occurredAt, actor);
      checkText(remark, "remark");
    }
  }

  /**
   * A reopened complaint was sent to an appellate post.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param from where it was
   * @param to the appellate post's assignment
   * @param reason why
   */
  record ComplaintAppealed(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Assignment from, Assignment to,
      String reason)
      implements ComplaintEvent {
    /**
     * Checks that no field is null.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param from where it was
     * @param to the appellate post's assignment
     * @param reason why
     */
    public ComplaintAppealed {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(from, "from");
      Texts.required(to, "to");
      checkText(reason, "reason");
    }
  }

  /**
   * The complaint was closed without the citizen's confirmation, as the verification policy says.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param kind {@link ClosureKind#UNCONFIRMED} or {@link ClosureKind#NOT_SATISFIED}
   * @param remark the recorded reason
   */
  record ComplaintClosedUnverified(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, ClosureKind kind, String remark)
      implements ComplaintEvent {
    /**
     * Checks the fields.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param kind {@link ClosureKind#UNCONFIRMED} or {@link ClosureKind#NOT_SATISFIED}
     * @param remark the recorded reason
     */
    public ComplaintClosedUnverified {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(kind, "kind");
      if (kind != ClosureKind.UNCONFIRMED && kind != ClosureKind.NOT_SATISFIED) {
        throw new org.nivaran.grievance.InvalidInputException("kind", "must be UNCONFIRMED or NOT_SATISFIED (was " + kind + ")");
      }
      checkText(remark, "remark");
    }
  }

  /**
   * A repeat registration was recorded on this open complaint instead of creating another. The
   * complaint gains the event's {@code references}: those of the repeat's sources it did not hold.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who registered the repeat
   * @param channel how the repeat arrived
   * @param description what the citizen said this time
   * @param attachments documents sent with the repeat, by reference
   * @param idempotencyKey the repeat registration's idempotency key, if any
   * @param references the external references the complaint gained by the repeat, possibly empty
   */
  record DuplicateLinked(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Channel channel, String description,
      List<Attachment> attachments, Optional<String> idempotencyKey, List<ExternalReference> references,
      Optional<Complainant> caller)
      implements ComplaintEvent {
    /**
     * Checks the fields.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who registered the repeat
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if any
     * @param references the external references the complaint gained, at most one per source
     * @param caller who raised the repeat, when not the complaint's own citizen (empty in events
     *     recorded before it was kept)
     */
    public DuplicateLinked {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(channel, "channel");
      checkText(description, "description");
      attachments = List.copyOf(Texts.required(attachments, "attachments"));
      Texts.required(idempotencyKey, "idempotencyKey");
      references = ExternalReference.distinctSources(references, "references");
      Texts.required(caller, "caller");
    }

    /**
     * A repeat by the complaint's own citizen.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who registered the repeat
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if any
     * @param references the external references the complaint gained, at most one per source
     */
    public DuplicateLinked(ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Channel channel,
        String description, List<Attachment> attachments, Optional<String> idempotencyKey,
        List<ExternalReference> references) {
      this(complaintId, sequence, occurredAt, actor, channel, description, attachments, idempotencyKey, references,
          Optional.empty());
    }

    /**
     * The event for logs and messages: the caller masked (see {@link Complainant#toString()}), and
     * their number and name masked wherever else they appear.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
      String plain = "DuplicateLinked[complaintId=" + complaintId + ", sequence=" + sequence + ", occurredAt="
          + occurredAt + ", actor=" + actor + ", channel=" + channel + ", description=" + description
          + ", attachments=" + attachments + ", idempotencyKey=" + idempotencyKey + ", references=" + references
          + caller.map(c -> ", caller=" + c).orElse("") + "]";
      return caller.map(c -> Masking.scrub(plain, c.phone(), c.name())).orElse(plain);
    }

    /**
     * A repeat that brought no external reference (as recorded before references existed).
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who registered the repeat
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if any
     */
    public DuplicateLinked(ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, Channel channel,
        String description, List<Attachment> attachments, Optional<String> idempotencyKey) {
      this(complaintId, sequence, occurredAt, actor, channel, description, attachments, idempotencyKey, List.of());
    }
  }

  /**
   * An officer asked a second person to close the complaint specially; the status stays.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor the officer
   * @param reason the reason code
   * @param remark the officer's explanation
   */
  record SpecialClosureRequested(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, SpecialClosureReason reason,
      String remark)
      implements ComplaintEvent {
    /**
     * Checks the fields.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor the officer
     * @param reason the reason code
     * @param remark the officer's explanation
     */
    public SpecialClosureRequested {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(reason, "reason");
      checkText(remark, "remark");
    }
  }

  /**
   * The second person approved the pending special closure. This event is the citizen's notice of
   * the closure and its reason; the {@link ComplaintSpeciallyClosed} event follows it in the same
   * change. The status stays until then.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor the approver
   * @param reason the reason code of the request
   * @param remark the approver's remark
   */
  record SpecialClosureApproved(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, SpecialClosureReason reason,
      String remark)
      implements ComplaintEvent {
    /**
     * Checks the fields.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor the approver
     * @param reason the reason code of the request
     * @param remark the approver's remark
     */
    public SpecialClosureApproved {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(reason, "reason");
      checkText(remark, "remark");
    }
  }

  /**
   * The second person refused the pending special closure; the complaint stays with its post.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor the approver who refused
   * @param reason the reason code of the refused request
   * @param remark why
   */
  record SpecialClosureRefused(
      ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor, SpecialClosureReason reason,
      String remark)
      implements ComplaintEvent {
    /**
     * Checks the fields.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor the approver who refused
     * @param reason the reason code of the refused request
     * @param remark why
     */
    public SpecialClosureRefused {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(reason, "reason");
      checkText(remark, "remark");
    }
  }

  private static void checkText(String text, String field) {
    Texts.multiLine(text, field, RegisterComplaint.MAX_DESCRIPTION_LENGTH);
  }

  private static void checkText(Optional<String> text, String field) {
    Texts.required(text, field).ifPresent(t -> checkText(t, field));
  }

  private static void envelope(ComplaintId complaintId, long sequence, Instant occurredAt, Actor actor) {
    Texts.required(complaintId, "complaintId");
    Texts.required(occurredAt, "occurredAt");
    Texts.required(actor, "actor");
    if (sequence < 1) {
      throw new org.nivaran.grievance.InvalidInputException("sequence", "must be at least 1 (was " + sequence + ")");
    }
  }

  /**
   * The officer of the assigned post recorded a contact with the complainant; the first such event
   * meets the first-response duty. {@link #toString()} gives the remark's length, not its text.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who (the officer)
   * @param outcome how the contact went
   * @param remark what was said or tried, if recorded
   */
  record ContactRecorded(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      ContactOutcome outcome,
      Optional<String> remark)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who (the officer)
     * @param outcome how the contact went
     * @param remark what was said or tried, if recorded
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public ContactRecorded {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(outcome, "outcome");
      checkText(remark, "remark");
    }

    /**
     * The event without the remark's text.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
      return "ContactRecorded[complaintId=" + complaintId + ", sequence=" + sequence + ", occurredAt=" + occurredAt
          + ", actor=" + actor + ", outcome=" + outcome + ", remark=" + ContactRemarks.masked(remark) + "]";
    }
  }

  /**
   * The system recorded when the first response is due, at the complaint's first assignment.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who (the system)
   * @param dueAt when the first response is due
   */
  record FirstResponseDueSet(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Instant dueAt)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who (the system)
     * @param dueAt when the first response is due
     * @throws org.nivaran.grievance.InvalidInputException naming a missing field
     */
    public FirstResponseDueSet {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(dueAt, "dueAt");
    }
  }

  /**
   * The system recorded when a pending special-closure request's approving post runs out of time:
   * as the request was made, or, naming the post, as the approval duty moved one post up because
   * the previous deadline passed (stamped at that deadline).
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who (the system)
   * @param approver the post the approval duty moved up to; empty for the first deadline
   * @param dueAt when the approving post's time runs out
   */
  record SpecialClosureDueSet(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      Optional<PostId> approver,
      Instant dueAt)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who (the system)
     * @param approver the post the approval duty moved up to, if it moved
     * @param dueAt when the approving post's time runs out
     * @throws org.nivaran.grievance.InvalidInputException naming a missing field
     */
    public SpecialClosureDueSet {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(approver, "approver");
      Texts.required(dueAt, "dueAt");
    }
  }

  /**
   * An agent or supervisor cleared a flag that asked their judgement (e.g. a
   * {@link ComplaintFlag#POSSIBLE_REPEAT} found to be no repeat); the status stays.
   *
   * @param complaintId the complaint
   * @param sequence the position in the log, from 1
   * @param occurredAt when
   * @param actor who
   * @param flag the flag cleared
   * @param note why
   */
  record FlagCleared(
      ComplaintId complaintId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      ComplaintFlag flag,
      String note)
      implements ComplaintEvent {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param sequence the position in the log, from 1
     * @param occurredAt when
     * @param actor who
     * @param flag the flag cleared
     * @param note why
     * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid field
     */
    public FlagCleared {
      envelope(complaintId, sequence, occurredAt, actor);
      Texts.required(flag, "flag");
      checkText(note, "note");
    }
  }
}
