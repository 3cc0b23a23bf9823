package org.nivaran.grievance.store;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * The complaint changed since the caller read it: another command was stored first. Nothing was written; reload the complaint and decide again.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaleVersionException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;
  /** @serial the expected version. */
  private final long expectedVersion;
  /** @serial the actual version. */
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint id
   * @param expectedVersion the expected version
   * @param actualVersion the actual version
   */
  public StaleVersionException(ComplaintId complaintId, long expectedVersion, long actualVersion) {
    super("complaint " + complaintId + " is at version " + actualVersion + ", not the expected " + expectedVersion);
    this.complaintId = complaintId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * The complaint id.
   *
   * @return the value
   */
  public ComplaintId complaintId() {
    return complaintId;
  }

  /**
   * The expected version.
   *
   * @return the value
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The actual version.
   *
   * @return the value
   */
  public long actualVersion() {
    return actualVersion;
  }
}
