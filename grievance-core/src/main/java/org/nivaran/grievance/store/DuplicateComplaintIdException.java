package org.nivaran.grievance.store;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * A complaint with this id exists already: the id scheme issued an id twice. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateComplaintIdException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint id
   */
  public DuplicateComplaintIdException(ComplaintId complaintId) {
    super("complaint " + complaintId + " exists already; the id scheme issued it twice");
    this.complaintId = complaintId;
  }

  /**
   * The complaint id.
   *
   * @return the value
   */
  public ComplaintId complaintId() {
    return complaintId;
  }
}
