package org.nivaran.grievance.complaint;

import java.util.Objects;

/**
 * What {@link org.nivaran.grievance.Grievances#submit} made of a registration request: the last of
 * the four types one registration travels through (see {@link RegisterComplaint}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param complaint the complaint the request ended in, as it is now
 * @param outcome how
 */
public record Registration(Complaint complaint, Outcome outcome) {

  /** How a registration request ended. */
  public enum Outcome {
    /** A new complaint was created. */
    CREATED,
    /** The request repeated an earlier one with the same idempotency key; nothing was stored. */
    REPLAYED,
    /**
     * The request repeated an open complaint and was recorded on it as a {@code DuplicateLinked}
     * event (see {@link org.nivaran.grievance.policy.DuplicatePolicy}).
     */
    LINKED
  }

  /**
   * Checks the fields.
   *
   * @param complaint the complaint the request ended in
   * @param outcome how
   */
  public Registration {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(outcome, "outcome");
  }
}
