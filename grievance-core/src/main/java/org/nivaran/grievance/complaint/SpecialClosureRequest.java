package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.internal.Texts;

/**
 * A special closure an officer asked for and a second person has not yet approved or refused (see
 * {@link ComplaintCommand.RequestSpecialClosure}). Immutable and thread-safe.
 *
 * @param reason the reason code
 * @param remark the officer's explanation
 * @param requestedBy the post the officer asked from (the complaint's post then)
 * @param requestedAt when
 * @param approver the post whose holder approves since the request waited too long and the duty
 *     moved up ({@link ComplaintEvent.SpecialClosureDueSet}); empty while the special-closure
 *     policy's own rule says who approves
 * @param dueAt when the approving post's time runs out, while it counts: empty when the policy sets
 *     no wait limit, and once the complaint is flagged {@link ComplaintFlag#SPECIAL_CLOSURE_OVERDUE}
 * @param requesterId the id of the officer who asked, who may not approve or refuse it from any
 *     post; empty in documents written before it was recorded
 */
public record SpecialClosureRequest(
    SpecialClosureReason reason, String remark, PostId requestedBy, Instant requestedAt, Optional<PostId> approver,
    Optional<Instant> dueAt, Optional<String> requesterId) {
  /**
   * Checks the parts.
   *
   * @param reason the reason code
   * @param remark the officer's explanation
   * @param requestedBy the post the officer asked from
   * @param requestedAt when
   * @param approver the post the approval duty moved up to, if it moved
   * @param dueAt the approval deadline, while it counts
   * @param requesterId the id of the officer who asked, if recorded
   * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid part
   */
  public SpecialClosureRequest {
    Texts.required(reason, "reason");
    remark = Texts.multiLine(remark, "remark", ComplaintCommand.MAX_REASON_LENGTH);
    Texts.required(requestedBy, "requestedBy");
    Texts.required(requestedAt, "requestedAt");
    Texts.required(approver, "approver");
    Texts.required(dueAt, "dueAt");
    Texts.required(requesterId, "requesterId").ifPresent(id -> Texts.code(id, "requesterId"));
  }

  /**
   * A request whose asking officer is not recorded.
   *
   * @param reason the reason code
   * @param remark the officer's explanation
   * @param requestedBy the post the officer asked from
   * @param requestedAt when
   * @param approver the post the approval duty moved up to, if it moved
   * @param dueAt the approval deadline, while it counts
   * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid part
   */
  public SpecialClosureRequest(SpecialClosureReason reason, String remark, PostId requestedBy, Instant requestedAt,
      Optional<PostId> approver, Optional<Instant> dueAt) {
    this(reason, remark, requestedBy, requestedAt, approver, dueAt, Optional.empty());
  }

  /**
   * A request just made: the policy's rule says who approves, and no deadline is recorded yet.
   *
   * @param reason the reason code
   * @param remark the officer's explanation
   * @param requestedBy the post the officer asked from
   * @param requestedAt when
   * @throws org.nivaran.grievance.InvalidInputException naming a missing or invalid part
   */
  public SpecialClosureRequest(SpecialClosureReason reason, String remark, PostId requestedBy, Instant requestedAt) {
    this(reason, remark, requestedBy, requestedAt, Optional.empty(), Optional.empty());
  }

  /**
   * The reason recorded on the closure once approved: the code and the officer's remark.
   *
   * @return e.g. {@code "POLICY_MATTER: the grievance is against the fee notification"}
   */
  public String closureReason() {
    return reason + ": " + remark;
  }

  /** The request with a new deadline and, if the duty moved up, its new approving post. */
  SpecialClosureRequest due(Optional<PostId> movedTo, Instant at) {
    return new SpecialClosureRequest(
        reason, remark, requestedBy, requestedAt, movedTo.or(() -> approver), Optional.of(at), requesterId);
  }

  /** The request whose deadline no longer counts (flagged overdue with nowhere further up). */
  SpecialClosureRequest stopped() {
    return new SpecialClosureRequest(reason, remark, requestedBy, requestedAt, approver, Optional.empty(), requesterId);
  }
}
