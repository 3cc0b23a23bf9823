package org.nivaran.grievance.complaint;

/**
 * Why an open complaint needs attention beyond its post. A flag is set by a
 * {@link ComplaintCommand.Flag} command and cleared when the complaint moves to another post
 * (assigned, escalated, transferred, reassigned) or leaves the open states; the escalation flags
 * are also cleared when a reply is filed or the complaint reopens. A flag that asks a person's
 * judgement ({@link #isClearedByHand()}) is also cleared by {@link ComplaintCommand.ClearFlag}.
 */
public enum ComplaintFlag {
  /** No post could be found for its category and jurisdiction at registration. */
  UNROUTED,
  /**
   * Its level's time ran out but the escalation could not happen (no supervisor post configured,
   * the next post vacant); it is on the stuck list.
   */
  ESCALATION_BLOCKED,
  /** Its level's time ran out at the top rung of its ladder. */
  OVERDUE_AT_TOP,
  /** It was bounced between departments as often as the transfer policy allows. */
  TRANSFER_LIMIT_REACHED,
  /**
   * Its first-response deadline passed with no contact recorded (see
   * {@link org.nivaran.grievance.sla.FirstResponsePolicy}); the flag's attention is the post above
   * the one responsible. It is not an escalation flag: the level's SLA clock stays due.
   */
  FIRST_RESPONSE_MISSED,
  /**
   * A pending special-closure request's approval deadline passed and there was no post further up
   * to move the approval duty to (see {@link org.nivaran.grievance.policy.SpecialClosurePolicy});
   * the flag's attention is the last approving post (the complaint's own post if it has none
   * above), and the deadline stops counting. It is not an
   * escalation flag; it also clears when the request is refused or lapses.
   */
  SPECIAL_CLOSURE_OVERDUE,
  /**
   * At registration, an open complaint of the same category lay within the distance and time the
   * duplicate policy sets for it, and the policy asks the agent to confirm rather than link it
   * automatically: the agent links it ({@link ComplaintCommand.Reject} as
   * {@link RejectionReason#DUPLICATE} of a candidate) or clears the flag
   * ({@link ComplaintCommand.ClearFlag}). It is not an escalation flag.
   */
  POSSIBLE_REPEAT;

  /**
   * Whether an agent or supervisor may clear the flag with {@link ComplaintCommand.ClearFlag}: a
   * flag that asks a person's judgement rather than reports a state the lifecycle clears by
   * itself. Only {@link #POSSIBLE_REPEAT} is.
   *
   * @return whether it is cleared by hand
   */
  public boolean isClearedByHand() {
    return this == POSSIBLE_REPEAT;
  }

  /**
   * Whether the flag concerns the current level's escalation, and is therefore cleared when a
   * reply is filed or the complaint reopens.
   *
   * @return whether an escalation flag
   */
  public boolean isEscalationFlag() {
    return this == ESCALATION_BLOCKED || this == OVERDUE_AT_TOP;
  }
}
