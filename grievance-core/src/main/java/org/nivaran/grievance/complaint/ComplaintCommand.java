package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * A command on an existing complaint. Run it with {@code Grievances.execute(id, command, actor)};
 * {@link Lifecycle} says in which states and by which roles each may be issued.
 *
 * <p>Text fields are NFC-normalised and stripped in the constructors, and every failure is an
 * {@link InvalidInputException} naming the field. All implementations are immutable records and
 * thread-safe.
 */
public sealed interface ComplaintCommand
    permits ComplaintCommand.Assign,
        ComplaintCommand.StartWork,
        ComplaintCommand.RequestInformation,
        ComplaintCommand.ProvideInformation,
        ComplaintCommand.Resolve,
        ComplaintCommand.ReturnReply,
        ComplaintCommand.ConfirmSatisfied,
        ComplaintCommand.ReportDissatisfied,
        ComplaintCommand.RecordUnreachable,
        ComplaintCommand.Escalate,
        ComplaintCommand.Transfer,
        ComplaintCommand.Reassign,
        ComplaintCommand.Flag,
        ComplaintCommand.SetSlaTimer,
        ComplaintCommand.Reject,
        ComplaintCommand.SpecialClose,
        ComplaintCommand.Withdraw,
        ComplaintCommand.Reopen,
        ComplaintCommand.AcceptReply,
        ComplaintCommand.Appeal,
        ComplaintCommand.CloseUnverified,
        ComplaintCommand.LinkDuplicate,
        ComplaintCommand.RequestSpecialClosure,
        ComplaintCommand.ApproveSpecialClosure,
        ComplaintCommand.RefuseSpecialClosure,
        ComplaintCommand.RecordContact,
        ComplaintCommand.SetFirstResponseDue,
        ComplaintCommand.SetSpecialClosureDue,
        ComplaintCommand.ChangePriority,
        ComplaintCommand.ClearFlag {

  /** The most code points in a reason, remark or note. */
  int MAX_REASON_LENGTH = 1000;
  /** The most code points in an action-taken reply. */
  int MAX_REPLY_LENGTH = 4000;

  /**
   * Which row of the lifecycle table this command is.
   *
   * @return the command's type
   */
  CommandType type();

  /**
   * Assign a registered complaint to a post.
   *
   * @param post the responsible post
   * @param department the post's department code
   * @param level the post's level, usually {@link Level#L1}
   */
  record Assign(PostId post, String department, Level level) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param post the responsible post
     * @param department the post's department code
     * @param level the post's level, usually {@link Level#L1}
     */
    public Assign {
      Texts.required(post, "post");
      Texts.code(department, "department");
      Texts.required(level, "level");
    }

    @Override
    public CommandType type() {
      return CommandType.ASSIGN;
    }
  }

  /** The officer holding the post takes the complaint up. */
  record StartWork() implements ComplaintCommand {
    @Override
    public CommandType type() {
      return CommandType.START_WORK;
    }
  }

  /**
   * The officer asks the citizen for documents or details; the SLA clock pauses.
   *
   * @param note what is needed
   */
  record RequestInformation(String note) implements ComplaintCommand {
    /**
     * Validates and normalises the note.
     *
     * @param note what is needed
     */
    public RequestInformation {
      note = Texts.multiLine(note, "note", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REQUEST_INFORMATION;
    }
  }

  /**
   * The citizen (or an agent for them) provides what was asked for.
   *
   * @param note the answer
   * @param attachments documents by reference
   */
  record ProvideInformation(String note, List<Attachment> attachments) implements ComplaintCommand {
    /**
     * Validates and normalises the fields.
     *
     * @param note the answer
     * @param attachments documents by reference
     */
    public ProvideInformation {
      note = Texts.multiLine(note, "note", MAX_REASON_LENGTH);
      attachments = checkAttachments("attachments", attachments);
    }

    @Override
    public CommandType type() {
      return CommandType.PROVIDE_INFORMATION;
    }
  }

  /**
   * The officer files an action-taken reply.
   *
   * @param reply what was done
   * @param attachments supporting documents by reference
   */
  record Resolve(String reply, List<Attachment> attachments) implements ComplaintCommand {
    /**
     * Validates and normalises the fields.
     *
     * @param reply what was done
     * @param attachments supporting documents by reference
     */
    public Resolve {
      reply = Texts.multiLine(reply, "reply", MAX_REPLY_LENGTH);
      attachments = checkAttachments("attachments", attachments);
    }

    @Override
    public CommandType type() {
      return CommandType.RESOLVE;
    }
  }

  /**
   * A reviewer returns a reply as of poor quality.
   *
   * @param reason what is wrong with it
   */
  record ReturnReply(String reason) implements ComplaintCommand {
    /**
     * Validates and normalises the reason.
     *
     * @param reason what is wrong with it
     */
    public ReturnReply {
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.RETURN_REPLY;
    }
  }

  /**
   * Verification: the citizen says they are satisfied. The complaint closes.
   *
   * @param rating 1 to 5, if the citizen gave one
   * @param remark what they said, if recorded
   */
  record ConfirmSatisfied(Optional<Integer> rating, Optional<String> remark) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param rating 1 to 5, if the citizen gave one
     * @param remark what they said, if recorded
     */
    public ConfirmSatisfied {
      rating = Ratings.check(rating);
      remark = checkOptionalText("remark", remark);
    }

    @Override
    public CommandType type() {
      return CommandType.CONFIRM_SATISFIED;
    }
  }

  /**
   * Verification: the citizen is not satisfied. The complaint reopens with the same post.
   *
   * @param rating 1 to 5, if the citizen gave one
   * @param reason why they are not satisfied
   */
  record ReportDissatisfied(Optional<Integer> rating, String reason) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param rating 1 to 5, if the citizen gave one
     * @param reason why they are not satisfied
     */
    public ReportDissatisfied {
      rating = Ratings.check(rating);
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REPORT_DISSATISFIED;
    }
  }

  /**
   * Verification: the call did not reach the citizen. The attempt is counted; nothing else changes.
   *
   * @param remark e.g. "switched off", if recorded
   */
  record RecordUnreachable(Optional<String> remark) implements ComplaintCommand {
    /**
     * Validates the remark.
     *
     * @param remark e.g. "switched off", if recorded
     */
    public RecordUnreachable {
      remark = checkOptionalText("remark", remark);
    }

    @Override
    public CommandType type() {
      return CommandType.RECORD_UNREACHABLE;
    }
  }

  /**
   * Move the complaint one level up, to a higher post of the same department.
   *
   * @param toPost the post at the next level
   * @param reason why, e.g. "7 working days at L1 elapsed"
   */
  record Escalate(PostId toPost, String reason) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param toPost the post at the next level
     * @param reason why, e.g. "7 working days at L1 elapsed"
     */
    public Escalate {
      Texts.required(toPost, "toPost");
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.ESCALATE;
    }
  }

  /**
   * Send the complaint to a post of another department ("not my department").
   *
   * @param toPost the receiving post
   * @param toDepartment its department, which must differ from the current one
   * @param level the receiving post's level
   * @param reason why
   */
  record Transfer(PostId toPost, String toDepartment, Level level, String reason)
      implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param toPost the receiving post
     * @param toDepartment its department, which must differ from the current one
     * @param level the receiving post's level
     * @param reason why
     */
    public Transfer {
      Texts.required(toPost, "toPost");
      Texts.code(toDepartment, "toDepartment");
      Texts.required(level, "level");
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.TRANSFER;
    }
  }

  /**
   * Reject the complaint.
   *
   * @param reason duplicate, out of scope or fake
   * @param remark the recorded explanation
   * @param duplicateOf for {@link RejectionReason#DUPLICATE}, the complaint it repeats (required
   *     then, refused otherwise)
   */
  record Reject(RejectionReason reason, String remark, Optional<ComplaintId> duplicateOf)
      implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param reason duplicate, out of scope or fake
     * @param remark the recorded explanation
     * @param duplicateOf for {@link RejectionReason#DUPLICATE}, the complaint it repeats (required then, refused otherwise)
     */
    public Reject {
      Texts.required(reason, "reason");
      remark = Texts.multiLine(remark, "remark", MAX_REASON_LENGTH);
      Texts.required(duplicateOf, "duplicateOf");
      if (reason == RejectionReason.DUPLICATE && duplicateOf.isEmpty()) {
        throw new InvalidInputException("duplicateOf", "is required when the reason is DUPLICATE");
      }
      if (reason != RejectionReason.DUPLICATE && duplicateOf.isPresent()) {
        throw new InvalidInputException("duplicateOf", "is allowed only when the reason is DUPLICATE (was " + reason + ")");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.REJECT;
    }
  }

  /**
   * Close the complaint without the citizen's satisfaction (policy decision, court matter, ...).
   *
   * @param reason the recorded reason
   */
  record SpecialClose(String reason) implements ComplaintCommand {
    /**
     * Validates and normalises the reason.
     *
     * @param reason the recorded reason
     */
    public SpecialClose {
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.SPECIAL_CLOSE;
    }
  }

  /**
   * The citizen withdraws the complaint.
   *
   * @param reason why, if they said
   */
  record Withdraw(Optional<String> reason) implements ComplaintCommand {
    /**
     * Validates the reason.
     *
     * @param reason why, if they said
     */
    public Withdraw {
      reason = checkOptionalText("reason", reason);
    }

    @Override
    public CommandType type() {
      return CommandType.WITHDRAW;
    }
  }

  /**
   * Reopen a closed complaint; it goes back to the post that last held it.
   *
   * @param reason why
   */
  record Reopen(String reason) implements ComplaintCommand {
    /**
     * Validates and normalises the reason.
     *
     * @param reason why
     */
    public Reopen {
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REOPEN;
    }
  }

  /**
   * Give the complaint to another post of its department (a manual reassignment), at that post's
   * level; the level's SLA clock starts again.
   *
   * @param toPost the new post, other than the current one
   * @param level the new post's level
   * @param reason why, recorded in the event
   */
  record Reassign(PostId toPost, Level level, String reason) implements ComplaintCommand {
    /**
     * Checks the parts.
     *
     * @param toPost the new post, other than the current one
     * @param level the new post's level
     * @param reason why, recorded in the event
     *
     * @throws InvalidInputException naming the field that is missing or not valid
     */
    public Reassign {
      Texts.required(toPost, "toPost");
      Texts.required(level, "level");
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REASSIGN;
    }
  }

  /**
   * Mark an open complaint for attention (stuck escalation, overdue at the top rung, bounced
   * between departments, no route). The status stays; the flag is cleared when the complaint
   * moves to another post or leaves the open states.
   *
   * @param flag the flag, not set already
   * @param detail what happened, recorded in the event
   * @param attention the post whose holder is asked to attend to it (the district's nodal
   *     officer, the head of department), if any; notification policies alert its holder
   */
  record Flag(ComplaintFlag flag, String detail, Optional<PostId> attention) implements ComplaintCommand {
    /**
     * Checks the parts.
     *
     * @param flag the flag, not set already
     * @param detail what happened, recorded in the event
     * @param attention the post whose holder is asked to attend to it (the district's nodal
     *     officer, the head of department), if any; notification policies alert its holder
     *
     * @throws InvalidInputException naming the field that is missing or not valid
     */
    public Flag {
      Texts.required(flag, "flag");
      detail = Texts.multiLine(detail, "detail", MAX_REASON_LENGTH);
      Texts.required(attention, "attention");
    }

    @Override
    public CommandType type() {
      return CommandType.FLAG;
    }
  }

  /**
   * Record the SLA clock of the complaint's current level. Issued by the system (the
   * timekeeping of {@code Grievances}) after the commands that start, pause or resume a level's
   * time; the status stays.
   *
   * @param timer the clock, at the complaint's current level
   */
  record SetSlaTimer(SlaTimer timer) implements ComplaintCommand {
    /**
     * Checks the part.
     *
     * @param timer the clock, at the complaint's current level
     *
     * @throws InvalidInputException if the timer is missing
     */
    public SetSlaTimer {
      Texts.required(timer, "timer");
    }

    @Override
    public CommandType type() {
      return CommandType.SET_SLA_TIMER;
    }
  }

  /**
   * A reviewer accepts an action-taken reply as of proper quality; the status stays
   * {@link Status#RESOLVED} until the citizen is asked.
   *
   * @param remark the reviewer's note, if any
   */
  record AcceptReply(Optional<String> remark) implements ComplaintCommand {
    /**
     * Validates the remark.
     *
     * @param remark the reviewer's note, if any
     */
    public AcceptReply {
      remark = checkOptionalText("remark", remark);
    }

    @Override
    public CommandType type() {
      return CommandType.ACCEPT_REPLY;
    }
  }

  /**
   * Send a reopened complaint to an appellate post: the citizen was not satisfied and the
   * verification policy (or a supervisor) takes it to the authority that hears appeals, of any
   * department and level.
   *
   * @param toPost the appellate post
   * @param toDepartment its department
   * @param level its level
   * @param reason why
   */
  record Appeal(PostId toPost, String toDepartment, Level level, String reason) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param toPost the appellate post
     * @param toDepartment its department
     * @param level its level
     * @param reason why
     */
    public Appeal {
      Texts.required(toPost, "toPost");
      Texts.code(toDepartment, "toDepartment");
      Texts.required(level, "level");
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.APPEAL;
    }
  }

  /**
   * Close a complaint without the citizen's confirmation, as the verification policy says: the
   * citizen could not be reached ({@link ClosureKind#UNCONFIRMED}), or stayed dissatisfied after
   * the most reopenings the policy allows ({@link ClosureKind#NOT_SATISFIED}).
   *
   * @param kind {@link ClosureKind#UNCONFIRMED} or {@link ClosureKind#NOT_SATISFIED}
   * @param remark the recorded reason
   */
  record CloseUnverified(ClosureKind kind, String remark) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param kind {@link ClosureKind#UNCONFIRMED} or {@link ClosureKind#NOT_SATISFIED}
     * @param remark the recorded reason
     * @throws InvalidInputException (field {@code kind}) for any other kind
     */
    public CloseUnverified {
      Texts.required(kind, "kind");
      if (kind != ClosureKind.UNCONFIRMED && kind != ClosureKind.NOT_SATISFIED) {
        throw new InvalidInputException("kind", "must be UNCONFIRMED or NOT_SATISFIED (was " + kind + ")");
      }
      remark = Texts.multiLine(remark, "remark", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.CLOSE_UNVERIFIED;
    }
  }

  /**
   * Record a repeat registration on the open complaint it repeats, instead of creating a second
   * complaint (see {@code DuplicatePolicy} and {@code ReferencePolicy}); the status stays. The
   * complaint gains the {@code references} given here (at most one per source, of sources it
   * does not hold yet).
   *
   * @param channel how the repeat arrived
   * @param description what the citizen said this time
   * @param attachments documents sent with the repeat, by reference
   * @param idempotencyKey the repeat registration's idempotency key, if it had one
   * @param references the external references the complaint gains by the repeat, possibly empty
   * @param caller who raised the repeat, when it is not the complaint's own citizen (a neighbour
   *     reporting the same fault, linked by distance), so that their name and number are kept
   */
  record LinkDuplicate(Channel channel, String description, List<Attachment> attachments, Optional<String> idempotencyKey,
      List<ExternalReference> references, Optional<Complainant> caller)
      implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if it had one
     * @param references the external references the complaint gains, at most one per source
     * @param caller who raised the repeat, if not the complaint's own citizen
     * @throws InvalidInputException naming the field
     */
    public LinkDuplicate {
      Texts.required(channel, "channel");
      description = Texts.multiLine(description, "description", RegisterComplaint.MAX_DESCRIPTION_LENGTH);
      attachments = checkAttachments("attachments", attachments);
      Texts.required(idempotencyKey, "idempotencyKey");
      references = ExternalReference.distinctSources(references, "references");
      Texts.required(caller, "caller");
    }

    /**
     * A repeat by the complaint's own citizen.
     *
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if it had one
     * @param references the external references the complaint gains, at most one per source
     * @throws InvalidInputException naming the field
     */
    public LinkDuplicate(Channel channel, String description, List<Attachment> attachments, Optional<String> idempotencyKey,
        List<ExternalReference> references) {
      this(channel, description, attachments, idempotencyKey, references, Optional.empty());
    }

    /**
     * The command for logs and messages: the caller masked (see {@link Complainant#toString()}),
     * and their number and name masked wherever else they appear.
     *
     * @return the masked description
     */
    @Override
    public String toString() {
      String plain = "LinkDuplicate[channel=" + channel + ", description=" + description + ", attachments=" + attachments
          + ", idempotencyKey=" + idempotencyKey + ", references=" + references + caller.map(c -> ", caller=" + c).orElse("")
          + "]";
      return caller.map(c -> org.nivaran.grievance.actor.Masking.scrub(plain, c.phone(), c.name())).orElse(plain);
    }

    /**
     * A repeat that brings no external reference.
     *
     * @param channel how the repeat arrived
     * @param description what the citizen said this time
     * @param attachments documents sent with the repeat, by reference
     * @param idempotencyKey the repeat registration's idempotency key, if it had one
     * @throws InvalidInputException naming the field
     */
    public LinkDuplicate(Channel channel, String description, List<Attachment> attachments, Optional<String> idempotencyKey) {
      this(channel, description, attachments, idempotencyKey, List.of());
    }

    @Override
    public CommandType type() {
      return CommandType.LINK_DUPLICATE;
    }
  }

  /**
   * The officer holding the complaint's post asks a second person to close it specially (two-person
   * special closure, see {@code SpecialClosurePolicy}); the status stays and the request waits for
   * {@link ApproveSpecialClosure} or {@link RefuseSpecialClosure}.
   *
   * @param reason the reason code
   * @param remark the officer's explanation
   */
  record RequestSpecialClosure(SpecialClosureReason reason, String remark) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param reason the reason code
     * @param remark the officer's explanation
     */
    public RequestSpecialClosure {
      Texts.required(reason, "reason");
      remark = Texts.multiLine(remark, "remark", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REQUEST_SPECIAL_CLOSURE;
    }
  }

  /**
   * The second person approves the pending special-closure request: the citizen is told the reason
   * ({@link ComplaintEvent.SpecialClosureApproved}), then the complaint closes specially, in the
   * same change.
   *
   * @param remark the approver's remark, required
   */
  record ApproveSpecialClosure(String remark) implements ComplaintCommand {
    /**
     * Validates and normalises the remark.
     *
     * @param remark the approver's remark, required
     */
    public ApproveSpecialClosure {
      remark = Texts.multiLine(remark, "remark", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.APPROVE_SPECIAL_CLOSURE;
    }
  }

  /**
   * The second person refuses the pending special-closure request; the complaint stays with its
   * post, which is told the remark.
   *
   * @param remark why, required
   */
  record RefuseSpecialClosure(String remark) implements ComplaintCommand {
    /**
     * Validates and normalises the remark.
     *
     * @param remark why, required
     */
    public RefuseSpecialClosure {
      remark = Texts.multiLine(remark, "remark", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.REFUSE_SPECIAL_CLOSURE;
    }
  }

  /**
   * Change the complaint's priority. A supervisor within reach of the complaint issues it (or the
   * system, for a host's own rule); officers, agents and citizens may not. The level's SLA clock is
   * re-timed for the new priority ({@link SlaTimer#retime}).
   *
   * @param to the new priority, not the current one
   * @param reason why, 1 to {@value #MAX_REASON_LENGTH} code points
   */
  record ChangePriority(Priority to, String reason) implements ComplaintCommand {
    /**
     * Validates and normalises the parts.
     *
     * @param to the new priority
     * @param reason why
     */
    public ChangePriority {
      Texts.required(to, "to");
      reason = Texts.multiLine(reason, "reason", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.CHANGE_PRIORITY;
    }
  }

  /**
   * Clear a flag that asked a person's judgement ({@link ComplaintFlag#isClearedByHand()}), e.g. a
   * {@link ComplaintFlag#POSSIBLE_REPEAT} the agent found to be no repeat; the status stays. The
   * flag must be set.
   *
   * @param flag the flag, one cleared by hand
   * @param note why, 1 to {@value #MAX_REASON_LENGTH} code points
   */
  record ClearFlag(ComplaintFlag flag, String note) implements ComplaintCommand {
    /**
     * Validates and normalises the parts.
     *
     * @param flag the flag, one cleared by hand
     * @param note why
     * @throws InvalidInputException naming {@code flag} (missing, or not one cleared by hand) or
     *     {@code note}
     */
    public ClearFlag {
      Texts.required(flag, "flag");
      if (!flag.isClearedByHand()) {
        throw new InvalidInputException("flag", flag + " is not cleared by hand; it clears when the complaint moves on");
      }
      note = Texts.multiLine(note, "note", MAX_REASON_LENGTH);
    }

    @Override
    public CommandType type() {
      return CommandType.CLEAR_FLAG;
    }
  }

  private static List<Attachment> checkAttachments(String field, List<Attachment> attachments) {
    for (Attachment a : Texts.required(attachments, field)) { // not contains(null): List.of refuses it
      if (a == null) {
        throw new InvalidInputException(field, "must not contain null");
      }
    }
    List<Attachment> copy = List.copyOf(attachments);
    if (copy.size() > Attachment.MAX_PER_COMMAND) {
      throw new InvalidInputException(
          field, "must hold at most " + Attachment.MAX_PER_COMMAND + " (was " + copy.size() + ")");
    }
    return copy;
  }

  /**
   * The officer of the assigned post records a contact with the complainant (Raipur's "the officer
   * phones the complainant first"): a call made, or a call that did not reach them. Either meets
   * the first-response duty (see {@link org.nivaran.grievance.sla.FirstResponsePolicy}); later
   * contacts are recorded too, but only the first counts. The status stays.
   *
   * <p>{@link #toString()} leaves the remark out (it may quote the citizen), giving its length.
   *
   * @param outcome how the contact went
   * @param remark what was said or tried, if recorded (at most {@link #MAX_REASON_LENGTH} code points)
   */
  record RecordContact(ContactOutcome outcome, Optional<String> remark) implements ComplaintCommand {
    /**
     * Validates the fields.
     *
     * @param outcome how the contact went
     * @param remark what was said or tried, if recorded
     * @throws InvalidInputException naming a missing field or a remark that is blank or too long
     */
    public RecordContact {
      Texts.required(outcome, "outcome");
      remark = checkOptionalText("remark", remark);
    }

    @Override
    public CommandType type() {
      return CommandType.RECORD_CONTACT;
    }

    /**
     * The command without the remark's text.
     *
     * @return e.g. {@code RecordContact[outcome=CALL_MADE, remark=(42 chars)]}
     */
    @Override
    public String toString() {
      return "RecordContact[outcome=" + outcome + ", remark=" + ContactRemarks.masked(remark) + "]";
    }
  }

  /**
   * The system records when the first response to a complaint is due, once, at its first
   * assignment (see {@link org.nivaran.grievance.sla.FirstResponsePolicy}). The status stays.
   *
   * @param dueAt when the first response is due
   */
  record SetFirstResponseDue(java.time.Instant dueAt) implements ComplaintCommand {
    /**
     * Checks the part.
     *
     * @param dueAt when the first response is due
     * @throws InvalidInputException if it is missing
     */
    public SetFirstResponseDue {
      Texts.required(dueAt, "dueAt");
    }

    @Override
    public CommandType type() {
      return CommandType.SET_FIRST_RESPONSE_DUE;
    }
  }

  /**
   * The system records when a pending special-closure request's approving post runs out of time
   * (see {@link org.nivaran.grievance.policy.SpecialClosurePolicy}): when the request is made, and
   * each time the escalator moves the approval duty one post up, naming that post. The status
   * stays; a special-closure request must be pending.
   *
   * @param approver the post the approval duty moves up to; empty when the deadline is the first,
   *     set as the request is made
   * @param dueAt when the approving post's time runs out
   */
  record SetSpecialClosureDue(Optional<PostId> approver, java.time.Instant dueAt) implements ComplaintCommand {
    /**
     * Checks the parts.
     *
     * @param approver the post the approval duty moves up to, if it moves
     * @param dueAt when the approving post's time runs out
     * @throws InvalidInputException naming a missing part
     */
    public SetSpecialClosureDue {
      Texts.required(approver, "approver");
      Texts.required(dueAt, "dueAt");
    }

    @Override
    public CommandType type() {
      return CommandType.SET_SPECIAL_CLOSURE_DUE;
    }
  }

  private static Optional<String> checkOptionalText(String field, Optional<String> text) {
    return Texts.required(text, field).map(t -> Texts.multiLine(t, field, MAX_REASON_LENGTH));
  }
}
