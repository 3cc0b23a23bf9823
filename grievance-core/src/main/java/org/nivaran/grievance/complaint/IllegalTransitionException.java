package org.nivaran.grievance.complaint;

import java.util.Set;
import org.nivaran.grievance.GrievanceException;

/**
 * A command was issued in a state where the lifecycle table does not allow it. Nothing was stored.
 * Immutable and thread-safe.
 */
public final class IllegalTransitionException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;
  /** @serial the status. */
  private final Status status;
  /** @serial the command. */
  private final CommandType command;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint
   * @param status the state it is in
   * @param command the command refused
   * @param allowedIn the states the command is allowed in, for the message
   */
  public IllegalTransitionException(
      ComplaintId complaintId, Status status, CommandType command, Set<Status> allowedIn) {
    super(
        command + " is not allowed in state " + status + " (complaint " + complaintId
            + "); it is allowed in " + allowedIn);
    this.complaintId = complaintId;
    this.status = status;
    this.command = command;
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
   * The state the complaint was in.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * The command refused.
   *
   * @return the command's type
   */
  public CommandType command() {
    return command;
  }
}
