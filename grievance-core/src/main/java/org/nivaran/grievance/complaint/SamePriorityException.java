package org.nivaran.grievance.complaint;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.sla.Priority;

/**
 * A {@link ComplaintCommand.ChangePriority} named the priority the complaint already has. Nothing
 * was stored. Immutable and thread-safe.
 */
public final class SamePriorityException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;
  /** @serial the priority. */
  private final Priority priority;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint
   * @param priority the priority it has already
   */
  public SamePriorityException(ComplaintId complaintId, Priority priority) {
    super("to: complaint " + complaintId + " has priority " + priority + " already");
    this.complaintId = complaintId;
    this.priority = priority;
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
   * The priority the complaint has already.
   *
   * @return the priority
   */
  public Priority priority() {
    return priority;
  }
}
