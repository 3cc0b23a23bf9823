package org.nivaran.grievance.store;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;

/**
 * A write would give a complaint an external reference that another complaint of the same tenant
 * already holds: within a tenant, a source's id names at most one complaint. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateReferenceException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the reference. */
  private final ExternalReference reference;
  /** @serial the complaint that holds it. */
  private final ComplaintId holder;

  /**
   * Creates the exception.
   *
   * @param reference the reference
   * @param holder the complaint that already holds it
   */
  public DuplicateReferenceException(ExternalReference reference, ComplaintId holder) {
    super("reference " + Objects.requireNonNull(reference, "reference") + " is already held by complaint "
        + Objects.requireNonNull(holder, "holder"));
    this.reference = reference;
    this.holder = holder;
  }

  /**
   * The reference.
   *
   * @return the reference
   */
  public ExternalReference reference() {
    return reference;
  }

  /**
   * The complaint that already holds it.
   *
   * @return its id
   */
  public ComplaintId holder() {
    return holder;
  }
}
