package org.nivaran.grievance.policy;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * A {@code Reopen} the {@link VerificationPolicy} does not allow: the reopen window has passed or
 * the complaint was reopened as often as allowed. Nothing is stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReopenRefusedException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** Why a reopening was refused. */
  public enum Reason {
    /** Closed longer ago than the reopen window. */
    WINDOW_PASSED,
    /** Reopened as many times as the limit allows. */
    LIMIT_REACHED
  }

  /** The complaint whose reopening was refused. */
  private final ComplaintId complaintId;
  /** Why it was refused. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint
   * @param reason why
   * @param message the details
   */
  public ReopenRefusedException(ComplaintId complaintId, Reason reason, String message) {
    super(message);
    this.complaintId = Objects.requireNonNull(complaintId, "complaintId");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The complaint.
   *
   * @return its id
   */
  public ComplaintId complaintId() {
    return complaintId;
  }

  /**
   * Why the reopening was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
