package org.nivaran.grievance.store;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * No complaint has the given id.
 *
 * <p>Immutable and thread-safe.
 */
public final class ComplaintNotFoundException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint id
   */
  public ComplaintNotFoundException(ComplaintId complaintId) {
    super("no complaint " + complaintId);
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
