package org.nivaran.grievance.store;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * An idempotency key was used again for a different request. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdempotencyConflictException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the idempotency key. */
  private final String idempotencyKey;
  /** @serial the existing. */
  private final ComplaintId existing;

  /**
   * Creates the exception.
   *
   * @param idempotencyKey the idempotencykey
   * @param existing the existing
   */
  public IdempotencyConflictException(String idempotencyKey, ComplaintId existing) {
    super("idempotency key '" + idempotencyKey + "' was used for complaint " + existing + " with a different request");
    this.idempotencyKey = idempotencyKey;
    this.existing = existing;
  }

  /**
   * The idempotencykey.
   *
   * @return the value
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * The existing.
   *
   * @return the value
   */
  public ComplaintId existing() {
    return existing;
  }
}
