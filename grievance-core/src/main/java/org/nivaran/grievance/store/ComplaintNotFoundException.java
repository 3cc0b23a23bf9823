package org.nivaran.grievance.store;

import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.tenant.TenantId;

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
   * Creates the exception for a tenant that has no complaint with the id (another tenant may).
   *
   * @param tenant the tenant asked about
   * @param complaintId the complaint id
   */
  public ComplaintNotFoundException(TenantId tenant, ComplaintId complaintId) {
    super("no complaint " + complaintId
        + (java.util.Objects.requireNonNull(tenant, "tenant").isDefault() ? "" : " in tenant " + tenant));
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
